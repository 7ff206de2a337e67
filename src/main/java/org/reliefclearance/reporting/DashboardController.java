package org.reliefclearance.reporting;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.reliefclearance.registry.Registry;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The supervisors' dashboard: the KPIs as server-rendered charts and tables, no script, no CDN. */
@Controller
class DashboardController {

    private final KpiService kpis;
    private final ReportAccess access;
    private final Registry registry;
    private final Clock clock;

    DashboardController(KpiService kpis, ReportAccess access, Registry registry, Clock clock) {
        this.kpis = kpis;
        this.access = access;
        this.registry = registry;
        this.clock = clock;
    }

    @GetMapping(path = {"/reports/dashboard", "/dashboard"}, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> dashboard(ReportFilter filter, Authentication authentication) {
        ReportFilter allowed = access.kpiFilter(authentication, filter.checked());
        String page = new DashboardPage(kpis.report(allowed), registry.ports(), registry.organisations(),
                registry.authorities(), clock.getZone()).render();
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(page);
    }
}
