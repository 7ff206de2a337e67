package org.reliefclearance.enginedoor;

import java.util.Date;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Nobody, administrators included, takes a job's due date away: jobs are acquired by due date
 * (enginetuning/JobsByDueDate), and one without would never run. Camunda's own command accepts
 * {@code null}; here it is refused before anything changes, as the engine refuses what a caller may
 * not do (the REST API answers 403). To run a job at once, give it the time now.
 */
final class JobDueDateKept extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl engine;

    JobDueDateKept(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (command instanceof SetJobDuedateCmd && engine.isEnsureJobDueDateNotNull()
                && CommandFields.<Date>read(command, "newDuedate") == null) {
            throw new AuthorizationException("duedate: a job keeps a due date (give the time now to run it at once)");
        }
        return next.execute(command);
    }
}
