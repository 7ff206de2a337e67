package org.reliefclearance.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentEvent;
import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.documents.DocumentStore;
import org.reliefclearance.documents.StoredDocument;
import org.reliefclearance.registry.Authority;
import org.reliefclearance.registry.Registry;
import org.reliefclearance.review.AuthorityReview;
import org.reliefclearance.review.AuthorityReviewRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The clearance dossier of one consignment as a PDF: the notification, its lines and their
 * classification, every review decision and timeline event with official, time and reason,
 * the documents lodged, the exemption decision and the release note. Times in Lao time.
 */
@Component
class DossierPdf {

    private static final Logger log = LoggerFactory.getLogger(DossierPdf.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ConsignmentRepository consignments;
    private final AuthorityReviewRepository reviews;
    private final DocumentStore documentStore;
    private final Registry registry;
    private final Clock clock;
    private final Path regularFont;
    private final Path boldFont;

    DossierPdf(ConsignmentRepository consignments, AuthorityReviewRepository reviews, DocumentStore documentStore,
               Registry registry, Clock clock,
               @Value("${relief.dossier.font}") Path regularFont, @Value("${relief.dossier.bold-font}") Path boldFont) {
        this.consignments = consignments;
        this.reviews = reviews;
        this.documentStore = documentStore;
        this.registry = registry;
        this.clock = clock;
        this.regularFont = regularFont;
        this.boldFont = boldFont;
        if (!PdfLayout.usable(regularFont)) {
            log.warn("Dossier font {} not found: dossiers use Helvetica and print Lao text as '?'", regularFont);
        }
    }

    byte[] render(Consignment c) {
        Map<String, Authority> authorities = registry.authorities().stream()
                .collect(Collectors.toMap(Authority::code, Function.identity()));
        try (PdfLayout pdf = new PdfLayout("Clearance dossier " + c.reference() + ", generated "
                + time(OffsetDateTime.now(clock)) + " (" + clock.getZone().getId() + ")", regularFont, boldFont)) {
            pdf.title("Clearance dossier " + c.reference());
            pdf.text("Humanitarian relief consignment. Status: " + c.status()
                    + (c.statusReason() == null ? "" : " (" + c.statusReason() + ")") + ". Times in Lao time (UTC+7).");

            pdf.heading("Pre-arrival notification");
            pdf.field("Organisation", c.organisationCode() + registry.organisation(c.organisationCode())
                    .map(o -> " - " + o.name()).orElse(""));
            pdf.field("Port of entry", c.portCode() + registry.port(c.portCode()).map(p -> " - " + p.name()).orElse(""));
            pdf.field("Transport document", c.transportDocumentType() + " " + c.transportDocumentNumber());
            pdf.field("Donor", c.donor());
            pdf.field("Expected arrival", time(c.expectedArrival()));
            pdf.field("Provisional declaration", c.provisionalDeclaration() ? "yes (IM8, to be completed)" : "no");
            pdf.field("National emergency", c.emergencyCode() == null ? "none" : c.emergencyCode());
            pdf.field("Notified", time(c.createdAt()) + " by " + c.createdBy());

            pdf.heading("Lines and classification");
            List<ConsignmentLine> lines = consignments.lines(c.id());
            pdf.table(new float[] {0.04f, 0.22f, 0.08f, 0.14f, 0.09f, 0.08f, 0.12f, 0.09f, 0.14f},
                    List.of("No", "Description", "HS code", "Category", "Quantity", "Value USD", "Treatment",
                            "Authority", "Review"),
                    lines.stream().map(l -> List.of(String.valueOf(l.lineNo()), l.description(), l.hsCode(),
                            l.category(), plain(l.quantity()) + " " + l.unit(), money(l.valueUsd()),
                            orDash(l.treatment()), orDash(l.authorityCode()),
                            orDash(l.reviewStatus()) + (l.reviewReason() == null ? "" : ": " + l.reviewReason())))
                            .toList());

            pdf.heading("Authority reviews");
            List<AuthorityReview> reviews = this.reviews.ofConsignment(c.id());
            pdf.table(new float[] {0.2f, 0.14f, 0.1f, 0.1f, 0.1f, 0.08f, 0.28f},
                    List.of("Authority", "Decision", "Requested", "Due", "Decided", "Official", "Reason"),
                    reviews.stream().map(r -> List.of(
                            r.authorityCode() + (authorities.containsKey(r.authorityCode())
                                    ? " (" + authorities.get(r.authorityCode()).name() + ")" : ""),
                            r.status() + (r.tacit() ? " (tacit)" : "") + (r.escalated() ? ", escalated" : "")
                                    + (r.reminders() > 0 ? ", " + r.reminders() + " reminder(s)" : ""),
                            time(r.requestedAt()), time(r.dueAt()), time(r.decidedAt()), orDash(r.decidedBy()),
                            orDash(r.reason()))).toList());

            pdf.heading("Decisions and events");
            List<ConsignmentEvent> events = consignments.events(c.id());
            pdf.table(new float[] {0.12f, 0.1f, 0.18f, 0.1f, 0.5f},
                    List.of("Time", "Official", "Event", "Authority", "Detail / reason"),
                    events.stream().map(e -> List.of(time(e.occurredAt()), e.actor(), e.eventType(),
                            orDash(e.authorityCode()), orDash(e.detail()))).toList());

            pdf.heading("Documents lodged");
            List<StoredDocument> documents = documentStore.list(c.id());
            pdf.table(new float[] {0.2f, 0.28f, 0.08f, 0.18f, 0.1f, 0.16f},
                    List.of("Type", "File", "Size", "SHA-256", "By", "Uploaded"),
                    documents.stream().map(d -> List.of(d.documentType(), d.fileName(), kilobytes(d.sizeBytes()),
                            d.sha256().substring(0, Math.min(16, d.sha256().length())) + "...", d.uploadedBy(),
                            time(d.uploadedAt()))).toList());

            pdf.heading("Exemption and release");
            pdf.field("Exemption decision", orDash(c.exemptionDecision()));
            pdf.field("Duties and taxes waived", money(c.waivedValue()));
            pdf.field("Arrived", time(c.arrivedAt()));
            pdf.field("Released", time(c.releasedAt()));
            pdf.field("Release note number", orDash(c.releaseNumber()));
            return pdf.toBytes();
        }
    }

    private String time(OffsetDateTime t) {
        return t == null ? "-" : t.atZoneSameInstant(clock.getZone()).format(TIME);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "-" : value.stripTrailingZeros().toPlainString();
    }

    private static String money(BigDecimal value) {
        return value == null ? "-" : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String kilobytes(long bytes) {
        return bytes < 1024 ? bytes + " B" : (bytes + 512) / 1024 + " KB";
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
