package org.reliefclearance.reporting;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.reliefclearance.registry.Authority;
import org.reliefclearance.registry.Organisation;
import org.reliefclearance.registry.Port;
import org.reliefclearance.reporting.KpiReport.AuthorityFigures;
import org.reliefclearance.reporting.KpiReport.OpenCase;
import org.reliefclearance.reporting.KpiReport.StepTime;
import org.reliefclearance.reporting.KpiReport.WaiverByDecision;
import org.reliefclearance.reporting.SvgBarChart.Bar;
import org.springframework.web.util.UriComponentsBuilder;

/** Renders the KPI report as one self-contained HTML page (inline CSS and SVG). */
final class DashboardPage {

    private final ZoneId zone;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px;color:#1d2733;max-width:1100px}
            h1{font-size:1.5em;margin-bottom:4px} h2{font-size:1.15em;margin-top:28px;border-bottom:1px solid #d5dde5}
            .muted{color:#5b6b7b;font-size:.9em} form{background:#f3f6f9;padding:12px;border-radius:6px}
            form label{display:inline-block;margin:4px 12px 4px 0;font-size:.9em}
            .tiles{display:flex;gap:12px;margin-top:16px} .tile{background:#f3f6f9;border-radius:6px;padding:10px 16px}
            .tile b{display:block;font-size:1.5em} table{border-collapse:collapse;font-size:.9em}
            th,td{text-align:left;padding:4px 10px;border-bottom:1px solid #e3e8ee} td.n{text-align:right}
            svg text{font-size:12px;fill:#1d2733} rect.bar{fill:#2f6f9f} .empty{color:#5b6b7b;font-style:italic}
            """;

    private final KpiReport report;
    private final List<Port> ports;
    private final List<Organisation> organisations;
    private final List<Authority> authorities;
    private final StringBuilder html = new StringBuilder();

    DashboardPage(KpiReport report, List<Port> ports, List<Organisation> organisations, List<Authority> authorities,
                  ZoneId zone) {
        this.zone = zone;
        this.report = report;
        this.ports = ports;
        this.organisations = organisations;
        this.authorities = authorities;
    }

    String render() {
        ReportFilter f = report.filter();
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Relief clearance: where consignments are</title><style>").append(CSS)
                .append("</style></head><body>")
                .append("<h1>Relief clearance: where consignments are</h1>")
                .append("<p class=\"muted\">Figures for consignments notified ").append(esc(period(f)))
                .append(", generated ").append(esc(report.generatedAt().atZoneSameInstant(zone)
                        .format(TIME))).append(" (Lao time).</p>");
        filterForm(f);
        tiles();

        html.append("<h2>Consignments by status</h2>").append(SvgBarChart.render("Consignments by status",
                report.consignmentsByStatus().stream()
                        .map(s -> new Bar(s.status(), s.count(), String.valueOf(s.count()))).toList()));

        html.append("<h2>Arrival to release, per port (median)</h2>")
                .append(SvgBarChart.render("Arrival to release per port", report.arrivalToRelease().stream()
                        .map(p -> new Bar(p.port(), p.arrivalToRelease().median().toMillis(),
                                stats(p.arrivalToRelease())))
                        .toList()));

        html.append("<h2>Deadline breaches per authority</h2>")
                .append(SvgBarChart.render("Deadline breaches per authority", report.authorityReviews().stream()
                        .map(a -> new Bar(a.authority(), a.breaches(), a.breaches() + " (" + a.lateDecisions()
                                + " late, " + a.pendingOverdue() + " overdue)"))
                        .toList()));
        authorityTable();
        stepTable();
        waiverTable();
        openCasesTable();
        html.append("</body></html>");
        return html.toString();
    }

    private void filterForm(ReportFilter f) {
        html.append("<form method=\"get\" action=\"/reports/dashboard\">")
                .append("<label>From <input type=\"date\" name=\"from\" value=\"")
                .append(f.from() == null ? "" : f.from()).append("\"></label>")
                .append("<label>To <input type=\"date\" name=\"to\" value=\"")
                .append(f.to() == null ? "" : f.to()).append("\"></label>");
        select("Port", "port", f.port(), ports.stream().map(Port::code).toList(),
                ports.stream().collect(Collectors.toMap(Port::code, Port::name)));
        select("Organisation", "organisation", f.organisation(), organisations.stream().map(Organisation::code).toList(),
                organisations.stream().collect(Collectors.toMap(Organisation::code, Organisation::name)));
        select("Authority", "authority", f.authority(), authorities.stream().map(Authority::code).toList(),
                authorities.stream().collect(Collectors.toMap(Authority::code, Authority::name)));
        html.append("<label>Emergency <input name=\"emergency\" size=\"12\" placeholder=\"true, false or code\" value=\"")
                .append(esc(f.emergency() == null ? "" : f.emergency())).append("\"></label>")
                .append("<button type=\"submit\">Show</button> ")
                .append("<a href=\"").append(esc(link("/api/reports/kpis.csv", f))).append("\">Download CSV</a> · ")
                .append("<a href=\"").append(esc(link("/api/reports/kpis", f))).append("\">JSON</a>")
                .append("</form>");
    }

    private void select(String label, String name, String selected, List<String> codes, Map<String, String> names) {
        html.append("<label>").append(label).append(" <select name=\"").append(name).append("\"><option value=\"\">all</option>");
        for (String code : codes) {
            html.append("<option value=\"").append(esc(code)).append('"')
                    .append(code.equals(selected) ? " selected" : "").append('>')
                    .append(esc(code + " - " + names.get(code))).append("</option>");
        }
        html.append("</select></label>");
    }

    private void tiles() {
        long open = report.consignmentsByStatus().stream()
                .filter(s -> !KpiQueries.TERMINAL_STATUSES.contains(s.status())).mapToLong(KpiReport.StatusCount::count)
                .sum();
        long breaches = report.authorityReviews().stream().mapToLong(AuthorityFigures::breaches).sum();
        html.append("<div class=\"tiles\">")
                .append(tile("Consignments", String.valueOf(report.consignments())))
                .append(tile("Open cases", String.valueOf(open)))
                .append(tile("Deadline breaches", String.valueOf(breaches)))
                .append(tile("Duties and taxes waived", report.dutiesWaived().total().toPlainString()))
                .append("</div>");
    }

    private static String tile(String label, String value) {
        return "<div class=\"tile\"><b>" + esc(value) + "</b>" + esc(label) + "</div>";
    }

    private void authorityTable() {
        table("Time per authority review", List.of("Authority", "Reviews", "Undecided", "Decided in (median)",
                        "p90", "Late", "Overdue", "Reminders", "Escalations", "Tacit approvals"),
                report.authorityReviews(), a -> List.of(a.authority(), n(a.reviews()), n(a.undecided()),
                        duration(a.decisionTime().median()), duration(a.decisionTime().p90()), n(a.lateDecisions()),
                        n(a.pendingOverdue()), n(a.reminders()), n(a.escalations()), n(a.tacitApprovals())));
    }

    private void stepTable() {
        table("Time per step (from process history)", List.of("Process", "Step", "Count", "Median", "p90"),
                report.stepTimes(), (StepTime s) -> List.of(s.process(),
                        s.activityName() == null ? s.activityId() : s.activityName(), n(s.duration().count()),
                        duration(s.duration().median()), duration(s.duration().p90())));
    }

    private void waiverTable() {
        table("Duties and taxes waived, by exemption decision", List.of("Decision", "Consignments", "Waived value"),
                report.dutiesWaived().byDecision(), (WaiverByDecision w) -> List.of(w.decision(),
                        n(w.consignments()), w.waivedValue().toPlainString()));
    }

    private void openCasesTable() {
        html.append("<h2>Oldest open cases</h2>");
        if (report.oldestOpenCases().isEmpty()) {
            html.append("<p class=\"empty\">No open case.</p>");
            return;
        }
        html.append("<table><tr><th>Reference</th><th>Organisation</th><th>Port</th><th>Status</th>")
                .append("<th>Notified</th><th>Age</th></tr>");
        for (OpenCase c : report.oldestOpenCases()) {
            html.append("<tr><td><a href=\"/api/consignments/").append(esc(c.reference())).append("/dossier.pdf\">")
                    .append(esc(c.reference())).append("</a></td><td>").append(esc(c.organisation()))
                    .append("</td><td>").append(esc(c.port())).append("</td><td>").append(esc(c.status()))
                    .append("</td><td>").append(esc(c.createdAt().atZoneSameInstant(zone).format(TIME)))
                    .append("</td><td class=\"n\">").append(esc(duration(Duration.ofSeconds(c.ageSeconds()))))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    private <T> void table(String title, List<String> header, List<T> rows, Function<T, List<String>> cells) {
        html.append("<h2>").append(esc(title)).append("</h2>");
        if (rows.isEmpty()) {
            html.append("<p class=\"empty\">No data in this period.</p>");
            return;
        }
        html.append("<table><tr>");
        header.forEach(h -> html.append("<th>").append(esc(h)).append("</th>"));
        html.append("</tr>");
        for (T row : rows) {
            html.append("<tr>");
            List<String> values = cells.apply(row);
            for (int i = 0; i < values.size(); i++) {
                html.append(i == 0 ? "<td>" : "<td class=\"n\">").append(esc(values.get(i))).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</table>");
    }

    private static String stats(DurationStats s) {
        return "median " + duration(s.median()) + ", p90 " + duration(s.p90()) + ", n=" + s.count();
    }

    /** Durations read by people: minutes under two hours, hours under three days, then days. */
    static String duration(Duration d) {
        if (d == null) {
            return "-";
        }
        long minutes = d.toMinutes();
        if (minutes < 120) {
            return minutes + " min";
        }
        if (d.toHours() < 72) {
            return String.format(Locale.ROOT, "%.1f h", d.toMinutes() / 60.0);
        }
        return String.format(Locale.ROOT, "%.1f d", d.toHours() / 24.0);
    }

    private static String n(long value) {
        return String.valueOf(value);
    }

    private static String period(ReportFilter f) {
        if (f.from() == null && f.to() == null) {
            return "at any time";
        }
        return (f.from() == null ? "until " : "from " + f.from() + (f.to() == null ? "" : " to "))
                + (f.to() == null ? "" : f.to());
    }

    private static String link(String path, ReportFilter f) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        f.asParameters().forEach(uri::queryParam);
        return uri.encode().build().toUriString();
    }

    private static String esc(String s) {
        return s == null ? "" : htmlEscape(s);
    }
}
