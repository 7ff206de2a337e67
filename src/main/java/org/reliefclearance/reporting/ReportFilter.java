package org.reliefclearance.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.reliefclearance.consignment.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * Which consignments a report covers. {@code from} and {@code to} are days in Lao time,
 * both included, on the consignment's creation time; the other fields are codes. Emergency
 * is {@code true} (any emergency), {@code false} (none) or an emergency code.
 */
public record ReportFilter(@DateTimeFormat(iso = ISO.DATE) LocalDate from,
                           @DateTimeFormat(iso = ISO.DATE) LocalDate to,
                           String port, String organisation, String authority, String emergency) {

    /** The days a report period may name: nothing was cleared before, and later is a typing error. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    public static ReportFilter none() {
        return new ReportFilter(null, null, null, null, null, null);
    }

    public ReportFilter {
        port = blankToNull(port);
        organisation = blankToNull(organisation);
        authority = blankToNull(authority);
        emergency = blankToNull(emergency);
    }

    /** This filter, if its period is one a report can cover; else the field at fault is named (400). */
    ReportFilter checked() {
        checkDay("from", from);
        checkDay("to", to);
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidInputException("from", "must not be after to (" + to + ")");
        }
        return this;
    }

    private static void checkDay(String field, LocalDate day) {
        if (day != null && (day.isBefore(EARLIEST) || day.isAfter(LATEST))) {
            throw new InvalidInputException(field, "must be a day from " + EARLIEST + " to " + LATEST);
        }
    }

    ReportFilter withPort(String code) {
        return new ReportFilter(from, to, code, organisation, authority, emergency);
    }

    ReportFilter withAuthority(String code) {
        return new ReportFilter(from, to, port, organisation, code, emergency);
    }

    OffsetDateTime fromInstant(ZoneId zone) {
        return from == null ? null : from.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** Exclusive upper bound: the start of the day after {@code to}. */
    OffsetDateTime toInstantExclusive(ZoneId zone) {
        return to == null ? null
                : to.plusDays(1).atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    /**
     * The condition on consignment alias {@code c}, with named parameters written by
     * {@code placeholder} (":name" for JdbcClient, "#{name}" for a Camunda native query); the days
     * {@code from} and {@code to} are days in {@code zone}.
     */
    Condition condition(UnaryOperator<String> placeholder, ZoneId zone) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        parts.add("1 = 1");
        if (from != null) {
            parts.add("c.created_at >= " + placeholder.apply("fromTime"));
            params.put("fromTime", fromInstant(zone));
        }
        if (to != null) {
            parts.add("c.created_at < " + placeholder.apply("toTime"));
            params.put("toTime", toInstantExclusive(zone));
        }
        if (port != null) {
            parts.add("c.port_code = " + placeholder.apply("port"));
            params.put("port", port);
        }
        if (organisation != null) {
            parts.add("c.organisation_code = " + placeholder.apply("organisation"));
            params.put("organisation", organisation);
        }
        if (authority != null) {
            parts.add("exists (select 1 from authority_review fr where fr.consignment_id = c.id and fr.authority_code = "
                    + placeholder.apply("authority") + ")");
            params.put("authority", authority);
        }
        if ("true".equalsIgnoreCase(emergency)) {
            parts.add("c.emergency_code is not null");
        } else if ("false".equalsIgnoreCase(emergency)) {
            parts.add("c.emergency_code is null");
        } else if (emergency != null) {
            parts.add("c.emergency_code = " + placeholder.apply("emergency"));
            params.put("emergency", emergency);
        }
        return new Condition(String.join(" and ", parts), params);
    }

    record Condition(String sql, Map<String, Object> params) {
    }

    /** The filter as query parameters, for links (CSV download, dashboard form). */
    Map<String, String> asParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        putIfSet(p, "from", from == null ? null : from.toString());
        putIfSet(p, "to", to == null ? null : to.toString());
        putIfSet(p, "port", port);
        putIfSet(p, "organisation", organisation);
        putIfSet(p, "authority", authority);
        putIfSet(p, "emergency", emergency);
        return p;
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
