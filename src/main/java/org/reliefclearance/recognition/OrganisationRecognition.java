package org.reliefclearance.recognition;

import static org.reliefclearance.variables.Variable.choice;
import static org.reliefclearance.variables.Variable.text;

import org.reliefclearance.variables.Variable;

/**
 * The contract of {@code organisation-recognition}: an organisation not yet registered applied for
 * recognition during a national emergency; MoLSW recognises or refuses it within the deadline, else
 * the head of MoLSW's service decides. Business key: the organisation's registry code.
 */
public final class OrganisationRecognition {

    public static final String KEY = "organisation-recognition";

    private OrganisationRecognition() {
    }

    public static final class Elements {
        public static final String RECOGNITION_APPLIED = "Event_RecognitionApplied";
        public static final String DECIDE_RECOGNITION = "Task_DecideRecognition";
        public static final String RECOGNITION_OVERDUE = "Event_RecognitionOverdue";
        public static final String DECIDE_OVERDUE_RECOGNITION = "Task_DecideOverdueRecognition";
        public static final String RECORD_RECOGNITION_DECISION = "Task_RecordRecognitionDecision";
        public static final String NOTIFY_WAITING_CONSIGNMENTS = "Task_NotifyWaitingConsignments";
        public static final String ORGANISATION_RECOGNISED = "Event_OrganisationRecognised";
        public static final String RECOGNITION_REFUSED = "Event_RecognitionRefused";

        private Elements() {
        }
    }

    /** The process's variables, typed; the application shown on the task form is service-written. */
    public static final class Vars {
        public static final Variable<String> ORGANISATION_CODE = text("organisationCode");
        public static final Variable<String> ORGANISATION_NAME = text("organisationName");
        public static final Variable<String> ORGANISATION_KIND = text("organisationKind");
        public static final Variable<String> COUNTRY = text("country");
        public static final Variable<String> COUNTERPART_MINISTRY = text("counterpartMinistry");
        /** Contact person, e-mail and phone, as one line for the form. */
        public static final Variable<String> CONTACT = text("contact");
        public static final Variable<String> EMERGENCY_NAME = text("emergencyName");
        /** The user account the organisation asked for. */
        public static final Variable<String> APPLICANT_USER = text("applicantUser");
        /** MoLSW's decision, from the task form. */
        public static final Variable<RecognitionDecision> RECOGNITION_DECISION =
                choice("recognitionDecision", RecognitionDecision.class);
        public static final Variable<String> RECOGNITION_REASON = text("recognitionReason");

        private Vars() {
        }
    }
}
