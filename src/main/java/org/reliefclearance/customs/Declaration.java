package org.reliefclearance.customs;

/**
 * What the national customs system answers for a clearance decision: the declaration it registered,
 * its procedure (normal, or IM8 release before the full declaration) and the release order that lets
 * the goods leave.
 */
public record Declaration(String declarationNumber, String procedureCode, String releaseOrder) {
}
