package org.reliefclearance.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.ClearanceCases;
import org.reliefclearance.clearance.ClearanceProcess;
import org.reliefclearance.consignment.NewConsignment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * No Java, no rebuild, no restart: an administrator adds a port, a ministry's authority and an
 * organisation through the registry API, a process owner deploys a goods rule naming the new
 * authority through the engine REST API (as Camunda Modeler does), and a consignment of the new
 * organisation through the new port is reviewed by a reviewer of the new authority, who finds the
 * review in Tasklist's shared filter and submits its form, and is released.
 */
@ServiceTest
class RegistryAtRunTimeJourneyTest {

    static final String APPROVALS = "bpmn/goods-approvals.dmn";
    static final String AUTHORITY = "MONRE_DWR";
    static final String PORT = "NAM_PHAO";
    static final String ORGANISATION = "WATERAID_LAO";
    static final String REVIEWER = "dwr-reviewer";
    static final String REVIEWER_PASSWORD = "Water-Review-2031!";
    static final NewConsignment.Line HYPOCHLORITE = ClearanceCases.line("Calcium hypochlorite for water purification",
            "282810", "WATER_SANITATION", "400", "3200");

    @Autowired
    TestRestTemplate http;
    @Autowired
    RepositoryService repository;
    @Autowired
    IdentityService identity;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ClearanceCases cases;

    @AfterEach
    void restoreTheRules() {
        repository.createDeployment().name("goods rules as packaged").addString("goods-approvals.dmn", packaged())
                .deploy();
    }

