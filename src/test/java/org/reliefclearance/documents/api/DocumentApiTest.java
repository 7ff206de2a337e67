package org.reliefclearance.documents.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.api.ApiClient;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.ConsignmentRules;
import org.reliefclearance.documents.DocumentStore;
import org.reliefclearance.documents.DocumentsOnForms;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

/** Lodging, listing and downloading documents; only real PDF, JPEG and PNG files are kept. */
@ServiceTest
class DocumentApiTest {

    private static final byte[] PDF = ApiClient.PDF;
    private static final byte[] PNG = ApiClient.PNG;

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConsignmentRules rules;
    @Autowired
    ConsignmentRepository consignments;
    @Autowired
    DocumentStore documents;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;
    @Autowired
    DocumentsOnForms documentsOnForms;

    ApiClient api;
    String reference;

    @BeforeEach
    void consignment() {
        api = new ApiClient(http);
        reference = api.notifyConsignment("wfp");
    }

    @Test
    void pdfIsStoredWithItsHashAndDownloadedByteIdentical() throws Exception {
        ResponseEntity<JsonNode> lodged = upload("wfp", reference, "TRANSPORT_DOCUMENT", "awb 157-1234.pdf", PDF,
                MediaType.APPLICATION_PDF);

        assertThat(lodged.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode doc = lodged.getBody();
        assertThat(doc.get("type").asText()).isEqualTo("TRANSPORT_DOCUMENT");
        assertThat(doc.get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(doc.get("sizeBytes").asLong()).isEqualTo(PDF.length);
        assertThat(doc.get("sha256").asText()).isEqualTo(sha256(PDF));
        assertThat(lodged.getHeaders().getLocation()).hasToString(doc.get("href").asText());
        assertThat(jdbc.sql("select sha256 from consignment_document where id = ?").param(doc.get("id").asLong())
                .query(String.class).single()).isEqualTo(sha256(PDF));

        ResponseEntity<byte[]> download = api.as("customs").getForEntity(doc.get("href").asText(), byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getBody()).isEqualTo(PDF);
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(download.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
        assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("awb 157-1234.pdf");

        JsonNode list = api.get("wfp", "/api/consignments/" + reference + "/documents").getBody();
        assertThat(list).hasSize(1);
        assertThat(list.at("/0/fileName").asText()).isEqualTo("awb 157-1234.pdf");

        JsonNode consignment = api.get("wfp", "/api/consignments/" + reference).getBody();
        assertThat(consignment.at("/documents/missing").toString()).doesNotContain("\"TRANSPORT_DOCUMENT\"")
                .contains("PACKING_LIST");
        assertThat(consignment.at("/documents/lodged/0/type").asText()).isEqualTo("TRANSPORT_DOCUMENT");
        assertThat(consignment.get("timeline").toString()).contains("DOCUMENT_LODGED");
    }

    @Test
    void everyOfficialsFormShowsTheLodgedDocumentsWithALinkAndWhatIsStillMissing() {
        org.camunda.bpm.engine.runtime.ProcessInstance clearance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(reference).singleResult();
        // registration and classification run as jobs; run them as the job executor would
        for (int round = 0; round < 10; round++) {
            engine.getManagementService().createJobQuery().processInstanceId(clearance.getId()).executable()
                    .messages().list().forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
        String endorsement = engine.getTaskService().createTaskQuery().processInstanceId(clearance.getId())
                .singleResult().getId();
        assertThat(formText(endorsement, "documentsLodged")).isEqualTo("none yet / ຍັງບໍ່ມີ");
        assertThat(formText(endorsement, "documentsMissing")).contains("Packing list", "Import permit");

        ResponseEntity<JsonNode> lodged = upload("wfp", reference, "PACKING_LIST", "<b>click</b> [me](http://evil).pdf",
                PDF, MediaType.APPLICATION_PDF);

        long id = lodged.getBody().get("id").asLong();
        assertThat(formText(endorsement, "documentsLodged")).startsWith("- Packing list")
                .endsWith("[download / ດາວໂຫຼດ](/api/consignments/" + reference + "/documents/" + id + ")")
                // the consignee's file name never reaches an official's form
                .doesNotContain("evil", "click");
        assertThat(formText(endorsement, "documentsMissing")).doesNotContain("Packing list").contains("Import permit");
        // read when the form is: the case and its reviews keep no copy that each document would rewrite
        assertThat(engine.getRuntimeService().getVariables(clearance.getId()))
                .doesNotContainKeys("documentsLodged", "documentsMissing");
        // a caller who may not read the task is refused before any text is written
        ResponseEntity<String> other = api.as("moh").getForEntity("/engine-rest/task/" + endorsement + "/form-variables",
                String.class);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(other.getBody()).doesNotContain("Packing list", "download");
        // a form that asks for other variables by name gets only those
        assertThat(engine.getFormService().getTaskFormVariables(endorsement, List.of("organisationName"), false))
                .containsOnlyKeys("organisationName");
    }

    /** What the task's form is shown, read as Tasklist reads it, by a member of the task's group. */
    private String formText(String taskId, String name) {
        ResponseEntity<JsonNode> form = api.as("molsw").getForEntity("/engine-rest/task/" + taskId + "/form-variables",
                JsonNode.class);
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        return form.getBody().path(name).path("value").asText(null);
    }

    /**
     * Lodging tells every clearance under way of the case in one transaction whether its lines still
     * miss a document: a failure part way leaves each as it was.
     */
    @Test
    void aRefreshThatFailsPartWayLeavesEveryClearanceAsItWas() {
        Deployment probe = engine.getRepositoryService().createDeployment().addModelInstance("documents-probe.bpmn",
                Bpmn.createExecutableProcess("documents-probe").camundaHistoryTimeToLive(1)
                        .startEvent().userTask("Task_Wait").endEvent().done()).deploy();
        try {
            // two clearances of the same case, refreshed in the order of their ids: the first is given
            // the new answer, the second's release lines cannot be read
            List<org.camunda.bpm.engine.runtime.ProcessInstance> forms = java.util.stream.Stream.of(1, 2)
                    .map(n -> engine.getRuntimeService().startProcessInstanceByKey("documents-probe", reference))
                    .sorted(java.util.Comparator.comparing(org.camunda.bpm.engine.runtime.ProcessInstance::getId)).toList();
            engine.getRuntimeService().setVariable(forms.get(0).getId(), "lineNumbersToRelease", List.of(1));
            engine.getRuntimeService().setVariable(forms.get(1).getId(), "lineNumbersToRelease", "not a line");
            forms.forEach(form -> engine.getRuntimeService().setVariable(form.getId(),
                    DocumentsOnForms.MISSING_FOR_RELEASE, "as before"));

            assertThatThrownBy(() -> documentsOnForms.refresh(consignments.findByReference(reference).orElseThrow()))
                    .isInstanceOf(IllegalArgumentException.class);

            assertThat(forms).allSatisfy(form -> assertThat(engine.getRuntimeService()
                    .getVariable(form.getId(), DocumentsOnForms.MISSING_FOR_RELEASE)).isEqualTo("as before"));
        } finally {
            engine.getRepositoryService().deleteDeployment(probe.getId(), true);
        }
    }

    @Test
    void theContentDecidesTheFormatNotTheNameOrDeclaredType() {
        ResponseEntity<JsonNode> png = upload("wfp", reference, "PACKING_LIST", "packing-list.pdf", PNG,
                MediaType.APPLICATION_PDF);
        assertThat(png.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(png.getBody().get("contentType").asText()).isEqualTo("image/png");
        assertThat(png.getBody().get("fileName").asText()).isEqualTo("packing-list.png");

        long before = documentRows();
        ResponseEntity<JsonNode> text = upload("wfp", reference, "PACKING_LIST", "packing-list.pdf",
                "just some text, honestly a PDF".getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_PDF);
        ApiClient.assertBadRequestNaming(text, "file");
        assertThat(documentRows()).isEqualTo(before);
    }

    @Test
    void theStoredNameEndsInTheExtensionOfWhatTheFileIs() {
        ResponseEntity<JsonNode> pdf = upload("wfp", reference, "PACKING_LIST", "poly.html", PDF, MediaType.TEXT_HTML);
        ResponseEntity<JsonNode> png = upload("wfp", reference, "PACKING_LIST", "scan", PNG,
                MediaType.APPLICATION_OCTET_STREAM);

        assertThat(pdf.getBody().get("fileName").asText()).isEqualTo("poly.pdf");
        assertThat(png.getBody().get("fileName").asText()).isEqualTo("scan.png");
        assertThat(jdbc.sql("select file_name from consignment_document where id = ?")
                .param(pdf.getBody().get("id").asLong()).query(String.class).single()).isEqualTo("poly.pdf");
        ResponseEntity<byte[]> download = api.as("wfp").getForEntity(pdf.getBody().get("href").asText(), byte[].class);
        assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("poly.pdf");
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    }

    @Test
    void aConsignmentHoldsAtMostTheConfiguredNumberOfDocuments() {
        assertThat(rules.maxDocuments()).as("default of MAX_DOCUMENTS_PER_CONSIGNMENT").isEqualTo(30);
        Consignment consignment = consignments.findByReference(reference).orElseThrow();
        for (int i = 1; i < rules.maxDocuments(); i++) {
            documents.store(consignment, "PACKING_LIST", "part-" + i + ".pdf", PDF, "wfp");
        }
        assertThat(upload("wfp", reference, "PACKING_LIST", "last.pdf", PDF, MediaType.APPLICATION_PDF).getStatusCode())
                .as("the last place").isEqualTo(HttpStatus.CREATED);
        long rows = documentRows();
        int timeline = consignments.events(consignment.id()).size();

        ResponseEntity<JsonNode> refused = upload("wfp", reference, "PACKING_LIST", "one-more.pdf", PDF,
                MediaType.APPLICATION_PDF);

        ApiClient.assertBadRequestNaming(refused, "file");
        assertThat(refused.getBody().at("/errors/0/message").asText()).contains("30 documents");
        assertThat(documentRows()).isEqualTo(rows);
        assertThat(consignments.events(consignment.id())).hasSize(timeline);
    }

    @Test
    void fileNameLosesAnyPath() {
        ResponseEntity<JsonNode> lodged = upload("wfp", reference, "PROFORMA_INVOICE", "../../etc/invoice.pdf", PDF,
                MediaType.APPLICATION_PDF);
        assertThat(lodged.getBody().get("fileName").asText()).isEqualTo("invoice.pdf");
    }

    @Test
    void unknownTypeOrMissingFileIsNamed() {
        long before = documentRows();
        ApiClient.assertBadRequestNaming(
                upload("wfp", reference, "LOVE_LETTER", "a.pdf", PDF, MediaType.APPLICATION_PDF), "type");
        ApiClient.assertBadRequestNaming(
                upload("wfp", reference, null, "a.pdf", PDF, MediaType.APPLICATION_PDF), "type");
        MultiValueMap<String, Object> noFile = new LinkedMultiValueMap<>();
        noFile.add("type", "PACKING_LIST");
        ApiClient.assertBadRequestNaming(api.as("wfp").postForEntity(
                "/api/consignments/" + reference + "/documents", new HttpEntity<>(noFile, multipart()), JsonNode.class),
                "file");
        ApiClient.assertBadRequestNaming(
                upload("wfp", reference, "PACKING_LIST", "empty.pdf", new byte[0], MediaType.APPLICATION_PDF), "file");
        assertThat(documentRows()).isEqualTo(before);
    }

    @Test
    void fileAboveTheConfiguredLimitIsRefused() throws Exception {
        byte[] big = new byte[10 * 1024 * 1024 + 64 * 1024];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        long before = documentRows();

        // The server answers 413 and closes before the upload is complete; java.net.http reads that
        // answer while still sending, where RestTemplate's blocking client fails on the broken pipe.
        String boundary = "relief-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nPACKING_LIST\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(big);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpRequest request = HttpRequest.newBuilder(URI.create(http.getRootUri() + "/api/consignments/" + reference
                        + "/documents"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("wfp:demo".getBytes()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        HttpResponse<String> refused = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE.value());
        assertThat(refused.headers().firstValue("Content-Type")).hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(refused.body()).contains("\"status\":413");
        assertThat(documentRows()).isEqualTo(before);
    }

    @Test
    void onlyTheConsigneeLodgesAndOnlyThoseWhoMaySeeTheConsignmentRead() {
        ResponseEntity<JsonNode> lodged = upload("wfp", reference, "DONATION_CERTIFICATE", "gift.pdf", PDF,
                MediaType.APPLICATION_PDF);
        String href = lodged.getBody().get("href").asText();

        assertThat(upload("laoredcross", reference, "PACKING_LIST", "a.pdf", PDF, MediaType.APPLICATION_PDF)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(upload("customs", reference, "PACKING_LIST", "a.pdf", PDF, MediaType.APPLICATION_PDF)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("laoredcross").getForEntity(href, byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get("laoredcross", "/api/consignments/" + reference + "/documents").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        // a document id of another consignment is not found under this one
        String otherReference = api.notifyConsignment("wfp");
        String elsewhere = href.replace(reference, otherReference);
        ResponseEntity<JsonNode> missing = api.get("wfp", elsewhere);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private ResponseEntity<JsonNode> upload(String user, String ref, String type, String fileName, byte[] content,
                                            MediaType declared) {
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(declared);
        ByteArrayResource file = new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        };
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new HttpEntity<>(file, partHeaders));
        if (type != null) {
            form.add("type", type);
        }
        return api.as(user).postForEntity("/api/consignments/" + ref + "/documents",
                new HttpEntity<>(form, multipart()), JsonNode.class);
    }

    private static HttpHeaders multipart() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return headers;
    }

    private long documentRows() {
        return jdbc.sql("select count(*) from consignment_document").query(Long.class).single();
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
