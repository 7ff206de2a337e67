package org.reliefclearance.clearance;

/**
 * The clearance process's contract, in one place: its key, the messages it waits for and
 * the names of its variables. Delegates, controllers, forms and tests use these names.
 */
public final class ClearanceProcess {

    public static final String KEY = "relief-consignment-clearance";

    private ClearanceProcess() {
    }

    /** Messages correlated by business key (the consignment reference). */
    public static final class Messages {
        public static final String CONSIGNMENT_ARRIVED = "ConsignmentArrived";
        public static final String CONSIGNMENT_WITHDRAWN = "ConsignmentWithdrawn";
        public static final String DISTRIBUTION_REPORTED = "DistributionReported";
        /** Correlated by business key and the local variable {@link Vars#AUTHORITY} of the waiting review. */
        public static final String INFORMATION_PROVIDED = "InformationProvided";

        private Messages() {
        }
    }

    /** Ids of the elements tests and monitoring refer to. */
    public static final class Elements {
        public static final String REGISTER_CONSIGNMENT = "Task_RegisterConsignment";
        public static final String CHECK_CONSIGNEE_ELIGIBILITY = "Task_CheckConsigneeEligibility";
        public static final String CLASSIFY_CONSIGNMENT_LINES = "Task_ClassifyConsignmentLines";
        public static final String ENDORSE_REQUEST = "Task_EndorseRequest";
        public static final String REVIEW_BY_AUTHORITY = "Task_ReviewByAuthority";
        public static final String SUMMARISE_REVIEWS = "Task_SummariseReviews";
        public static final String DECIDE_EXEMPTION = "Task_DecideExemption";
        public static final String RECORD_EXEMPTION_DECISION = "Task_RecordExemptionDecision";
        public static final String CONSIGNMENT_ARRIVED = "Event_ConsignmentArrived";
        public static final String ASSESS_EXAMINATION_RISK = "Task_AssessExaminationRisk";
        public static final String CLEAR_AT_PORT = "Task_ClearAtPort";
        public static final String EXAMINE_GOODS = "Task_ExamineGoods";
        public static final String ISSUE_RELEASE_NOTE = "Task_IssueReleaseNote";
        public static final String HAND_OVER_TO_CUSTOMS_SYSTEM = "Task_HandOverToCustomsSystem";
        public static final String COMPLETE_DECLARATION = "Task_CompleteDeclaration";
        public static final String DECLARATION_OVERDUE = "Event_DeclarationOverdue";
        public static final String HANDLE_OVERDUE_DECLARATION = "Task_HandleOverdueDeclaration";
        public static final String DISTRIBUTION_REPORT_OR_DEADLINE = "Gateway_DistributionReportOrDeadline";
        public static final String DISTRIBUTION_REPORTED = "Event_DistributionReported";
        public static final String DISTRIBUTION_REPORT_OVERDUE = "Event_DistributionReportOverdue";
        public static final String FOLLOW_UP_DISTRIBUTION_REPORT = "Task_FollowUpDistributionReport";
        public static final String CLOSE_CASE = "Task_CloseCase";
        public static final String CASE_CLOSED = "Event_CaseClosed";
        public static final String CONSIGNEE_NOT_ELIGIBLE = "Event_ConsigneeNotEligible";
        public static final String CONSIGNMENT_PROHIBITED = "Event_ConsignmentProhibited";
        public static final String REQUEST_NOT_ENDORSED = "Event_RequestNotEndorsed";
        public static final String CONSIGNMENT_REJECTED = "Event_ConsignmentRejected";
        public static final String RECORD_WITHDRAWAL = "Task_RecordWithdrawal";
        public static final String CONSIGNMENT_WITHDRAWN = "Event_ConsignmentWithdrawn";

        private Elements() {
        }
    }

    /** The decisions the process evaluates. */
    public static final class Decisions {
        public static final String GOODS_CLASSIFICATION = "goods-classification";
        public static final String EXAMINATION_RISK = "examination-risk";

        private Decisions() {
        }
    }