    @Test
    void aConsignmentGoesThroughAPortAMinistryAndAnOrganisationAddedAtRunTime() {
        RegistryClient registry = new RegistryClient(http);
        assertThat(registry.put(RegistryClient.ADMIN, "/ports/" + PORT, Map.of("name", "Nam Phao / Cau Treo border",
                "kind", "LAND")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(registry.put(RegistryClient.ADMIN, "/authorities/" + AUTHORITY, Map.of(
                "name", "Department of Water Resources", "ministry", "Ministry of Natural Resources and Environment",
                "tacitApprovalInEmergency", false)).getBody().path("groupId").asText()).isEqualTo("monre-dwr");
        assertThat(registry.put(RegistryClient.ADMIN, "/organisations/" + ORGANISATION, Map.of(
                "name", "WaterAid Lao", "kind", "INGO", "status", "REGISTERED", "mouValidUntil", "2035-12-31",
                "counterpartMinistry", "Ministry of Natural Resources and Environment",
                "operatingPermitValidUntil", "2035-12-31")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<String> deployed = deployAsProcessOwner(packaged()
                .replace("\"MOH_FDD\",\"MAF_DOA\",\"MAF_DLF\",\"MTC\",\"MOIC\"",
                        "\"MOH_FDD\",\"MAF_DOA\",\"MAF_DLF\",\"MTC\",\"MOIC\",\"" + AUTHORITY + "\"")
                .replace("      <rule id=\"Rule_MedicinesAndVaccinesByCategory_MohFdd\">", WATER_RULE
                        + "      <rule id=\"Rule_MedicinesAndVaccinesByCategory_MohFdd\">"));
        assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);
        createReviewer();

        ProcessInstance instance = cases.submit(new NewConsignment(ORGANISATION, PORT, "LA-BK", OffsetDateTime.now().plusDays(3),
                "CMR", "CMR-" + System.nanoTime(), "ECHO", false, List.of(HYPOCHLORITE)));
        assertThat(instance).isWaitingAt(ClearanceProcess.Elements.ENDORSE_REQUEST);
        cases.endorse(instance);

        // the new ministry's reviewer sees the review in Tasklist's shared filter and decides it there
        JsonNode reviews = asReviewer(HttpMethod.POST, "filter/" + groupTasksFilter() + "/list", Map.of()).getBody();
        JsonNode review = findTaskOf(reviews, instance);
        assertThat(review).as("the review, as the reviewer's Tasklist lists it").isNotNull();
        assertThat(review.path("taskDefinitionKey").asText()).isEqualTo("Task_ReviewPermit");
        assertThat(asReviewer(HttpMethod.POST, "task/" + review.path("id").asText() + "/submit-form", Map.of("variables",
                Map.of("reviewDecision", Map.of("value", "APPROVE"),
                        "permitNumber", Map.of("value", "DWR-2031-0007")))).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        cases.runJobs(instance);
        cases.review(instance, "MOIC", "APPROVE", null, null);
        cases.decideExemption(instance, "FULL", null, null);
        cases.lodgeRequiredDocuments(instance);
        engine.getRuntimeService().createMessageCorrelation(ClearanceProcess.Messages.CONSIGNMENT_ARRIVED)
                .processInstanceBusinessKey(instance.getBusinessKey())
                .setVariable(ClearanceProcess.Vars.ARRIVED_BY.name(), "port-nam-phao").correlate();
        cases.runJobs(instance);

        assertThat(instance).isWaitingAt(ClearanceProcess.Elements.CLEAR_AT_PORT);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskCandidateGroup("customs-port-nam-phao").count()).as("the new port's officers clear it").isEqualTo(1);
        VariableMap release = Variables.createVariables().putValue(ClearanceProcess.Vars.CLEARANCE_DECISION.name(), "RELEASE")
                .putValue(ClearanceProcess.Vars.RELEASE_REASON.name(), "Drums sealed, permits of both ministries at hand");
        cases.complete(instance, ClearanceProcess.Elements.CLEAR_AT_PORT, "port-nam-phao", "customs-port-nam-phao", release);

        assertThat(instance).hasPassed(ClearanceProcess.Elements.ISSUE_RELEASE_NOTE);
        assertThat(cases.consignment(instance).portCode()).isEqualTo(PORT);
        assertThat(cases.eventTypes(instance)).contains("PORT_CLEARANCE_DECIDED");
    }

    static final String WATER_RULE = """
                  <rule id="Rule_WaterTreatmentChemicals_MonreDwr">
                    <description>Hypochlorites for water purification (HS 2828): MoNRE Department of Water Resources</description>
                    <inputEntry id="Rule_WaterTreatmentChemicals_MonreDwr_HsCode"><text>starts with(?, "2828")</text></inputEntry>
                    <inputEntry id="Rule_WaterTreatmentChemicals_MonreDwr_Category"><text>-</text></inputEntry>
                    <outputEntry id="Rule_WaterTreatmentChemicals_MonreDwr_Authority"><text>"MONRE_DWR"</text></outputEntry>
                    <outputEntry id="Rule_WaterTreatmentChemicals_MonreDwr_Documents"><text>"SAFETY_DATA_SHEET"</text></outputEntry>
                    <outputEntry id="Rule_WaterTreatmentChemicals_MonreDwr_Reason"><text>"Water treatment chemicals need the Department of Water Resources' approval"</text></outputEntry>
                  </rule>
            """;

    private void createReviewer() {
        if (identity.createUserQuery().userId(REVIEWER).count() == 0) {
            User user = identity.newUser(REVIEWER);
            user.setFirstName("Phonsavanh");
            user.setLastName("Keola");
            user.setPassword(REVIEWER_PASSWORD);
            identity.saveUser(user);
            identity.createMembership(REVIEWER, "monre-dwr");
        }
    }

    private String groupTasksFilter() {
        JsonNode filters = asReviewer(HttpMethod.GET, "filter?name=My group's tasks", null).getBody();
        assertThat(filters).as("the reviewer sees the shared filter").hasSize(1);
        return filters.get(0).path("id").asText();
    }

    /** The review called by this clearance, among the tasks a filter lists. */
    private JsonNode findTaskOf(JsonNode tasks, ProcessInstance clearance) {
        String review = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(clearance.getId())
                .variableValueEquals(ClearanceProcess.Vars.AUTHORITY.name(), AUTHORITY).singleResult().getId();
        for (JsonNode task : tasks) {
            if (task.path("processInstanceId").asText().equals(review)) {
                return task;
            }
        }
        return null;
    }

    private ResponseEntity<JsonNode> asReviewer(HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(REVIEWER, REVIEWER_PASSWORD).exchange("/engine-rest/" + path, method,
                new HttpEntity<>(body, headers), JsonNode.class);
    }

    /** {@code deployment/create}, as Camunda Modeler deploys, with the process owner's credentials. */
    private ResponseEntity<String> deployAsProcessOwner(String dmn) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "goods rules: water treatment chemicals");
        parts.add("data", new ByteArrayResource(dmn.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "goods-approvals.dmn";
            }
        });
        return http.withBasicAuth("owner", "demo").exchange("/engine-rest/deployment/create", HttpMethod.POST,
                new HttpEntity<>(parts, headers), String.class);
    }

    private static String packaged() {
        try (InputStream in = RegistryAtRunTimeJourneyTest.class.getClassLoader().getResourceAsStream(APPROVALS)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
