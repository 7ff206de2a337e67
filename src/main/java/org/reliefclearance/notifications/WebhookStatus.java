package org.reliefclearance.notifications;

/** Whether a webhook receives its organisation's events. */
public enum WebhookStatus {
    ACTIVE,
    /** After {@code relief.webhooks.disable-after} failed deliveries in a row; its events wait. */
    DISABLED
}
