package org.reliefclearance.customs;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The customs_hand_off outbox, one row per release. Its writes commit on their own, beside the
 * job's transaction: once the customs system has accepted a record, a rollback of the job
 * (and the retry that follows) still sees it as sent.
 */
@Repository
public class CustomsHandOffOutbox {

    public enum Status { PENDING, SENT, RECORDED }

    public record HandOff(String reference, String releaseNumber, String payload, Status status, int attempts) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    CustomsHandOffOutbox(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** The release's row, created PENDING with this payload on the first attempt. */
    public HandOff prepare(String reference, String releaseNumber, String payload) {
        return ownTransaction.execute(tx -> {
            jdbc.sql("""
                    insert into customs_hand_off (reference, release_number, payload, status, created_at)
                    select ?, ?, ?, ?, ? where not exists (select 1 from customs_hand_off where release_number = ?)""")
                    .params(reference, releaseNumber, payload, Status.PENDING.name(), now(), releaseNumber).update();
            return find(releaseNumber);
        });
    }

    public void handedOver(String releaseNumber, Status status) {
        ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
                update customs_hand_off set status = ?, attempts = attempts + 1, last_error = null, handed_over_at = ?
                where release_number = ?""").params(status.name(), now(), releaseNumber).update());
    }

    /** Accepted: the customs system registered this declaration for the release. */
    public void declared(String releaseNumber, String declarationNumber) {
        ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
                update customs_hand_off set status = ?, attempts = attempts + 1, last_error = null, handed_over_at = ?,
                    declaration_number = ?
                where release_number = ?""").params(Status.SENT.name(), now(), declarationNumber, releaseNumber)
                .update());
    }

    public void failed(String releaseNumber, String error) {
        String detail = error == null ? "unknown error" : error.length() <= 2000 ? error : error.substring(0, 2000);
        ownTransaction.executeWithoutResult(tx -> jdbc.sql(
                        "update customs_hand_off set attempts = attempts + 1, last_error = ? where release_number = ?")
                .params(detail, releaseNumber).update());
    }

    public HandOff find(String releaseNumber) {
        return jdbc.sql("""
                select reference, release_number, payload, status, attempts from customs_hand_off
                where release_number = ?""").param(releaseNumber).query(HandOff.class).single();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
