package org.reliefclearance.screening;

/** How the goods-classification rules treat a line (the decision's output values). */
public enum Treatment {
    RELIEF_EXEMPT,
    PERMIT_REQUIRED,
    PROHIBITED,
    DUTIABLE
}
