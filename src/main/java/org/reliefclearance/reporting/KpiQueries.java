package org.reliefclearance.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import org.reliefclearance.consignment.ConsignmentStatus;
import org.reliefclearance.reporting.KpiReport.StatusCount;
import org.reliefclearance.reporting.KpiReport.WaiverByDecision;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the consignment tables for the KPIs; every query is restricted by the same filter. */
@Repository
class KpiQueries {

    static final List<String> TERMINAL_STATUSES = Arrays.stream(ConsignmentStatus.values())
            .filter(ConsignmentStatus::isTerminal).map(Enum::name).toList();

    private final JdbcClient jdbc;
    private final Clock clock;

    KpiQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record ReleasedConsignment(String port, OffsetDateTime arrivedAt, OffsetDateTime releasedAt) {
    }

    /** Goods that arrived: released ones, and those still waiting in an open case. */
    record ArrivedConsignment(String reference, String port, OffsetDateTime arrivedAt, OffsetDateTime releasedAt) {
    }

    record Review(String authority, String status, OffsetDateTime requestedAt, OffsetDateTime dueAt,
                  OffsetDateTime decidedAt, boolean tacit, int reminders, boolean escalated,
                  String consignmentStatus) {
    }

    record OpenConsignment(String reference, String organisation, String port, String status,
                           OffsetDateTime createdAt) {
    }

    List<StatusCount> countByStatus(ReportFilter filter) {
        ReportFilter.Condition where = filter.condition(name -> ":" + name, clock.getZone());
        return jdbc.sql("select c.status, count(*) from consignment c where " + where.sql()
                        + " group by c.status order by c.status")
                .params(where.params())
                .query((rs, n) -> new StatusCount(rs.getString(1), rs.getLong(2))).list();
    }

    List<ArrivedConsignment> arrived(ReportFilter filter) {
        ReportFilter.Condition where = filter.condition(name -> ":" + name, clock.getZone());
        return jdbc.sql("select c.reference, c.port_code, c.arrived_at, c.released_at from consignment c where "
                        + where.sql() + " and c.arrived_at is not null"
                        + " and (c.released_at is not null or c.status not in (:terminal)) order by c.reference")
                .params(where.params())
                .param("terminal", Arrays.stream(ConsignmentStatus.values()).filter(ConsignmentStatus::isTerminal)
                        .map(Enum::name).toList())
                .query((rs, n) -> new ArrivedConsignment(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class)))
                .list();
    }

    List<ReleasedConsignment> released(ReportFilter filter) {
        ReportFilter.Condition where = filter.condition(name -> ":" + name, clock.getZone());
        return jdbc.sql("select c.port_code, c.arrived_at, c.released_at from consignment c where " + where.sql()
                        + " and c.arrived_at is not null and c.released_at is not null order by c.port_code")
                .params(where.params())
                .query((rs, n) -> new ReleasedConsignment(rs.getString(1), rs.getObject(2, OffsetDateTime.class),
                        rs.getObject(3, OffsetDateTime.class)))
                .list();
    }

    /** The reviews of the filtered consignments; with an authority filter, only that authority's. */
    List<Review> reviews(ReportFilter filter) {
        ReportFilter.Condition where = filter.condition(name -> ":" + name, clock.getZone());
        String ownAuthority = filter.authority() == null ? "" : " and r.authority_code = :authority";
        return jdbc.sql("""
                        select r.authority_code, r.status, r.requested_at, r.due_at, r.decided_at, r.tacit,
                               r.reminders, r.escalated, c.status
                        from authority_review r join consignment c on c.id = r.consignment_id
                        where\s""" + where.sql() + ownAuthority + " order by r.authority_code, r.id")
                .params(where.params())
                .query((rs, n) -> new Review(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class),
                        rs.getBoolean(6), rs.getInt(7), rs.getBoolean(8), rs.getString(9)))
                .list();
    }

    List<WaiverByDecision> waivedByDecision(ReportFilter filter) {
        ReportFilter.Condition where = filter.condition(name -> ":" + name, clock.getZone());
        return jdbc.sql("select c.exemption_decision, count(*), coalesce(sum(c.waived_value), 0) from consignment c"
                        + " where " + where.sql() + " and c.exemption_decision is not null"
                        + " group by c.exemption_decision order by c.exemption_decision")
                .params(where.params())
                .query((rs, n) -> new WaiverByDecision(rs.getString(1), rs.getLong(2), scaled(rs.getBigDecimal(3))))
                .list();
    }

    List<OpenConsignment> oldestOpen(ReportFilter filter, int limit) {
        ReportFilter.Condition where = filter.condition(name -> ":" + name, clock.getZone());
        return jdbc.sql("select c.reference, c.organisation_code, c.port_code, c.status, c.created_at"
                        + " from consignment c where " + where.sql() + " and c.status not in (:terminal)"
                        + " order by c.created_at, c.id fetch first " + limit + " rows only")
                .params(where.params())
                .param("terminal", TERMINAL_STATUSES)
                .query((rs, n) -> new OpenConsignment(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
