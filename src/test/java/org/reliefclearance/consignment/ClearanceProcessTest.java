package org.reliefclearance.consignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
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
}
