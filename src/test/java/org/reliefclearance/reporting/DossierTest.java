package org.reliefclearance.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.reliefclearance.reporting.KpiReportTest.at;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.reporting.ReportingFixtures.Row;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

@ServiceTest
class DossierTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestRestTemplate http;

    @Test
    void dossierHoldsTheNotificationLinesDecisionsDocumentsAndRelease() throws IOException {
        Row c = releasedWfpConsignment();

        ResponseEntity<byte[]> pdf = http.withBasicAuth("customs", "demo")
                .getForEntity("/api/consignments/" + c.reference + "/dossier.pdf", byte[].class);

        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        String text = text(pdf.getBody());
        // Lao time (UTC+7) throughout
        assertThat(text).contains("Clearance dossier " + c.reference)
                .contains("WFP - World Food Programme", "WATTAY - Wattay International Airport, Vientiane")
                .contains("AWB 157-", "ECHO", "2018-11-03 07:00")
                .contains("Oral rehydration salts", "3004.90", "MEDICINE", "PERMIT_REQUIRED", "MOH_FDD")
                .contains("Family tents", "RELIEF_EXEMPT")
                .contains("APPROVED", "Permit FDD-2018-114 issued", "moh")
                .contains("REJECTED", "Radio model not type-approved", "mtc")
                .contains("ENDORSED", "molsw", "Humanitarian need confirmed")
                .contains("EXEMPTION_DECIDED", "Full waiver under the MoU")
                .contains("PACKING_LIST", "packing-list.pdf", "DONATION_CERTIFICATE")
                .contains("FULL", "1234.50", "2500.00")
                .contains("RN-" + c.reference)
                .contains("2018-11-06 09:00");
    }

    @Test
    void theOwningOrganisationMayReadItsDossierOthersCannotSeeIt() {
        Row c = releasedWfpConsignment();
        String url = "/api/consignments/" + c.reference + "/dossier.pdf";

        assertThat(http.withBasicAuth("wfp", "demo").getForEntity(url, byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("moh", "demo").getForEntity(url, byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("laoredcross", "demo").getForEntity(url, byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth("customs", "demo")
                .getForEntity("/api/consignments/RC-1999-999999/dossier.pdf", byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity(url, byte[].class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void longTimelinesRunOverSeveralPagesAndUnprintableCharactersDoNotBreakIt() throws IOException {
        ReportingFixtures f = new ReportingFixtures(jdbc);
        Row c = f.consignment(at("2018-12-01T00:00")).org("LRC").status("UNDER_REVIEW").insert();
        f.line(c, 1, "ຢາ Medicines (ORS) \u2013 Lao label", "3004.90", "MEDICINE", "PERMIT_REQUIRED", "MOH_FDD",
                "PENDING", null);
        for (int i = 1; i <= 80; i++) {
            f.event(c, at("2018-12-01T00:00").plusMinutes(i), "coordinator", "REMINDER_SENT", "MOH_FDD",
                    "Reminder number " + i + " to the Food and Drug Department about the pending permit review");
        }

        ResponseEntity<byte[]> pdf = http.withBasicAuth("coordinator", "demo")
                .getForEntity("/api/consignments/" + c.reference + "/dossier.pdf", byte[].class);

        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
        }
        assertThat(text(pdf.getBody())).contains("Reminder number 1 ", "Reminder number 80 ", "Medicines (ORS)")
                .contains("page 2 of");
    }

    @Test
    void laoTextPrintsInTheEmbeddedFontAndAsQuestionMarksWithoutIt() throws IOException {
        Path dejaVu = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        assumeTrue(Files.isReadable(dejaVu), "needs DejaVu Sans (Debian: fonts-dejavu-core; .ci/run installs it)");
        ReportingFixtures f = new ReportingFixtures(jdbc);
        Row c = f.consignment(at("2018-12-02T00:00")).org("LRC").status("UNDER_REVIEW").insert();
        f.line(c, 1, "ຢາປິ່ນປົວ oral rehydration salts", "3004.90", "MEDICINE", "PERMIT_REQUIRED", "MOH_FDD",
                "PENDING", null);

        byte[] pdf = http.withBasicAuth("coordinator", "demo")
                .getForEntity("/api/consignments/" + c.reference + "/dossier.pdf", byte[].class).getBody();
        assertThat(text(pdf)).contains("ຢາປິ່ນປົວ oral rehydration salts");

        try (PdfLayout helvetica = new PdfLayout("footer", Path.of("/no/such/font.ttf"), null)) {
            helvetica.text("ຢາ salts");
            assertThat(text(helvetica.toBytes())).contains("?? salts");
        }
    }

    private Row releasedWfpConsignment() {
        ReportingFixtures f = new ReportingFixtures(jdbc);
        Row c = f.consignment(at("2018-11-01T00:00")).status("RELEASED")
                .arrivedAndReleased(at("2018-11-06T00:00"), at("2018-11-06T02:00")).exemption("FULL", "1234.50")
                .insert();
        f.line(c, 1, "Oral rehydration salts", "3004.90", "MEDICINE", "PERMIT_REQUIRED", "MOH_FDD", "APPROVED", null);
        f.line(c, 2, "Family tents", "6306.22", "SHELTER", "RELIEF_EXEMPT", null, null, null);
        f.line(c, 3, "VHF radios", "8517.62", "TELECOM_EQUIPMENT", "PERMIT_REQUIRED", "MTC", "REJECTED",
                "Radio model not type-approved");
        f.review(c, "MOH_FDD", "APPROVED", at("2018-11-02T01:00"), at("2018-11-05T01:00"), at("2018-11-03T03:00"),
                "moh", "Permit FDD-2018-114 issued", false, 0, false);
        f.review(c, "MTC", "REJECTED", at("2018-11-02T01:00"), at("2018-11-16T01:00"), at("2018-11-04T03:00"),
                "mtc", "Radio model not type-approved", false, 1, false);
        f.event(c, at("2018-11-01T00:00"), "wfp", "NOTIFIED", null, "Pre-arrival notification received");
        f.event(c, at("2018-11-02T00:30"), "molsw", "ENDORSED", null, "Humanitarian need confirmed");
        f.event(c, at("2018-11-03T03:00"), "moh", "REVIEW_APPROVED", "MOH_FDD", "Permit FDD-2018-114 issued");
        f.event(c, at("2018-11-04T03:00"), "mtc", "REVIEW_REJECTED", "MTC", "Radio model not type-approved");
        f.event(c, at("2018-11-05T00:00"), "customs", "EXEMPTION_DECIDED", null, "Full waiver under the MoU");
        f.event(c, at("2018-11-06T02:00"), "port-wattay", "RELEASED", null, "Released on arrival");
        f.document(c, "PACKING_LIST", "packing-list.pdf", at("2018-11-01T00:10"));
        f.document(c, "DONATION_CERTIFICATE", "donation.pdf", at("2018-11-01T00:11"));
        return c;
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
