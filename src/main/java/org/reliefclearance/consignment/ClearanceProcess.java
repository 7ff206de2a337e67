package org.reliefclearance.consignment;

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

        private Vars() {
        }
    }
}
