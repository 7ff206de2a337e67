package org.reliefclearance.time;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Moves the service's one clock ({@link EngineClock}) for a simulated exercise: timers, deadlines and
 * the application read the time set here. After each move the job executor is woken up, because it
 * acquires jobs by due date and would otherwise sleep through timers a jump just made due.
 * Only the exercise mode calls it; everywhere else the clock is the real one.
 */
public class SimulatedTime {

    private final ProcessEngine engine;

    public SimulatedTime(ProcessEngine engine) {
        this.engine = engine;
    }

    /** Real time, which an exercise's speed multiplies (not the service's clock). */
    public Instant realNow() {
        return Instant.now();
    }

    /** The service's clock shows {@code simulated} until the next call. */
    public void set(Instant simulated) {
        ClockUtil.setCurrentTime(Date.from(simulated));
        JobExecutor jobs = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        if (jobs != null && jobs.isActive()) {
            jobs.jobWasAdded();
        }
    }

    /** Back to real time. */
    public void reset() {
        ClockUtil.reset();
    }
}
