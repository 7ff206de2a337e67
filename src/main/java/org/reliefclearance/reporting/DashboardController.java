package org.reliefclearance.reporting;

import java.util.Locale;

import org.reliefclearance.registry.Registry;
import org.reliefclearance.words.Vocabulary;
import org.reliefclearance.words.Words;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The supervisors' dashboard: the KPIs as a server-rendered page ({@code templates/reports/dashboard.html}),
 * charts drawn as inline SVG, no script, no CDN, in English or Lao.
 */
@Controller
class DashboardController {

    private final KpiService kpis;
    private final ReportAccess access;
    private final Registry registry;
    private final Vocabulary vocabulary;

    DashboardController(KpiService kpis, ReportAccess access, Registry registry, Vocabulary vocabulary) {
        this.kpis = kpis;
        this.access = access;
        this.registry = registry;
        this.vocabulary = vocabulary;
    }

    @GetMapping(path = {"/reports/dashboard", "/dashboard"}, produces = MediaType.TEXT_HTML_VALUE)
    String dashboard(ReportFilter filter, Authentication authentication, Locale locale, Model model) {
        ReportFilter allowed = access.kpiFilter(authentication, filter.checked());
        Words words = vocabulary.in(locale);
        model.addAttribute("words", words);
        model.addAttribute("dashboard", DashboardView.of(kpis.report(allowed), registry.ports(),
                registry.organisations(), registry.authorities(), words));
        return "reports/dashboard";
    }
}
