package org.reliefclearance.notifications;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * The outbox for Prometheus: notifications not sent yet, and of those the ones that already failed
 * (a mail server down shows here first).
 */
@Component
class NotificationMetrics implements MeterBinder {

    static final String UNSENT = "relief.notifications.unsent";
    static final String FAILING = "relief.notifications.failing";

    private final Outbox outbox;

    NotificationMetrics(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(UNSENT, outbox, Outbox::unsent).description("Notifications not sent yet").register(registry);
        Gauge.builder(FAILING, outbox, Outbox::failing)
                .description("Notifications not sent yet whose last try failed").register(registry);
    }
}
