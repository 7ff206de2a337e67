package org.reliefclearance.consignment;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The consignment tables: the data of record behind every clearance case. */
@Repository
public class ConsignmentRepository {

    private static final String CONSIGNMENT_COLUMNS = "id, reference, organisation_code, port_code, expected_arrival,"
            + " transport_document_type, transport_document_number, donor, provisional_declaration, status,"
            + " status_reason, exemption_decision, waived_value, release_number, released_at, arrived_at,"
            + " emergency_code, created_by, created_at, updated_at, destination_province";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ConsignmentRepository(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    public long insert(NewConsignment c, String reference, String createdBy, String idempotencyKey,
                       String emergencyCode) {
        OffsetDateTime now = now();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into consignment (reference, organisation_code, port_code, destination_province,
                    expected_arrival, transport_document_type, transport_document_number, donor,
                    provisional_declaration, status, idempotency_key, idempotency_fingerprint, emergency_code,
                    created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(reference, c.organisationCode(), c.portCode(), c.destinationProvince(), c.expectedArrival(),
                        c.transportDocumentType(), c.transportDocumentNumber(), c.donor(),
                        c.provisionalDeclaration(), ConsignmentStatus.NOTIFIED.name(), idempotencyKey,
                        idempotencyKey == null ? null : c.fingerprint(), emergencyCode, createdBy, now, now)
                .update(key, "id");
        long id = key.getKey().longValue();
        int lineNo = 1;
        for (NewConsignment.Line l : c.lines()) {
            jdbc.sql("""
                    insert into consignment_line (consignment_id, line_no, description, hs_code, category, quantity,
                        unit, value_usd, gross_weight_kg)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, lineNo++, l.description(), l.hsCode(), l.category(), l.quantity(), l.unit(),
                            l.valueUsd(), l.grossWeightKg())
                    .update();
        }
        return id;
    }

    public Optional<Consignment> findByReference(String reference) {
        return jdbc.sql("select " + CONSIGNMENT_COLUMNS + " from consignment where reference = ?")
                .param(reference).query(Consignment.class).optional();
    }

    /** The fingerprint of the notification first sent under this key (see {@link NewConsignment#fingerprint()}). */
    public Optional<String> idempotencyFingerprint(String organisationCode, String idempotencyKey) {
        return jdbc.sql("select idempotency_fingerprint from consignment where organisation_code = ? and idempotency_key = ?")
                .params(organisationCode, idempotencyKey).query(String.class).optional();
    }

    public Optional<Consignment> findByIdempotencyKey(String organisationCode, String idempotencyKey) {
        return jdbc.sql("select " + CONSIGNMENT_COLUMNS
                        + " from consignment where organisation_code = ? and idempotency_key = ?")
                .params(organisationCode, idempotencyKey).query(Consignment.class).optional();
    }

    public List<ConsignmentLine> lines(long consignmentId) {
        Map<Long, List<String>> authorities = new HashMap<>();
        jdbc.sql("""
                select a.line_id, a.authority_code from line_authority a join consignment_line l on l.id = a.line_id
                where l.consignment_id = ? order by a.line_id, a.rule_order, a.authority_code""")
                .param(consignmentId)
                .query((RowCallbackHandler) rs -> authorities.computeIfAbsent(rs.getLong(1), line -> new ArrayList<>())
                        .add(rs.getString(2)));
        return jdbc.sql("""
                select id, line_no, description, hs_code, category, quantity, unit, value_usd, gross_weight_kg,
                       treatment, authority_code, review_status, review_reason, fate, release_number,
                       received_quantity, discrepancy_accepted
                from consignment_line where consignment_id = ? order by line_no""")
                .param(consignmentId)
                .query((rs, n) -> new ConsignmentLine(rs.getLong("id"), rs.getInt("line_no"), rs.getString("description"),
                        rs.getString("hs_code"), rs.getString("category"), rs.getBigDecimal("quantity"),
                        rs.getString("unit"), rs.getBigDecimal("value_usd"), rs.getBigDecimal("gross_weight_kg"),
                        rs.getString("treatment"), rs.getString("authority_code"), rs.getString("review_status"),
                        rs.getString("review_reason"), rs.getString("fate"), rs.getString("release_number"),
                        rs.getBigDecimal("received_quantity"), rs.getBoolean("discrepancy_accepted"),
                        authorities.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    /** The consignment, its row locked until the transaction ends: concurrent changes of one case queue up. */
    public Consignment lockForUpdate(String reference) {
        jdbc.sql("select id from consignment where reference = ? for update").param(reference).query(Long.class).single();
        return findByReference(reference).orElseThrow();
    }

    /** Records the fate of the lines an authority rejected that have none yet; returns their numbers. */
    public List<Integer> setFateOfRejectedLines(String reference, String fate) {
        long id = findByReference(reference).orElseThrow().id();
        List<Integer> lines = jdbc.sql("select line_no from consignment_line where consignment_id = ?"
                + " and review_status = 'REJECTED' and fate is null order by line_no").param(id).query(Integer.class).list();
        jdbc.sql("update consignment_line set fate = ? where consignment_id = ? and review_status = 'REJECTED'"
                + " and fate is null").params(fate, id).update();
        return lines;
    }

    /**
     * Stores the line's treatment and every authority that must approve it, each PENDING. The first
     * authority stays on the line as its lead ({@code authority_code}), for readers of the line alone.
     */
    public void classifyLine(long lineId, String treatment, List<String> authorityCodes) {
        List<String> authorities = authorityCodes.stream().distinct().toList();
        String lead = authorities.isEmpty() ? null : authorities.get(0);
        jdbc.sql("""
                update consignment_line set treatment = ?, authority_code = ?, review_status = ?, review_reason = null
                where id = ?""")
                .params(treatment, lead, lead == null ? null : "PENDING", lineId)
                .update();
        // classifying again (a retried step) starts from the rules' answer, not from the last one
        jdbc.sql("delete from line_authority where line_id = ?").param(lineId).update();
        int order = 1;
        for (String authority : authorities) {
            jdbc.sql("""
                    insert into line_authority (line_id, authority_code, rule_order, review_status)
                    values (?, ?, ?, 'PENDING')""")
                    .params(lineId, authority, order++).update();
        }
    }

    /** An amended line: its goods as now notified, its classification, review and tally to do again. */
    public void amendLine(long consignmentId, int lineNo, NewConsignment.Line l) {
        jdbc.sql("""
                update consignment_line set description = ?, hs_code = ?, category = ?, quantity = ?, unit = ?,
                    value_usd = ?, gross_weight_kg = ?, treatment = null, authority_code = null, review_status = null,
                    review_reason = null, fate = null, received_quantity = null, discrepancy_accepted = false
                where consignment_id = ? and line_no = ? and release_number is null""")
                .params(l.description(), l.hsCode(), l.category(), l.quantity(), l.unit(), l.valueUsd(),
                        l.grossWeightKg(), consignmentId, lineNo).update();
        jdbc.sql("delete from line_authority where line_id in"
                        + " (select id from consignment_line where consignment_id = ? and line_no = ?)")
                .params(consignmentId, lineNo).update();
    }

    /** A line added by an amendment, numbered after the last one; returns its number. */
    public int addLine(long consignmentId, NewConsignment.Line l) {
        int lineNo = jdbc.sql("select coalesce(max(line_no), 0) + 1 from consignment_line where consignment_id = ?")
                .param(consignmentId).query(Integer.class).single();
        jdbc.sql("""
                insert into consignment_line (consignment_id, line_no, description, hs_code, category, quantity,
                    unit, value_usd, gross_weight_kg)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(consignmentId, lineNo, l.description(), l.hsCode(), l.category(), l.quantity(), l.unit(),
                        l.valueUsd(), l.grossWeightKg()).update();
        return lineNo;
    }

    /** The notified arrival and transport document, as amended; null keeps a value. */
    public void amendTransport(long consignmentId, OffsetDateTime expectedArrival, String documentType,
                               String documentNumber) {
        jdbc.sql("""
                update consignment set expected_arrival = coalesce(?, expected_arrival),
                    transport_document_type = coalesce(?, transport_document_type),
                    transport_document_number = coalesce(?, transport_document_number), updated_at = ?
                where id = ?""").params(expectedArrival, documentType, documentNumber, now(), consignmentId).update();
    }

    /** A line refused before any review (prohibited goods): the rest of the case goes on without it. */
    public void refuseLine(long lineId, String reason) {
        jdbc.sql("update consignment_line set review_status = 'REJECTED', review_reason = ? where id = ?")
                .params(reason.length() <= 2000 ? reason : reason.substring(0, 2000), lineId).update();
    }

    public void updateStatus(String reference, ConsignmentStatus status, String reason) {
        jdbc.sql("update consignment set status = ?, status_reason = ?, updated_at = ? where reference = ?")
                .params(status.name(), reason, now(), reference)
                .update();
    }

    public void addEvent(String reference, String actor, TimelineEvent event, String authorityCode, String detail) {
        record Owner(long id, String organisationCode) {
        }
        Owner owner = jdbc.sql("select id, organisation_code from consignment where reference = ?").param(reference)
                .query(Owner.class).optional().orElse(null);
        if (owner == null) {
            return;
        }
        OffsetDateTime at = now();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into consignment_event (consignment_id, occurred_at, actor, event_type, authority_code, detail)
                values (?, ?, ?, ?, ?, ?)""")
                .params(owner.id(), at, actor, event.name(), authorityCode, detail)
                .update(key, "id");
        events.publishEvent(new TimelineEntryAdded(key.getKey().longValue(), reference, owner.organisationCode(),
                event.name(), actor, authorityCode, detail, at));
    }

    public List<ConsignmentEvent> events(long consignmentId) {
        return jdbc.sql("""
                select occurred_at, actor, event_type, authority_code, detail
                from consignment_event where consignment_id = ? order by occurred_at, id""")
                .param(consignmentId).query(ConsignmentEvent.class).list();
    }

    /** One official's latest timeline entries since a time, newest first, each with its consignment. */
    public List<RecentEvent> recentEventsBy(String actor, OffsetDateTime since, int limit) {
        return jdbc.sql("""
                select c.reference, e.occurred_at, e.event_type, e.authority_code, e.detail
                from consignment_event e join consignment c on c.id = e.consignment_id
                where e.actor = ? and e.occurred_at >= ? order by e.occurred_at desc, e.id desc fetch first 50 rows only""")
                .params(actor, since).query(RecentEvent.class).list().stream().limit(limit).toList();
    }

    /** A consignment's timeline entries since a time, by whoever made them, newest first. */
    public List<RecentEvent> recentEvents(String reference, OffsetDateTime since, int limit) {
        return jdbc.sql("""
                select c.reference, e.occurred_at, e.event_type, e.authority_code, e.detail
                from consignment_event e join consignment c on c.id = e.consignment_id
                where c.reference = ? and e.occurred_at >= ? order by e.occurred_at desc, e.id desc fetch first 50 rows only""")
                .params(reference, since).query(RecentEvent.class).list().stream().limit(limit).toList();
    }

    public record RecentEvent(String reference, OffsetDateTime occurredAt, String eventType, String authorityCode,
                              String detail) {
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
