package org.reliefclearance.exemption;

/** The ground on which Customs HQ waives duties and taxes; recorded with every exemption. */
public enum LegalBasis {
    /** The national emergency MoLSW declared. */
    EMERGENCY_DECLARATION,
    /** The organisation's agreement (MoU) with the Government. */
    ORGANISATION_AGREEMENT,
    /** The relief item list agreed by the NLPWG. */
    RELIEF_ITEM_LIST
}
