package org.reliefclearance.consignment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

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

    /**
     * A release note for these lines: the release row, each line's release number, and the case's
     * latest release. The case shows them released once the customs system has declared them.
     */
    public OffsetDateTime released(String reference, String releaseNumber, List<Integer> lineNos,
                                   boolean beforeDeclaration) {
        OffsetDateTime now = now();
        long id = jdbc.sql("select id from consignment where reference = ?").param(reference).query(Long.class).single();
        jdbc.sql("""
                insert into consignment_release (consignment_id, release_number, released_at, before_declaration)
                values (?, ?, ?, ?)""").params(id, releaseNumber, now, beforeDeclaration).update();
        for (Integer lineNo : lineNos) {
            jdbc.sql("update consignment_line set release_number = ? where consignment_id = ? and line_no = ?"
                            + " and release_number is null")
                    .params(releaseNumber, id, lineNo).update();
        }
        jdbc.sql("update consignment set release_number = ?, released_at = ?, updated_at = ? where id = ?")
                .params(releaseNumber, now, now, id).update();
        return now;
    }

    /** The releases of a case, oldest first. */
    public List<Release> releases(long consignmentId) {
        return jdbc.sql("""
                select release_number, released_at, before_declaration, declaration_number, procedure_code,
                       release_order
                from consignment_release where consignment_id = ? order by released_at, id""")
                .param(consignmentId).query(Release.class).list();
    }

    /** What the customs system answered for a release: its declaration, procedure and release order. */
    public void declaredByCustoms(String releaseNumber, String declarationNumber, String procedureCode,
                                  String releaseOrder) {
        jdbc.sql("""
                update consignment_release set declaration_number = ?, procedure_code = ?, release_order = ?,
                    declared_at = ?
                where release_number = ?""").params(declarationNumber, procedureCode, releaseOrder, now(), releaseNumber)
                .update();
    }

    /** The declaration lodged for a release made before it (IM8). */
    public void declared(String releaseNumber, String declarationNumber) {
        jdbc.sql("update consignment_release set declaration_number = ? where release_number = ?")
                .params(declarationNumber, releaseNumber).update();
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
