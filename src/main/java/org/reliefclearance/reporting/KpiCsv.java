package org.reliefclearance.reporting;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.reliefclearance.reporting.KpiReport.AuthorityFigures;
import org.reliefclearance.reporting.KpiReport.CauseTime;
import org.reliefclearance.reporting.KpiReport.OpenCase;
import org.reliefclearance.reporting.KpiReport.PortDwell;
import org.reliefclearance.reporting.KpiReport.PortTimes;
import org.reliefclearance.reporting.KpiReport.StatusCount;
import org.reliefclearance.reporting.KpiReport.StepTime;
import org.reliefclearance.reporting.KpiReport.WaiverByDecision;

/**
 * The KPI report as one CSV table in long form (one figure per row), so a spreadsheet can
 * pivot it: section, key (port, authority, status, process...), detail, metric, value.
 */
final class KpiCsv {

    static final String HEADER = "section,key,detail,metric,value";

    private final List<String> rows = new ArrayList<>();

    private KpiCsv() {
    }

    static String of(KpiReport report) {
        KpiCsv csv = new KpiCsv();
        csv.row("consignments", "total", "", "count", report.consignments());
        for (StatusCount s : report.consignmentsByStatus()) {
            csv.row("consignments_by_status", s.status(), "", "count", s.count());
        }
        for (PortTimes p : report.arrivalToRelease()) {
            csv.stats("arrival_to_release", p.port(), "", "", p.arrivalToRelease());
        }
        for (PortDwell p : report.dwellAtBorder()) {
            csv.row("dwell", p.port(), "", "arrived", p.arrived());
            csv.row("dwell", p.port(), "", "still_waiting", p.stillWaiting());
            csv.stats("dwell", p.port(), "", "dwell_", p.dwell());
            for (CauseTime c : p.causes()) {
                csv.row("dwell", p.port(), c.cause(), "total_seconds", c.totalSeconds());
                csv.row("dwell", p.port(), c.cause(), "mean_seconds", c.meanSeconds());
            }
        }
        for (AuthorityFigures a : report.authorityReviews()) {
            csv.row("authority_review", a.authority(), "", "reviews", a.reviews());
            csv.row("authority_review", a.authority(), "", "undecided", a.undecided());
            csv.stats("authority_review", a.authority(), "", "decision_time_", a.decisionTime());
            csv.row("authority_review", a.authority(), "", "late_decisions", a.lateDecisions());
            csv.row("authority_review", a.authority(), "", "pending_overdue", a.pendingOverdue());
            csv.row("authority_review", a.authority(), "", "breaches", a.breaches());
            csv.row("authority_review", a.authority(), "", "reminders", a.reminders());
            csv.row("authority_review", a.authority(), "", "escalations", a.escalations());
            csv.row("authority_review", a.authority(), "", "tacit_approvals", a.tacitApprovals());
        }
        for (StepTime s : report.stepTimes()) {
            csv.stats("step_time", s.process(), s.activityId(), "", s.duration());
        }
        for (WaiverByDecision w : report.dutiesWaived().byDecision()) {
            csv.row("duties_waived", w.decision(), "", "consignments", w.consignments());
            csv.row("duties_waived", w.decision(), "", "waived_value", w.waivedValue());
        }
        csv.row("duties_waived", "total", "", "waived_value", report.dutiesWaived().total());
        for (OpenCase c : report.oldestOpenCases()) {
            csv.row("oldest_open_case", c.reference(), c.status(), "age_seconds", c.ageSeconds());
        }
        return HEADER + "\r\n" + String.join("\r\n", csv.rows) + "\r\n";
    }

    private void stats(String section, String key, String detail, String metricPrefix, DurationStats stats) {
        row(section, key, detail, metricPrefix + "count", stats.count());
        row(section, key, detail, metricPrefix + "median_seconds", seconds(stats.median()));
        row(section, key, detail, metricPrefix + "p90_seconds", seconds(stats.p90()));
    }

    private void row(String section, String key, String detail, String metric, Object value) {
        rows.add(String.join(",", cell(section), cell(key), cell(detail), cell(metric),
                value == null ? "" : value.toString()));
    }

    private static String seconds(Duration d) {
        return d == null ? null : BigDecimal.valueOf(d.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
    }

    /** RFC 4180 quoting; a text cell that a spreadsheet would read as a formula is defused. */
    static String cell(String text) {
        if (text == null) {
            return "";
        }
        String safe = !text.isEmpty() && "=+@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
