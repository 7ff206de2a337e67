package org.reliefclearance.consignment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reliefclearance.registry.Province;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * What consignees report having distributed after release (exempt goods may not be sold): the
 * report and, per line, how much went to which province and place.
 */
@Repository
public class DistributionReports {

    private final JdbcClient jdbc;

    DistributionReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A quantity of a line distributed at one location; {@code place} the district, village or camp, if given. */
    public record Entry(int lineNo, BigDecimal quantity, String provinceCode, String place) {
    }

    /**
     * One location of a report as read, with the line's goods: the province in both languages
     * ({@code null} for rows reported before locations were asked for).
     */
    public record Distributed(int lineNo, String description, BigDecimal quantity, String unit, Province province,
                              String place) {
    }

    public record Report(String report, String reportedBy, OffsetDateTime reportedAt, List<Distributed> lines) {
    }

    public void store(long consignmentId, String report, String actor, OffsetDateTime at, List<Entry> entries) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into distribution_report (consignment_id, report, reported_by, reported_at)
                values (?, ?, ?, ?)""")
                .params(consignmentId, report, actor, at.withOffsetSameInstant(ZoneOffset.UTC))
                .update(key, "id");
        long reportId = key.getKey().longValue();
        for (Entry e : entries) {
            jdbc.sql("""
                    insert into distribution_report_line (report_id, line_no, quantity, province_code, place)
                    values (?, ?, ?, ?, ?)""")
                    .params(reportId, e.lineNo(), e.quantity(), e.provinceCode(), e.place()).update();
        }
    }

    /** The case's reports, oldest first, each with its locations by line, in the order they were given. */
    public List<Report> ofConsignment(long consignmentId) {
        Map<Long, Report> reports = new LinkedHashMap<>();
        jdbc.sql("""
                select id, report, reported_by, reported_at from distribution_report
                where consignment_id = ? order by reported_at, id""")
                .param(consignmentId)
                .query((RowCallbackHandler) rs -> reports.put(rs.getLong("id"), new Report(rs.getString("report"),
                        rs.getString("reported_by"), rs.getObject("reported_at", OffsetDateTime.class), new ArrayList<>())));
        if (reports.isEmpty()) {
            return List.of();
        }
        jdbc.sql("""
                select l.report_id, l.line_no, cl.description, l.quantity, cl.unit, l.place, p.code, p.name_en, p.name_lo
                from distribution_report_line l join distribution_report r on r.id = l.report_id
                left join consignment_line cl on cl.consignment_id = r.consignment_id and cl.line_no = l.line_no
                left join province p on p.code = l.province_code
                where r.consignment_id = ? order by l.report_id, l.line_no, l.id""")
                .param(consignmentId)
                .query((RowCallbackHandler) rs -> reports.get(rs.getLong("report_id")).lines().add(new Distributed(
                        rs.getInt("line_no"), rs.getString("description"), rs.getBigDecimal("quantity"), rs.getString("unit"),
                        rs.getString("code") == null ? null
                        : new Province(rs.getString("code"), rs.getString("name_en"), rs.getString("name_lo")),
                        rs.getString("place"))));
        return reports.values().stream()
                .map(r -> new Report(r.report(), r.reportedBy(), r.reportedAt(), List.copyOf(r.lines()))).toList();
    }
}
