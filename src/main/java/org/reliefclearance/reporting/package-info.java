/**
 * Monitoring and reporting: the figures supervisors (NLPWG coordinators, Customs HQ, MoLSW,
 * process owners) need to see where consignments are stuck, beyond what Cockpit shows.
 *
 * <ul>
 *   <li>{@code GET /api/reports/kpis} (JSON), {@code /api/reports/kpis.csv} or {@code ?format=csv}:
 *       filters {@code from}, {@code to} (days in Lao time, both included, on the notification time),
 *       {@code port}, {@code organisation}, {@code authority}, {@code emergency} (true, false or a code).
 *       Port customs officers get their port's figures, ministry reviewers their authority's,
 *       organisations none (403).</li>
 *   <li>{@code GET /reports/dashboard} (also {@code /dashboard}): the same figures as a Thymeleaf page
 *       ({@code templates/reports/dashboard.html}) with inline SVG charts, a filter form and the CSV
 *       link, in English or Lao ({@code ?lang=}); HTTP Basic like the rest of the service.</li>
 *   <li>{@code GET /api/consignments/{reference}/dossier.pdf}: the clearance dossier, the template
 *       {@code templates/reports/dossier.html} turned into PDF by openhtmltopdf, for whoever may read
 *       the consignment (another organisation gets 404).</li>
 *   <li>Gauges on {@code /actuator/prometheus}: {@code relief_consignments_open{status}},
 *       {@code relief_reviews_overdue}, {@code relief_camunda_jobs_executable},
 *       {@code relief_camunda_incidents_open}.</li>
 * </ul>
 *
 * <p>Durations are summarised by {@link org.reliefclearance.reporting.DurationStats} (exact median,
 * nearest-rank 90th percentile), computed in Java over the rows of the period.
 */
package org.reliefclearance.reporting;
