package org.reliefclearance.clearance;

import static org.reliefclearance.variables.Variable.amount;
import static org.reliefclearance.variables.Variable.choice;
import static org.reliefclearance.variables.Variable.flag;
import static org.reliefclearance.variables.Variable.instant;
import static org.reliefclearance.variables.Variable.integers;
import static org.reliefclearance.variables.Variable.text;
import static org.reliefclearance.variables.Variable.texts;
import static org.reliefclearance.variables.Variable.value;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.reliefclearance.documents.DocumentsOnForms;
import org.reliefclearance.exemption.ExemptionDecision;
import org.reliefclearance.exemption.LegalBasis;
import org.reliefclearance.review.ReviewOutcome;
import org.reliefclearance.screening.EligibilityOutcome;
import org.reliefclearance.variables.Variable;

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
        /** The consignee amended the notification: the changed lines are classified and reviewed again. */
        public static final String NOTIFICATION_AMENDED = "NotificationAmended";
        /** The head of the checkpoint releases lines that need no permit, during a declared emergency. */
        public static final String EMERGENCY_RELEASE_ORDERED = "EmergencyReleaseOrdered";
        /** Correlated by business key and the local variable {@link Vars#AUTHORITY} of the waiting review. */
        public static final String INFORMATION_PROVIDED = "InformationProvided";
        /**
         * MoLSW recognised or refused an organisation that applied during an emergency; correlated by
         * {@link Vars#ORGANISATION_CODE} to every case of it that waits.
         */
        public static final String RECOGNITION_DECIDED = "RecognitionDecided";

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
        public static final String GOODS_AT_PORT = "Event_GoodsAtPort";
        public static final String RECORD_ARRIVAL = "Task_RecordArrival";
        public static final String ARRIVAL_CHECK_DUE = "Event_ArrivalCheckDue";
        public static final String CHECK_ARRIVAL = "Task_CheckArrival";
        public static final String FOLLOW_UP_MISSING_ARRIVAL = "Task_FollowUpMissingArrival";
        public static final String REVIEWS_COMPLETE = "Event_ReviewsComplete";
        public static final String LINES_READY_FOR_RELEASE = "Event_LinesReadyForRelease";
        public static final String RECORD_REFUSED_LINES_FATE = "Task_RecordRefusedLinesFate";
        public static final String ISSUE_EMERGENCY_RELEASE_NOTE = "Task_IssueEmergencyReleaseNote";
        public static final String CLASSIFY_AMENDED_LINES = "Task_ClassifyAmendedLines";
        public static final String REVIEW_AMENDED_LINES = "Task_ReviewAmendedLines";
        public static final String AMENDMENT_RECORDED = "Event_AmendmentRecorded";
        public static final String HAND_OVER_EMERGENCY_RELEASE = "Task_HandOverEmergencyRelease";
        public static final String COMPLETE_EMERGENCY_DECLARATION = "Task_CompleteEmergencyDeclaration";
        public static final String ENDORSEMENT_HALF_TIME = "Event_EndorsementHalfTime";
        public static final String ENDORSEMENT_OVERDUE = "Event_EndorsementOverdue";
        public static final String ENDORSEMENT_HEAD_OVERDUE = "Event_EndorsementHeadOverdue";
        public static final String EXEMPTION_HALF_TIME = "Event_ExemptionHalfTime";
        public static final String EXEMPTION_OVERDUE = "Event_ExemptionOverdue";
        public static final String EXEMPTION_HEAD_OVERDUE = "Event_ExemptionHeadOverdue";
        public static final String FOLLOW_UP_OVERDUE_DECISION = "Task_FollowUpOverdueDecision";
        public static final String ASSESS_EXAMINATION_RISK = "Task_AssessExaminationRisk";
        public static final String CLEAR_AT_PORT = "Task_ClearAtPort";
        public static final String EXAMINE_GOODS = "Task_ExamineGoods";
        public static final String ISSUE_RELEASE_NOTE = "Task_IssueReleaseNote";
        public static final String HAND_OVER_TO_CUSTOMS_SYSTEM = "Task_HandOverToCustomsSystem";
        public static final String RESOLVE_CUSTOMS_REFUSAL = "Task_ResolveCustomsRefusal";
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
        public static final String AWAIT_RECOGNITION = "Gateway_AwaitRecognition";
        public static final String RECOGNITION_DECIDED = "Event_RecognitionDecided";
        public static final String RECOGNITION_RECHECK_DUE = "Event_RecognitionRecheckDue";
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

    /** The process's variables, typed: delegates, controllers, forms and tests use these. */
    public static final class Vars {
        public static final Variable<String> CONSIGNMENT_REFERENCE = text("consignmentReference");
        public static final Variable<String> ORGANISATION_CODE = text("organisationCode");
        public static final Variable<String> PORT_CODE = text("portCode");
        /** The start form's destination province (ISO 3166-2:LA); stored on the consignment, not kept as a fact. */
        public static final Variable<String> DESTINATION_PROVINCE = text("destinationProvince");
        public static final Variable<String> PORT_CUSTOMS_GROUP = text("portCustomsGroup");
        public static final Variable<Boolean> PROVISIONAL_DECLARATION = flag("provisionalDeclaration");
        /** The authority of one review, the multi-instance element of Task_ReviewByAuthority. */
        public static final Variable<String> AUTHORITY = text("authority");
        public static final Variable<String> ARRIVED_BY = text("arrivedBy");
        /** Task_CheckArrival's finding, local to the daily check. */
        public static final Variable<Boolean> ARRIVAL_OVERDUE = flag("arrivalOverdue");
        /** After a follow-up, the next one is due no earlier than this. */
        public static final Variable<Instant> ARRIVAL_FOLLOW_UP_NOT_BEFORE = instant("arrivalFollowUpNotBefore");
        /** MoLSW's note on goods not arrived. */
        public static final Variable<String> ARRIVAL_FOLLOW_UP_NOTES = text("arrivalFollowUpNotes");
        /** Set once the arrival is recorded, whatever step the case is in; Event_GoodsAtPort waits for it. */
        public static final Variable<Boolean> GOODS_ARRIVED = flag("goodsArrived");
        public static final Variable<String> WITHDRAWAL_REASON = text("withdrawalReason");
        public static final Variable<String> INFORMATION_RESPONSE = text("informationResponse");
        public static final Variable<String> DISTRIBUTION_REPORT = text("distributionReport");

        /** Who submitted the Tasklist start form ({@code camunda:initiator}); no form may set it. */
        public static final Variable<String> INITIATOR = text("initiator");
        /**
         * The start form's field: the registry code of the organisation a MoLSW official notifies for.
         * What the case belongs to is {@link #ORGANISATION_CODE}, set once the notification is stored.
         */
        public static final Variable<String> ORGANISATION = text("organisation");
        /**
         * The expected arrival: a date-time on the start form; once the case is registered, the local
         * time every task form shows.
         */
        public static final Variable<String> EXPECTED_ARRIVAL = text("expectedArrival");
        public static final Variable<String> TRANSPORT_DOCUMENT_TYPE = text("transportDocumentType");
        public static final Variable<String> TRANSPORT_DOCUMENT_NUMBER = text("transportDocumentNumber");
        public static final Variable<String> DONOR = text("donor");
        /** JSON list of the lines: shown, with classification and review, on every task form. */
        public static final Variable<Object> LINES = value("lines");
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
        public static final Variable<String> ORGANISATION_NAME = text("organisationName");
        public static final Variable<String> PORT_NAME = text("portName");

        public static final Variable<Boolean> CONSIGNEE_ELIGIBLE = flag("consigneeEligible");
        /** What consignee-eligibility.dmn answered; Gateway_ConsigneeEligible follows it. */
        public static final Variable<EligibilityOutcome> ELIGIBILITY_OUTCOME =
                choice("eligibilityOutcome", EligibilityOutcome.class);
        public static final Variable<String> ELIGIBILITY_REASON = text("eligibilityReason");

        /** Distinct authority codes whose permits the lines need: one review each. */
        public static final Variable<List<String>> REQUIRED_AUTHORITIES = texts("requiredAuthorities");
        public static final Variable<Boolean> PERMITS_REQUIRED = flag("permitsRequired");
        public static final Variable<Boolean> HAS_PROHIBITED_LINES = flag("hasProhibitedLines");
        /** Every line prohibited: the case ends; otherwise the prohibited lines are refused and the rest goes on. */
        public static final Variable<Boolean> ALL_LINES_PROHIBITED = flag("allLinesProhibited");
        public static final Variable<String> PROHIBITION_REASON = text("prohibitionReason");
        public static final Variable<Boolean> HAS_DUTIABLE_LINES = flag("hasDutiableLines");

        public static final Variable<EndorsementDecision> ENDORSEMENT_DECISION =
                choice("endorsementDecision", EndorsementDecision.class);
        public static final Variable<String> ENDORSEMENT_REASON = text("endorsementReason");
        /** The official confirmed an irreversible refusal (its form asks it only then). */
        public static final Variable<String> REJECTION_CONFIRMED = text("rejectionConfirmed");

        /** Once every authority has reviewed. */
        public static final Variable<ReviewOutcome> REVIEW_OUTCOME = choice("reviewOutcome", ReviewOutcome.class);
        public static final Variable<String> REVIEW_SUMMARY = text("reviewSummary");

        public static final Variable<ExemptionDecision> EXEMPTION_DECISION =
                choice("exemptionDecision", ExemptionDecision.class);
        /** Without exemption, what the releasable lines would pay (duty-rates.dmn), and per tax. */
        public static final Variable<BigDecimal> DUTIES_AND_TAXES_USD = amount("dutiesAndTaxesUsd");
        public static final Variable<String> DUTIES_AND_TAXES_DETAIL = text("dutiesAndTaxesDetail");
        /** What each line that may be released would pay, per tax: the table on the exemption form. */
        public static final Variable<Object> EXEMPTION_LINES = value("exemptionLines");
        public static final Variable<Object> EXEMPTION_LINE_OPTIONS = value("exemptionLineOptions");
        public static final Variable<LegalBasis> EXEMPTION_LEGAL_BASIS = choice("exemptionLegalBasis", LegalBasis.class);
        /** A partial exemption: the lines exempted and the taxes waived on them. */
        public static final Variable<List<Integer>> EXEMPTED_LINES = integers("exemptedLines");
        public static final Variable<List<String>> EXEMPTED_TAXES = texts("exemptedTaxes");
        /**
         * Duties and taxes waived: for a partial exemption, an amount Customs HQ may set below the computed
         * one; afterwards the amount waived.
         */
        public static final Variable<BigDecimal> WAIVED_VALUE_USD = amount("waivedValueUsd");
        public static final Variable<String> EXEMPTION_REASON = text("exemptionReason");

        /** The examination-risk decision's result, mapped out into the two variables below. */
        public static final Variable<Object> RISK_ASSESSMENT = value("riskAssessment");
        public static final Variable<Boolean> EXAMINATION_RECOMMENDED = flag("examinationRecommended");
        public static final Variable<String> RISK_REASON = text("riskReason");
        public static final Variable<Boolean> EMERGENCY_ACTIVE = flag("emergencyActive");
        /** Chosen by the port officer. */
        public static final Variable<ClearanceDecision> CLEARANCE_DECISION =
                choice("clearanceDecision", ClearanceDecision.class);
        public static final Variable<String> EXAMINATION_REASON = text("examinationReason");
        /** What the ministries' permits require at the port, service-written; and the port's note on it. */
        public static final Variable<Boolean> HAS_PERMIT_CONDITIONS = flag("hasPermitConditions");
        public static final Variable<String> PERMIT_CONDITIONS_AT_PORT = text("permitConditionsText");
        public static final Variable<String> PERMIT_CONDITIONS_NOTE = text("permitConditionsNote");
        /** Chosen by the port when an authority refused some lines (review outcome PARTIAL). */
        public static final Variable<RejectedLinesFate> REJECTED_LINES_FATE =
                choice("rejectedLinesFate", RejectedLinesFate.class);
        /** During an emergency: why goods are released although documents of the release are missing. */
        public static final Variable<String> DOCUMENTS_WAIVER_REASON = text("documentsWaiverReason");
        public static final Variable<Boolean> DOCUMENTS_COMPLETE_FOR_RELEASE = flag(DocumentsOnForms.COMPLETE_FOR_RELEASE);
        /** Required to release goods the risk assessment recommends examining. */
        public static final Variable<String> RELEASE_REASON = text("releaseReason");
        /** IM8: released before the declaration, which must follow within the deadline. */
        public static final Variable<Boolean> RELEASE_BEFORE_DECLARATION = flag("releaseBeforeDeclaration");
        public static final Variable<ExaminationResult> EXAMINATION_RESULT =
                choice("examinationResult", ExaminationResult.class);
        public static final Variable<String> EXAMINATION_FINDINGS = text("examinationFindings");

        public static final Variable<String> RELEASE_NUMBER = text("releaseNumber");
        /** The customs system's answer to a release's clearance decision, set by the hand-off worker. */
        public static final Variable<String> CUSTOMS_DECLARATION_NUMBER = text("customsDeclarationNumber");
        public static final Variable<String> CUSTOMS_PROCEDURE_CODE = text("customsProcedureCode");
        public static final Variable<String> CUSTOMS_RELEASE_ORDER = text("customsReleaseOrder");
        /** Why the customs system refused a clearance decision, for the port. */
        public static final Variable<String> CUSTOMS_REFUSAL = text("customsRefusal");
        public static final Variable<String> REFUSAL_RESOLUTION = text("refusalResolution");
        /**
         * Counts the ministries' decisions; Event_LinesReadyForRelease looks at the lines again each
         * time it changes.
         */
        public static final Variable<Object> CLEARANCE_PROGRESS = value("clearanceProgress");
        /** Service-written on Task_ClearAtPort: the lines this release covers, as shown and by number. */
        public static final Variable<String> LINES_TO_RELEASE = text("linesToRelease");
        public static final Variable<List<Integer>> LINE_NUMBERS_TO_RELEASE = integers("lineNumbersToRelease");
        /** Sent with the amendment message: the lines changed or added. */
        public static final Variable<List<Integer>> AMENDED_LINES = integers("amendedLines");
        /** The authorities whose review the amendment reruns, local to the amendment subprocess. */
        public static final Variable<List<String>> AMENDED_AUTHORITIES = texts("amendedAuthorities");
        /** Sent with the emergency release message; the release subprocess takes them into its own scope. */
        public static final Variable<List<Integer>> EMERGENCY_RELEASE_LINES = integers("emergencyReleaseLines");
        public static final Variable<String> EMERGENCY_RELEASE_REASON = text("emergencyReleaseReason");
        /** Lines a ministry refused whose fate the port has not recorded yet. */
        public static final Variable<Boolean> REFUSED_LINES_AWAITING_FATE = flag("refusedLinesAwaitingFate");
        public static final Variable<String> DECLARATION_NUMBER = text("declarationNumber");
        /** Set when the coordinators agreed an extension: the declaration's new deadline is DECLARATION_EXTENSION. */
        public static final Variable<Boolean> DECLARATION_EXTENDED = flag("declarationExtended");
        /** The coordinators' action on an overdue provisional declaration. */
        public static final Variable<OverdueDeclarationAction> OVERDUE_DECLARATION_ACTION =
                choice("overdueAction", OverdueDeclarationAction.class);
        public static final Variable<String> OVERDUE_NOTES = text("overdueNotes");
        /** MoLSW's follow-up of a distribution report not received in time. */
        public static final Variable<FollowUpAction> FOLLOW_UP_ACTION = choice("followUpAction", FollowUpAction.class);
        /** Service-written: which decision is overdue, with whom, since when; shown to the coordinators. */
        public static final Variable<String> OVERDUE_DECISION = text("overdueDecision");
        public static final Variable<OverdueDecisionAction> OVERDUE_DECISION_ACTION =
                choice("overdueDecisionAction", OverdueDecisionAction.class);
        public static final Variable<String> OVERDUE_DECISION_NOTES = text("overdueDecisionNotes");
        public static final Variable<String> FOLLOW_UP_NOTES = text("followUpNotes");

        private Vars() {
        }
    }
}
