package org.reliefclearance.notifications;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The round both channels share: claim the channel's due rows in batches, hand each batch to the
 * channel's delivery, until nothing is due. The claim (node name and lock) keeps each row to one node.
 */
final class OutboxDrain {

    /** At most this many batches a round, so one round ends even while rows keep arriving. */
    private static final int MAX_BATCHES = 100;

    /** What a channel does with one claimed batch: marks each row sent or failed, counting in the tally. */
    interface Delivery {
        void deliver(List<Outbox.Row> claimed, Instant now, Tally tally);
    }

    /** What one round did. */
    static final class Tally {
        int sent;
        int failed;
        String lastError;

        void sent(int rows) {
            sent += rows;
        }

        void failed(int rows, String error) {
            failed += rows;
            lastError = error;
        }
    }

    private OutboxDrain() {
    }

    static Tally drain(Outbox outbox, Channel channel, String node, NotificationProperties properties, Clock clock,
                       Delivery delivery) {
        Instant now = clock.instant();
        Tally tally = new Tally();
        for (int i = 0; i < MAX_BATCHES; i++) {
            List<Outbox.Row> claimed = outbox.claimDue(channel, node, now, now.plus(properties.lockFor()),
                    properties.batchSize());
            if (claimed.isEmpty()) {
                break;
            }
            delivery.deliver(claimed, now, tally);
        }
        return tally;
    }

    /** This node's name in claims: the host and a random part, so two senders on one host differ. */
    static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        return host + "-" + UUID.randomUUID();
    }
}
