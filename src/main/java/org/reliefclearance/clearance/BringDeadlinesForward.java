package org.reliefclearance.clearance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.emergency.NationalEmergency;
import org.springframework.stereotype.Component;

/**
 * Task_BringDeadlinesForward of {@code national-emergency}: at the emergency's start, the running steps
 * of the consignments it covers get the emergency deadline where it is earlier. It lives with the
 * clearance process because it moves that process's (and its reviews') timers.
 */
@Component("bringDeadlinesForward")
class BringDeadlinesForward implements JavaDelegate {

    private final RunningDeadlines running;

    BringDeadlinesForward(RunningDeadlines running) {
        this.running = running;
    }

    @Override
    public void execute(DelegateExecution execution) {
        running.bringForward(NationalEmergency.Vars.EMERGENCY_CODE.require(execution));
    }
}
