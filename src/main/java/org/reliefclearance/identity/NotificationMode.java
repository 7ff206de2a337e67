package org.reliefclearance.identity;

/** How a user wants to hear of new tasks: a mail each, or one mail listing them every period. */
public enum NotificationMode {
    IMMEDIATE, DIGEST
}
