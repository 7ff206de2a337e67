package org.reliefclearance.emergency;

import static org.reliefclearance.variables.Variable.choice;
import static org.reliefclearance.variables.Variable.instant;
import static org.reliefclearance.variables.Variable.text;
import static org.reliefclearance.variables.Variable.texts;

import java.time.Instant;
import java.util.List;

import org.reliefclearance.variables.Variable;

/**
 * The contract of {@code national-emergency}: MoLSW declares an emergency for a period; it ends
 * by itself at the end of the period, or earlier by an officer or the {@code EmergencyEnded} message
 * (correlated by business key = emergency code).
 */
public final class NationalEmergency {

    public static final String KEY = "national-emergency";

    private NationalEmergency() {
    }

    /** What the officer does on Task_EndEmergencyEarly. */
    public enum Action {
        END, EXTEND
    }

    public static final class Messages {
        /** Ends the emergency early; variables {@link Vars#ENDED_BY}, {@link Vars#END_REASON}. */
        public static final String EMERGENCY_ENDED = "EmergencyEnded";
        /**
         * Moves the end later; variables {@link Vars#NEW_ENDS_AT}, {@link Vars#EXTENDED_BY} (from the
         * caller's authentication), {@link Vars#EXTENSION_REASON}.
         */
        public static final String EMERGENCY_EXTENDED = "EmergencyExtended";

        private Messages() {
        }
    }

    public static final class Elements {
        public static final String DECLARE_EMERGENCY = "Task_DeclareEmergency";
        public static final String EMERGENCY_STARTS = "Event_EmergencyStarts";
        public static final String BRING_DEADLINES_FORWARD = "Task_BringDeadlinesForward";
        public static final String INFORM_CUSTOMS = "Task_InformCustoms";
        public static final String EMERGENCY_EXTENDED = "Event_EmergencyExtended";
        public static final String EXTEND_EMERGENCY = "Task_ExtendEmergency";
        public static final String END_EMERGENCY_EARLY = "Task_EndEmergencyEarly";
        public static final String EMERGENCY_PERIOD_OVER = "Event_EmergencyPeriodOver";
        public static final String EMERGENCY_ENDED_EARLY = "Event_EmergencyEndedEarly";
        public static final String END_EMERGENCY = "Task_EndEmergency";
        public static final String EMERGENCY_ENDED = "Event_EmergencyEnded";

        private Elements() {
        }
    }

    /** The process's variables, typed. */
    public static final class Vars {
        // the start form; its date-times are read in the country's zone ({@link Variable#instantIn})
        public static final Variable<String> EMERGENCY_NAME = text("emergencyName");
        public static final Variable<List<String>> PROVINCES = texts("provinces");
        public static final Variable<Instant> EMERGENCY_STARTS_AT = instant("emergencyStartsAt");
        public static final Variable<Instant> EMERGENCY_ENDS_AT = instant("emergencyEndsAt");
        /** Set by the start event: the officer who declared it. */
        public static final Variable<String> DECLARED_BY = text("declaredBy");
        /** Set by Task_DeclareEmergency; also the business key. */
        public static final Variable<String> EMERGENCY_CODE = text("emergencyCode");
        /** Set by Task_DeclareEmergency for the officers' task: the period in local time. */
        public static final Variable<String> EMERGENCY_PERIOD = text("emergencyPeriod");
        /** The officer's choice on Task_EndEmergencyEarly. */
        public static final Variable<Action> EMERGENCY_ACTION = choice("emergencyAction", Action.class);
        // extending: the new end is read in the country's zone
        public static final Variable<Instant> NEW_ENDS_AT = instant("newEndsAt");
        public static final Variable<String> EXTENDED_BY = text("extendedBy");
        public static final Variable<String> EXTENSION_REASON = text("extensionReason");
        // ending early
        public static final Variable<String> ENDED_BY = text("endedBy");
        public static final Variable<String> END_REASON = text("endReason");

        private Vars() {
        }
    }
}
