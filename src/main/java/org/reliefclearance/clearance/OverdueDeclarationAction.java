package org.reliefclearance.clearance;

/** What the coordinators did about a provisional declaration not completed in time. */
public enum OverdueDeclarationAction {
    DECLARATION_OBTAINED,
    EXTENSION_AGREED,
    REFERRED_TO_CUSTOMS
}
