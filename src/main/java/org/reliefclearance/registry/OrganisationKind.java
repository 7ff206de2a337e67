package org.reliefclearance.registry;

/** The kinds of consignee the SOP admits; what each must hold is in V85 and the eligibility rule. */
public enum OrganisationKind {
    UN_AGENCY,
    NATIONAL_SOCIETY,
    INGO,
    FOREIGN_GOVERNMENT,
    GOVERNMENT
}
