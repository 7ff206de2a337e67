package org.reliefclearance.exemption;

/** The duties and taxes an import pays and an exemption may waive, line by line. */
public enum Tax {
    IMPORT_DUTY,
    EXCISE,
    VAT
}
