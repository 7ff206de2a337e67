package org.reliefclearance.notifications;

/** How a notification travels. Webhooks to organisations' systems are to come as a second channel. */
public enum Channel {
    EMAIL
}
