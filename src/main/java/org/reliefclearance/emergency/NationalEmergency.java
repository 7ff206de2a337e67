package org.reliefclearance.emergency;

/**
 * The contract of {@code national-emergency}: MoLSW declares an emergency for a period; it ends
 * by itself at the end of the period, or earlier by an officer or the {@code EmergencyEnded} message
 * (correlated by business key = emergency code).
 */
public final class NationalEmergency {

    public static final String KEY = "national-emergency";

    private NationalEmergency() {
    }

    public static final class Messages {
        /** Ends the emergency early; variables {@link Vars#ENDED_BY}, {@link Vars#END_REASON}. */
        public static final String EMERGENCY_ENDED = "EmergencyEnded";

        private Messages() {
        }
    }

    public static final class Elements {
        public static final String DECLARE_EMERGENCY = "Task_DeclareEmergency";
        public static final String END_EMERGENCY_EARLY = "Task_EndEmergencyEarly";
        public static final String EMERGENCY_PERIOD_OVER = "Event_EmergencyPeriodOver";
        public static final String EMERGENCY_ENDED_EARLY = "Event_EmergencyEndedEarly";
        public static final String END_EMERGENCY = "Task_EndEmergency";
        public static final String EMERGENCY_ENDED = "Event_EmergencyEnded";

        private Elements() {
        }
    }

    /** Process variable names. */
    public static final class Vars {
        // the start form
        public static final String EMERGENCY_NAME = "emergencyName";
        public static final String PROVINCES = "provinces";
        public static final String EMERGENCY_STARTS_AT = "emergencyStartsAt";
        public static final String EMERGENCY_ENDS_AT = "emergencyEndsAt";
        /** Set by the start event: the officer who declared it. */
        public static final String DECLARED_BY = "declaredBy";
        /** Set by Task_DeclareEmergency; also the business key. */
        public static final String EMERGENCY_CODE = "emergencyCode";
        /** Set by Task_DeclareEmergency for the officers' task: the period in local time. */
        public static final String EMERGENCY_PERIOD = "emergencyPeriod";
        // ending early
        public static final String ENDED_BY = "endedBy";
        public static final String END_REASON = "endReason";

        private Vars() {
        }
    }
}
