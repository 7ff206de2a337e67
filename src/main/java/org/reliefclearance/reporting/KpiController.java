package org.reliefclearance.reporting;

import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * KPIs for supervisors, as JSON or CSV. Filters (all optional): from, to (days, included),
 * port, organisation, authority, emergency (true, false or an emergency code).
 */
@RestController
@RequestMapping("/api/reports")
class KpiController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final KpiService kpis;
    private final ReportAccess access;

    KpiController(KpiService kpis, ReportAccess access) {
        this.kpis = kpis;
        this.access = access;
    }

    @Operation(summary = "Clearance KPIs as JSON (officials; ports and ministries see their own)")
    @GetMapping(path = "/kpis", produces = MediaType.APPLICATION_JSON_VALUE)
    KpiReport kpis(ReportFilter filter, Authentication authentication) {
        return kpis.report(access.kpiFilter(authentication, filter.checked()));
    }

    @Operation(summary = "Clearance KPIs as CSV")
    @GetMapping(path = "/kpis.csv")
    ResponseEntity<String> kpisCsv(ReportFilter filter, Authentication authentication) {
        String csv = KpiCsv.of(kpis.report(access.kpiFilter(authentication, filter.checked())));
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("relief-clearance-kpis.csv").build().toString())
                .body(csv);
    }

    @Operation(summary = "Clearance KPIs as CSV (format=csv)")
    @GetMapping(path = "/kpis", params = "format=csv")
    ResponseEntity<String> kpisCsvByParameter(ReportFilter filter, Authentication authentication) {
        return kpisCsv(filter, authentication);
    }
}
