package org.reliefclearance.reporting;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.reliefclearance.registry.Authority;
import org.reliefclearance.registry.Organisation;
import org.reliefclearance.registry.Port;
import org.reliefclearance.reporting.KpiReport.AuthorityFigures;
import org.reliefclearance.words.Words;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What {@code templates/reports/dashboard.html} shows beyond the report itself: the period in
 * words, the tiles' totals, the charts' numbers, the filter's choices and the download links.
 */
record DashboardView(KpiReport report, String period, long openCases, long breaches, BarChart byStatus,
                     BarChart arrivalToRelease, BarChart breachesPerAuthority, List<Choice> ports,
                     List<Choice> organisations, List<Choice> authorities, Map<String, String> portNames,
                     Map<String, String> organisationNames, Map<String, String> authorityNames, String csvLink,
                     String jsonLink) {

    /** One option of a filter's drop-down. */
    record Choice(String code, String label, boolean selected) {
    }

    static DashboardView of(KpiReport report, List<Port> ports, List<Organisation> organisations,
                            List<Authority> authorities, Words words) {
        ReportFilter f = report.filter();
        Map<String, String> portNames = ports.stream().collect(Collectors.toMap(Port::code, Port::name));
        Map<String, String> organisationNames = organisations.stream()
                .collect(Collectors.toMap(Organisation::code, Organisation::name));
        Map<String, String> authorityNames = authorities.stream()
                .collect(Collectors.toMap(Authority::code, Authority::name));
        Function<String, String> port = code -> words.port(code, portNames.get(code));
        Function<String, String> authority = code -> words.authority(code, authorityNames.get(code));
        return new DashboardView(report, period(f, words),
                report.consignmentsByStatus().stream()
                        .filter(s -> !KpiQueries.TERMINAL_STATUSES.contains(s.status()))
                        .mapToLong(KpiReport.StatusCount::count).sum(),
                report.authorityReviews().stream().mapToLong(AuthorityFigures::breaches).sum(),
                BarChart.of(words.text("chart.byStatus"), report.consignmentsByStatus(), KpiReport.StatusCount::count,
                        s -> words.status(s.status()), s -> String.valueOf(s.count())),
                BarChart.of(words.text("chart.arrivalToRelease"), report.arrivalToRelease(),
                        p -> p.arrivalToRelease().median().toMillis(), p -> port.apply(p.port()),
                        p -> words.text("chart.portCaption", words.duration(p.arrivalToRelease().median()),
                                words.duration(p.arrivalToRelease().p90()),
                                String.valueOf(p.arrivalToRelease().count()))),
                BarChart.of(words.text("chart.breaches"), report.authorityReviews(), AuthorityFigures::breaches,
                        a -> authority.apply(a.authority()),
                        a -> words.text("chart.breachCaption", String.valueOf(a.breaches()),
                                String.valueOf(a.lateDecisions()), String.valueOf(a.pendingOverdue()))),
                ports.stream().map(p -> choice(p.code(), port.apply(p.code()), f.port())).toList(),
                organisations.stream().map(o -> choice(o.code(), o.name(), f.organisation())).toList(),
                authorities.stream().map(a -> choice(a.code(), authority.apply(a.code()), f.authority())).toList(),
                portNames, organisationNames, authorityNames,
                link("/api/reports/kpis.csv", f), link("/api/reports/kpis", f));
    }

    private static Choice choice(String code, String name, String selected) {
        return new Choice(code, code + " - " + name, code.equals(selected));
    }

    private static String period(ReportFilter f, Words words) {
        if (f.from() == null && f.to() == null) {
            return words.text("period.any");
        }
        if (f.from() == null) {
            return words.text("period.until", f.to().toString());
        }
        if (f.to() == null) {
            return words.text("period.from", f.from().toString());
        }
        return words.text("period.between", f.from().toString(), f.to().toString());
    }

    private static String link(String path, ReportFilter f) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        f.asParameters().forEach(uri::queryParam);
        return uri.encode().build().toUriString();
    }
}
