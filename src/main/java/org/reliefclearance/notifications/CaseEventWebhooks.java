package org.reliefclearance.notifications;

import org.reliefclearance.consignment.TimelineEntryAdded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Each timeline entry of a consignment becomes an event for its organisation's webhook, written in
 * the transaction that adds the entry (a synchronous listener): the entry and its event commit or
 * roll back together.
 */
@Component
class CaseEventWebhooks {

    private final Notices notices;

    CaseEventWebhooks(Notices notices) {
        this.notices = notices;
    }

    @EventListener
    void entryAdded(TimelineEntryAdded entry) {
        notices.caseEvent(entry);
    }
}
