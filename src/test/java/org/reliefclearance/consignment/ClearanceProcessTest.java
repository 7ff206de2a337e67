package org.reliefclearance.consignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.OffsetDateTime;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.consignment.ClearanceProcess.Elements;
import org.reliefclearance.consignment.ClearanceProcess.Vars;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The clearance SOP, one test per path, driven as the API, officials and ministries would. */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
class ClearanceProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    ConsignmentRegistration registration;
    @Autowired
    ConsignmentRepository consignments;

    ClearanceCases cases;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        cases = new ClearanceCases(registration, consignments, engine.getRuntimeService(), engine.getManagementService());
    }

    @Test
    void startFormFromTasklistRegistersTheConsignmentForTheUsersOrganisation() {
        String lines = """
                [{"description": "Family tents", "hsCode": "630622", "category": "SHELTER", "quantity": 200,
                  "unit": "PCS", "valueUsd": 30000, "grossWeightKg": 4000},
                 {"description": "Shotgun cartridges", "hsCode": "930630", "category": "OTHER", "quantity": 100,
                  "unit": "BOX", "valueUsd": 900.5}]""";
        engine.getIdentityService().setAuthentication("wfp", List.of("org-wfp"));
        ProcessInstance instance;
        try {
            instance = engine.getFormService().submitStartForm(definitionId(), Variables.createVariables()
                    .putValue(Vars.PORT_CODE, "THANALENG")
                    .putValue(Vars.EXPECTED_ARRIVAL, "2026-06-01T10:30")
                    .putValue(Vars.TRANSPORT_DOCUMENT_TYPE, "RAIL_CONSIGNMENT_NOTE")
                    .putValue(Vars.TRANSPORT_DOCUMENT_NUMBER, "CIM-2026-77")
                    .putValue(Vars.DONOR, "ECHO")
                    .putValue(Vars.PROVISIONAL_DECLARATION, true)
                    .putValueTyped(Vars.LINES, SpinValues.jsonValue(lines).create()));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(instance).isWaitingAt("Event_NotificationReceived");
        cases.runJobs(instance);

        assertThat(instance).hasPassed(Elements.REGISTER_CONSIGNMENT, Elements.CHECK_CONSIGNEE_ELIGIBILITY);
        String reference = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName(Vars.CONSIGNMENT_REFERENCE).singleResult().getValue();
        assertThat(reference).matches("RC-\\d{4}-\\d{6}");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
                .singleResult().getBusinessKey()).isEqualTo(reference);
        Consignment consignment = consignments.findByReference(reference).orElseThrow();
        assertThat(consignment.organisationCode()).isEqualTo("WFP");
        assertThat(consignment.portCode()).isEqualTo("THANALENG");
        assertThat(consignment.createdBy()).isEqualTo("wfp");
        assertThat(consignment.provisionalDeclaration()).isTrue();
        assertThat(consignment.transportDocumentType()).isEqualTo("RAIL_CONSIGNMENT_NOTE");
        assertThat(consignment.expectedArrival().toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-06-01T10:30+07:00").toInstant());
        assertThat(consignments.lines(consignment.id()))
                .extracting(ConsignmentLine::hsCode, ConsignmentLine::unit, l -> l.valueUsd().doubleValue())
                .containsExactly(tuple("630622", "PCS", 30000.0), tuple("930630", "BOX", 900.5));
        // the cartridges end it here; the rest of the path is the same as for the API
        assertThat(consignment.status()).isEqualTo(ConsignmentStatus.PROHIBITED);
    }

    @Test
    void suspendedOrganisationIsNotEligible() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("HOPEAID", false, ClearanceCases.TENTS));

        assertThat(instance).isEnded().hasPassed(Elements.CHECK_CONSIGNEE_ELIGIBILITY, Elements.CONSIGNEE_NOT_ELIGIBLE)
                .hasNotPassed(Elements.CLASSIFY_CONSIGNMENT_LINES);
        Consignment consignment = cases.consignment(instance);
        assertThat(consignment.status()).isEqualTo(ConsignmentStatus.NOT_ELIGIBLE);
        assertThat(consignment.statusReason()).contains("suspended");
        assertThat(cases.eventTypes(instance)).containsExactly("NOTIFIED", "ELIGIBILITY_CHECKED", "NOT_ELIGIBLE");
    }

    @Test
    void prohibitedLineEndsTheCaseBeforeEndorsement() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("WFP", false,
                ClearanceCases.TENTS, ClearanceCases.RIFLES));

        assertThat(instance).isEnded().hasPassed(Elements.CLASSIFY_CONSIGNMENT_LINES, Elements.CONSIGNMENT_PROHIBITED)
                .hasNotPassed(Elements.ENDORSE_REQUEST);
        assertThat(cases.lines(instance)).extracting(ConsignmentLine::treatment)
                .containsExactly("RELIEF_EXEMPT", "PROHIBITED");
        Consignment consignment = cases.consignment(instance);
        assertThat(consignment.status()).isEqualTo(ConsignmentStatus.PROHIBITED);
        assertThat(consignment.statusReason()).contains("line 2", "Hunting rifles", "Arms and ammunition");
        assertThat(cases.eventTypes(instance)).endsWith("LINES_CLASSIFIED", "PROHIBITED");
    }

    private String definitionId() {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(ClearanceProcess.KEY)
                .latestVersion().singleResult().getId();
    }
}