    /** Process variable names. */
    public static final class Vars {
        public static final String CONSIGNMENT_REFERENCE = "consignmentReference";
        public static final String ORGANISATION_CODE = "organisationCode";
        public static final String PORT_CODE = "portCode";
        public static final String PORT_CUSTOMS_GROUP = "portCustomsGroup";
        public static final String PROVISIONAL_DECLARATION = "provisionalDeclaration";
        public static final String AUTHORITY = "authority";
        public static final String ARRIVED_BY = "arrivedBy";
        public static final String WITHDRAWAL_REASON = "withdrawalReason";
        public static final String INFORMATION_RESPONSE = "informationResponse";
        public static final String DISTRIBUTION_REPORT = "distributionReport";

        /** Who submitted the Tasklist start form ({@code camunda:initiator}). */
        public static final String INITIATOR = "initiator";
        /** Start form fields (Tasklist), turned into a consignment by RegisterConsignment. */
        public static final String EXPECTED_ARRIVAL = "expectedArrival";
        public static final String TRANSPORT_DOCUMENT_TYPE = "transportDocumentType";
        public static final String TRANSPORT_DOCUMENT_NUMBER = "transportDocumentNumber";
        public static final String DONOR = "donor";
        /** JSON list of the lines: entered on the start form, shown (with classification) on every task form. */
        public static final String LINES = "lines";
        /** The start form offers this many line slots: line1Description ... line5GrossWeightKg. */
        public static final int START_FORM_LINE_SLOTS = 5;

        /** A start-form line slot's variable, e.g. {@code lineField(2, "HsCode")} = {@code line2HsCode}. */
        public static String lineField(int slot, String field) {
            return "line" + slot + field;
        }

        /** The start-form checkbox that opens line slot 2 and up: {@code addLine2}. */
        public static String addLine(int slot) {
            return "addLine" + slot;
        }

        /** Shown on the task forms. */
        public static final String ORGANISATION_NAME = "organisationName";
        public static final String PORT_NAME = "portName";

        public static final String CONSIGNEE_ELIGIBLE = "consigneeEligible";
        public static final String ELIGIBILITY_REASON = "eligibilityReason";

        /** Distinct authority codes whose permits the lines need: one review each. */
        public static final String REQUIRED_AUTHORITIES = "requiredAuthorities";
        public static final String PERMITS_REQUIRED = "permitsRequired";
        public static final String HAS_PROHIBITED_LINES = "hasProhibitedLines";
        public static final String PROHIBITION_REASON = "prohibitionReason";
        public static final String HAS_DUTIABLE_LINES = "hasDutiableLines";

        public static final String ENDORSEMENT_DECISION = "endorsementDecision";
        public static final String ENDORSEMENT_REASON = "endorsementReason";

        /** ALL_APPROVED, PARTIAL or ALL_REJECTED, once every authority has reviewed. */
        public static final String REVIEW_OUTCOME = "reviewOutcome";
        public static final String REVIEW_SUMMARY = "reviewSummary";

        /** FULL, PARTIAL or NONE. */
        public static final String EXEMPTION_DECISION = "exemptionDecision";
        public static final String WAIVED_VALUE_USD = "waivedValueUsd";
        public static final String EXEMPTION_REASON = "exemptionReason";

        public static final String EXAMINATION_RECOMMENDED = "examinationRecommended";
        public static final String RISK_REASON = "riskReason";
        public static final String EMERGENCY_ACTIVE = "emergencyActive";
        /** RELEASE or EXAMINE, chosen by the port officer. */
        public static final String CLEARANCE_DECISION = "clearanceDecision";
        public static final String EXAMINATION_REASON = "examinationReason";
        /** IM8: released before the declaration, which must follow within the deadline. */
        public static final String RELEASE_BEFORE_DECLARATION = "releaseBeforeDeclaration";
        public static final String EXAMINATION_RESULT = "examinationResult";
        public static final String EXAMINATION_FINDINGS = "examinationFindings";

        public static final String RELEASE_NUMBER = "releaseNumber";
        public static final String DECLARATION_NUMBER = "declarationNumber";

        private Vars() {
        }
    }
}
