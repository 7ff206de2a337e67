package org.reliefclearance.enginetuning;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * An asynchronous step that lost a race with another change to its case (an official's answer, a
 * port's arrival report, a review ending) runs again at once, not after the delay of its retry
 * cycle. The cycles ({@code failedJobRetryTimeCycle}, e.g. five tries ten seconds apart) give a
 * failing dependency time to recover; a collision is over when the other change has committed.
 * In the benchmark every second case's exemption step collided with the arrival report and waited
 * ten seconds (README, "Performance").
 * <p>
 * Camunda records the failure in the job log and, for a collision, spends no try. Only a step's first
 * failure is retried at once: should it collide again, or fail otherwise, it waits as before, so a
 * step that collides every time cannot keep the job executor busy.
 */
@Component
public class CollidedStepsRetriedAtOnce extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setFailedJobCommandFactory(retriedAtOnce(configuration.getFailedJobCommandFactory()));
    }

    static FailedJobCommandFactory retriedAtOnce(FailedJobCommandFactory standard) {
        return (jobId, failure) -> {
            Command<Object> retry = standard.getCommand(jobId, failure);
            if (!Collision.isCollision(failure)) {
                return retry;
            }
            return commandContext -> {
                JobEntity failed = commandContext.getJobManager().findJobById(jobId);
                boolean firstFailure = failed != null && failed.getExceptionMessage() == null
                        && failed.getExceptionByteArrayId() == null;
                Object result = retry.execute(commandContext);
                JobEntity job = commandContext.getJobManager().findJobById(jobId);
                if (firstFailure && job != null && job.getRetries() > 0) {
                    job.setDuedate(ClockUtil.getCurrentTime());
                    // wake the acquisition as a new job does, or it may sleep out its idle wait first
                    JobExecutor executor = commandContext.getProcessEngineConfiguration().getJobExecutor();
                    if (executor != null && executor.isActive()) {
                        commandContext.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                                committed -> executor.jobWasAdded());
                    }
                }
                return result;
            };
        };
    }
}
