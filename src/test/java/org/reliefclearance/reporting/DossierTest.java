package org.reliefclearance.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.reliefclearance.reporting.KpiReportTest.at;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.reporting.ReportingFixtures.Row;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
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
        // Lao time (UTC+7, the service's zone) throughout; statuses, decisions, events and types in words
        assertThat(text).contains("Clearance dossier " + c.reference, "Status: Released.", "Asia/Vientiane")
                .contains("Pre-arrival notification / ການແຈ້ງລ່ວງໜ້າ")
                .contains("WFP - World Food Programme", "WATTAY - Wattay International Airport, Vientiane")
                .contains("Air waybill 157-", "ECHO", "2018-11-03 07:00")
                .contains("Oral rehydration salts", "3004.90", "Medicines", "100 boxes", "Permit required",
                        "MOH_FDD")
                .contains("Family tents", "Relief, exempt")
                .contains("Approved", "Permit FDD-2018-114 issued", "moh")
                .contains("Permit FDD-2018-114, valid until 2019-06-30,", "cold chain.")
                .contains("Rejected, reminders: 1", "Radio model not type-approved", "mtc")
                .contains("Endorsement decided", "molsw", "Humanitarian need confirmed")
                .contains("Review decided", "Exemption decided", "Full waiver under the MoU", "Goods released")
                .contains("Packing list", "packing-list.pdf", "Donation certificate")
                .contains("Full exemption", "1234.50", "2500.00")
                .contains("RN-" + c.reference)
                .contains("2018-11-06 09:00")
                .doesNotContain("PERMIT_REQUIRED", "RELIEF_EXEMPT", "MEDICINE", "PACKING_LIST", "REVIEW_DECIDED",
                        "EXEMPTION_DECIDED", "AIR_WAYBILL");
    }

    @Test
    void dossierInLaoForABrowserOrSwitchAskingForLao() throws IOException {
        Row c = releasedWfpConsignment();
        String url = "/api/consignments/" + c.reference + "/dossier.pdf";
        HttpHeaders laoBrowser = new HttpHeaders();
        laoBrowser.setBasicAuth("customs", "demo");
        laoBrowser.add(HttpHeaders.ACCEPT_LANGUAGE, "lo");

        String fromHeader = text(http.exchange(url, HttpMethod.GET, new HttpEntity<>(laoBrowser), byte[].class)
                .getBody());
        String fromSwitch = text(http.withBasicAuth("customs", "demo").getForEntity(url + "?lang=lo", byte[].class)
                .getBody());

        for (String text : List.of(fromHeader, fromSwitch)) {
            assertThat(text).contains("Clearance dossier " + c.reference + " / ແຟ້ມເອກະສານການຜ່ານພາສີ " + c.reference)
                    .contains("ສະຖານະ: ປ່ອຍສິນຄ້າແລ້ວ")
                    .contains("ຢາປົວພະຍາດ", "ຕ້ອງມີໃບອະນຸຍາດ", "ອະນຸມັດ", "ຍົກເວັ້ນທັງໝົດ", "ໃບລາຍການຫຸ້ມຫໍ່")
                    .contains("Permit FDD-2018-114 issued", "2018-11-06 09:00")
                    .doesNotContain("Permit required", "Full exemption", "Packing list");
        }
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
            f.event(c, at("2018-12-01T00:00").plusMinutes(i), "coordinator", "REVIEW_REMINDER", "MOH_FDD",
                    "Reminder number " + i + " to the Food and Drug Department about the pending permit review"
                            + (i == 40 ? " \u0007\u000B" : ""));
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

        HtmlPdf helvetica = new HtmlPdf(Path.of("/no/such/font.ttf"), null);
        assertThat(text(helvetica.render("<html><body><p>ຢາ salts</p></body></html>"))).contains("?? salts");
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
        jdbc.sql("update authority_review set permit_number = 'FDD-2018-114', permit_valid_until = ?,"
                + " permit_conditions = 'COLD_CHAIN' where consignment_id = ? and authority_code = 'MOH_FDD'")
                .params(java.time.LocalDate.of(2019, 6, 30), c.id).update();
        f.review(c, "MTC", "REJECTED", at("2018-11-02T01:00"), at("2018-11-16T01:00"), at("2018-11-04T03:00"),
                "mtc", "Radio model not type-approved", false, 1, false);
        f.event(c, at("2018-11-01T00:00"), "wfp", "NOTIFIED", null, "Pre-arrival notification received");
        f.event(c, at("2018-11-02T00:30"), "molsw", "ENDORSEMENT_DECIDED", null, "Humanitarian need confirmed");
        f.event(c, at("2018-11-03T03:00"), "moh", "REVIEW_DECIDED", "MOH_FDD", "Permit FDD-2018-114 issued");
        f.event(c, at("2018-11-04T03:00"), "mtc", "REVIEW_DECIDED", "MTC", "Radio model not type-approved");
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
