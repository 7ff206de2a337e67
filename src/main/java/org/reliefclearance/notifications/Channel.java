package org.reliefclearance.notifications;

/** How a notification travels: a mail to a user, or a signed POST to an organisation's webhook. */
public enum Channel {
    EMAIL,
    /** The recipient is the organisation's code; {@link WebhookSender} delivers it. */
    WEBHOOK
}
