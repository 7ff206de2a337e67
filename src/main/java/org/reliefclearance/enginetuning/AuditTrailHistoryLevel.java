package org.reliefclearance.enginetuning;

import java.util.Set;

import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * History level {@code audit-trail}: everything level {@code full} keeps (process, activity and task
 * instances, the last value of every variable, candidate groups and assignees, incidents, decisions
 * with their inputs and outputs, the user operation log, every job that ran or failed, failed
 * external tasks) except the per-update copies of variables and form fields ({@code ACT_HI_DETAIL})
 * and the log of jobs and external tasks being created or deleted. Who decided what, when and why is
 * the case's timeline, written by the application; the details would copy it once more per variable
 * and per step. A job's success stays: it proves that each step and deadline ran once, on one node.
 * Rules evaluated only to answer a read ({@link RuleLookups}) leave no decision history.
 */
final class AuditTrailHistoryLevel extends AbstractHistoryLevel {

    static final String NAME = "audit-trail";
    /** Stored in ACT_GE_PROPERTY; Camunda's own levels are 0 to 3. */
    static final int ID = 30;

    private static final Set<HistoryEventType> LEFT_OUT = Set.of(
            HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL, HistoryEventTypes.FORM_PROPERTY_UPDATE,
            HistoryEventTypes.JOB_CREATE, HistoryEventTypes.JOB_DELETE,
            HistoryEventTypes.EXTERNAL_TASK_CREATE, HistoryEventTypes.EXTERNAL_TASK_SUCCESS,
            HistoryEventTypes.EXTERNAL_TASK_DELETE);

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (eventType == HistoryEventTypes.DMN_DECISION_EVALUATE && RuleLookups.lookingUp()) {
            return false;
        }
        return !LEFT_OUT.contains(eventType);
    }
}
