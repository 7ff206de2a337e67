package org.reliefclearance.consignment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The facts the clearance steps add to a consignment: exemption, arrival, release, closing. */
@Repository
public class ConsignmentMilestones {

    private final JdbcClient jdbc;
    private final Clock clock;

    ConsignmentMilestones(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void exemptionDecided(String reference, String decision, BigDecimal waivedValue) {
        jdbc.sql("update consignment set exemption_decision = ?, waived_value = ?, updated_at = ? where reference = ?")
                .params(decision, waivedValue, now(), reference).update();
    }

    /**
     * First report wins: the port and the consignee may both report the same arrival.
     *
     * @return whether this report recorded it
     */
    public boolean arrived(String reference) {
        return jdbc.sql("update consignment set arrived_at = ?, updated_at = ? where reference = ? and arrived_at is null")
                .params(now(), now(), reference).update() == 1;
    }

    public OffsetDateTime released(String reference, String releaseNumber) {
        OffsetDateTime now = now();
        jdbc.sql("update consignment set release_number = ?, released_at = ?, status = ?, status_reason = null,"
                        + " updated_at = ? where reference = ?")
                .params(releaseNumber, now, ConsignmentStatus.RELEASED.name(), now, reference).update();
        return now;
    }

    /** Consignments of the organisation released before: none means this is its first one. */
    public int releasedCount(String organisationCode) {
        return jdbc.sql("select count(*) from consignment where organisation_code = ? and released_at is not null")
                .param(organisationCode).query(Integer.class).single();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
