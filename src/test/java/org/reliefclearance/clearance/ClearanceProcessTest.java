package org.reliefclearance.clearance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.ClearanceProcess.Elements;
import org.reliefclearance.clearance.ClearanceProcess.Vars;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.ConsignmentStatus;
import org.reliefclearance.consignment.InvalidInputException;
import org.reliefclearance.consignment.WrongStateException;
import org.reliefclearance.customs.FakeCustomsSystem;
import org.reliefclearance.review.ReviewOutcomes;
import org.reliefclearance.review.ReviewOutcomes.LineState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The clearance SOP, one test per path, driven as the API, officials and ministries would. */
@ServiceTest
class ClearanceProcessTest {

    static final FakeCustomsSystem CUSTOMS_SYSTEM = FakeCustomsSystem.shared();
    static final List<String> ALL_TAXES = List.of("IMPORT_DUTY", "EXCISE", "VAT");

    @Autowired
    ProcessEngine engine;
    @Autowired
    ConsignmentRepository consignments;
    @Autowired
    CustomsDeclarationWorker customsWorker;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConsignmentActions actions;
    @Autowired
    ReviewOutcomes outcomes;

    @Autowired
    ClearanceCases cases;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void startFormFromTasklistRegistersTheConsignmentForTheOrganisationMoLSWNames() {
        LocalDate arrival = LocalDate.now(ZoneId.of("Asia/Vientiane")).plusDays(5);
        engine.getIdentityService().setAuthentication("molsw", List.of("molsw-officers"));
        ProcessInstance instance;
        try {
            instance = engine.getFormService().submitStartForm(definitionId(), Variables.createVariables()
                    .putValue(Vars.ORGANISATION.name(), "WFP")
                    .putValue(Vars.PORT_CODE.name(), "THANALENG")
                    .putValue(Vars.DESTINATION_PROVINCE.name(), "LA-VT")
                    .putValue(Vars.EXPECTED_ARRIVAL.name(), arrival + "T10:30")
                    .putValue(Vars.TRANSPORT_DOCUMENT_TYPE.name(), "RAIL_CONSIGNMENT_NOTE")
                    .putValue(Vars.TRANSPORT_DOCUMENT_NUMBER.name(), "CIM-2026-77")
                    .putValue(Vars.DONOR.name(), "ECHO")
                    .putValue(Vars.PROVISIONAL_DECLARATION.name(), true)
                    // what the form's line slots submit: slot 3 stays closed, so form-js sends nothing of it
                    .putValue(Vars.lineField(1, "Description"), "Family tents")
                    .putValue(Vars.lineField(1, "HsCode"), "630622")
                    .putValue(Vars.lineField(1, "Category"), "SHELTER")
                    .putValue(Vars.lineField(1, "Quantity"), 200L)
                    .putValue(Vars.lineField(1, "Unit"), "PCS")
                    .putValue(Vars.lineField(1, "ValueUsd"), 30000L)
                    .putValue(Vars.lineField(1, "GrossWeightKg"), 4000L)
                    .putValue(Vars.addLine(2), true)
                    .putValue(Vars.lineField(2, "Description"), "Shotgun cartridges")
                    .putValue(Vars.lineField(2, "HsCode"), "930630")
                    .putValue(Vars.lineField(2, "Category"), "OTHER")
                    .putValue(Vars.lineField(2, "Quantity"), 100L)
                    .putValue(Vars.lineField(2, "Unit"), "BOX")
                    .putValue(Vars.lineField(2, "ValueUsd"), 900.5)
                    .putValue(Vars.addLine(3), false));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(instance).isWaitingAt("Event_NotificationReceived");
        cases.runJobs(instance);

        assertThat(instance).hasPassed(Elements.REGISTER_CONSIGNMENT, Elements.CHECK_CONSIGNEE_ELIGIBILITY);
        String reference = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName(Vars.CONSIGNMENT_REFERENCE.name()).singleResult().getValue();
        assertThat(reference).matches("RC-\\d{4}-\\d{6}");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
                .singleResult().getBusinessKey()).isEqualTo(reference);
        Consignment consignment = consignments.findByReference(reference).orElseThrow();
        assertThat(consignment.organisationCode()).isEqualTo("WFP");
        assertThat(consignment.portCode()).isEqualTo("THANALENG");
        assertThat(consignment.createdBy()).as("the official who notified on WFP's behalf").isEqualTo("molsw");
        assertThat(consignment.provisionalDeclaration()).isTrue();
        assertThat(consignment.transportDocumentType()).isEqualTo("RAIL_CONSIGNMENT_NOTE");
        assertThat(consignment.expectedArrival().toInstant())
                .isEqualTo(OffsetDateTime.parse(arrival + "T10:30+07:00").toInstant());
        assertThat(consignments.lines(consignment.id()))
                .extracting(ConsignmentLine::hsCode, ConsignmentLine::unit, l -> l.valueUsd().doubleValue())
                .containsExactly(tuple("630622", "PCS", 30000.0), tuple("930630", "BOX", 900.5));
        // the cartridges are refused from the case, the tents go on; the rest is the same as for the API
        assertThat(consignment.status()).isEqualTo(ConsignmentStatus.AWAITING_ENDORSEMENT);
        assertThat(consignments.lines(consignment.id())).extracting(ConsignmentLine::reviewStatus)
                .containsExactly(null, "REJECTED");
    }

    @Test
    void happyPathWithThreeMinistriesReviewingInParallel() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("WFP", false,
                ClearanceCases.MEDICINE, ClearanceCases.SEEDS, ClearanceCases.SATELLITE_PHONE, ClearanceCases.TENTS));

        assertThat(instance).isWaitingAt(Elements.ENDORSE_REQUEST)
                .variables().containsEntry(Vars.REQUIRED_AUTHORITIES.name(), List.of("MOH_FDD", "MAF_DOA", "MTC"))
                .containsEntry(Vars.PERMITS_REQUIRED.name(), true).containsEntry(Vars.HAS_PROHIBITED_LINES.name(), false)
                .containsEntry(Vars.ORGANISATION_NAME.name(), "World Food Programme");
        assertThat(task(instance)).hasCandidateGroup("molsw-officers");
        assertThat(task(instance).getDueDate()).isInTheFuture();
        assertThat(task(instance).getPriority()).as("medical goods first (task-priority.dmn)").isEqualTo(80);
        assertThat(cases.lines(instance)).extracting(ConsignmentLine::treatment, ConsignmentLine::authorityCode)
                .containsExactly(tuple("PERMIT_REQUIRED", "MOH_FDD"), tuple("PERMIT_REQUIRED", "MAF_DOA"),
                        tuple("PERMIT_REQUIRED", "MTC"), tuple("RELIEF_EXEMPT", null));
        assertThat(cases.consignment(instance).status()).isEqualTo(ConsignmentStatus.AWAITING_ENDORSEMENT);

        cases.endorse(instance);
        assertThat(instance).isWaitingAt(Elements.REVIEW_BY_AUTHORITY);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId())
                .count()).isEqualTo(3);
        assertThat(cases.consignment(instance).status()).isEqualTo(ConsignmentStatus.UNDER_REVIEW);
        assertThat(cases.actorOf(instance, "ENDORSEMENT_DECIDED")).isEqualTo("molsw");

        cases.review(instance, "MTC", "APPROVE", null, null);
        cases.review(instance, "MOH_FDD", "APPROVE", null, null);
        assertThat(instance).isWaitingAt(Elements.REVIEW_BY_AUTHORITY);
        cases.review(instance, "MAF_DOA", "APPROVE", null, null);

        assertThat(instance).hasPassed(Elements.SUMMARISE_REVIEWS).isWaitingAt(Elements.DECIDE_EXEMPTION)
                .variables().containsEntry(Vars.REVIEW_OUTCOME.name(), "ALL_APPROVED");
        assertThat(task(instance)).hasCandidateGroup("customs-hq");
        assertThat(cases.consignment(instance).status()).isEqualTo(ConsignmentStatus.AWAITING_EXEMPTION_DECISION);

        cases.decideExemption(instance, "FULL", null, null);
        assertThat(instance).isWaitingAt(Elements.GOODS_AT_PORT);
        Consignment exempted = cases.consignment(instance);
        assertThat(exempted.status()).isEqualTo(ConsignmentStatus.AWAITING_ARRIVAL);
        assertThat(exempted.exemptionDecision()).isEqualTo("FULL");
        // duties and taxes forgone, not the goods' value (USD 47,300): medicines pay none; seeds
        // 175 duty + 367.50 VAT; phones 450 + 945; tents 3,000 + 3,300 (duty-rates.dmn)
        assertThat(exempted.waivedValue()).isEqualByComparingTo("8237.50");
        assertThat(instance).variables().containsEntry(Vars.DUTIES_AND_TAXES_DETAIL.name(),
                "import duty 3625.00, excise 0.00, VAT 4612.50");

        cases.arrive(instance);
        assertThat(instance).hasPassed(Elements.ASSESS_EXAMINATION_RISK).isWaitingAt(Elements.CLEAR_AT_PORT)
                .variables().containsEntry(Vars.EMERGENCY_ACTIVE.name(), false).containsKey(Vars.EXAMINATION_RECOMMENDED.name());
        assertThat(task(instance)).hasCandidateGroup("customs-port-wattay");
        assertThat(cases.consignment(instance).arrivedAt()).isNotNull();
        assertThat(cases.actorOf(instance, "ARRIVED")).isEqualTo("port-wattay");

        cases.clearAtPort(instance, "RELEASE", null);
        assertThat(instance).hasPassed(Elements.ISSUE_RELEASE_NOTE).hasNotPassed(Elements.EXAMINE_GOODS,
                Elements.COMPLETE_DECLARATION).isWaitingAt(Elements.DISTRIBUTION_REPORT_OR_DEADLINE);
        Consignment released = cases.consignment(instance);
        assertThat(released.releaseNumber()).matches("RN-WATTAY-\\d{4}-\\d{6}");
        assertThat(released.releasedAt()).isNotNull();
        assertThat(released.status()).isEqualTo(ConsignmentStatus.AWAITING_DISTRIBUTION_REPORT);
        assertThat(instance).variables().containsEntry(Vars.RELEASE_NUMBER.name(), released.releaseNumber());
        assertThat(instance).hasPassed(Elements.HAND_OVER_TO_CUSTOMS_SYSTEM);
        assertThat(CUSTOMS_SYSTEM.acceptedFor(released.reference())).singleElement()
                .satisfies(r -> assertThat(r.body()).contains(released.releaseNumber(), "\"hsCode\":\"300410\"",
                        "\"portCode\":\"WATTAY\""));

        cases.reportDistribution(instance, "Distributed to 1,200 households in Attapeu");
        assertThat(instance).isEnded().hasPassed(Elements.CLOSE_CASE, Elements.CASE_CLOSED);
        assertThat(cases.consignment(instance).status()).isEqualTo(ConsignmentStatus.CLOSED);
        assertThat(cases.eventTypes(instance)).containsSubsequence("NOTIFIED", "ELIGIBILITY_CHECKED",
                "LINES_CLASSIFIED", "AWAITING_ENDORSEMENT", "ENDORSEMENT_DECIDED", "UNDER_REVIEW",
                // Customs HQ decides the exemption while the ministries review
                "AWAITING_EXEMPTION_DECISION", "REVIEWS_SUMMARISED", "EXEMPTION_DECIDED", "EXEMPTION_RECORDED",
                "AWAITING_ARRIVAL", "ARRIVED", "RISK_ASSESSED", "PORT_CLEARANCE_DECIDED", "RELEASED",
                "HANDED_OVER_TO_CUSTOMS", "AWAITING_DISTRIBUTION_REPORT", "DISTRIBUTION_REPORTED", "CLOSED");
    }

    @Test
    void goodsThatLandDuringTheReviewAreRecordedAtOnceAndTheCaseGoesStraightToThePort() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("WFP", false,
                ClearanceCases.MEDICINE, ClearanceCases.TENTS));
        cases.endorse(instance);
        assertThat(instance).isWaitingAt(Elements.REVIEW_BY_AUTHORITY);

        cases.arrive(instance);

        // recorded while the ministry still reviews: the review goes on, the status stays
        assertThat(instance).hasPassed(Elements.RECORD_ARRIVAL).isWaitingAt(Elements.REVIEW_BY_AUTHORITY)
                .variables().containsEntry(Vars.GOODS_ARRIVED.name(), true);
        Consignment waiting = cases.consignment(instance);
        assertThat(waiting.arrivedAt()).isNotNull();
        assertThat(waiting.status()).isEqualTo(ConsignmentStatus.UNDER_REVIEW);
        assertThat(cases.actorOf(instance, "ARRIVED")).isEqualTo("port-wattay");

        cases.review(instance, "MOH_FDD", "APPROVE", null, null);
        cases.decideExemption(instance, "FULL", null, null);

        // no second wait for goods already at the port
        assertThat(instance).hasPassed(Elements.GOODS_AT_PORT, Elements.ASSESS_EXAMINATION_RISK)
                .isWaitingAt(Elements.CLEAR_AT_PORT);
        Consignment atPort = cases.consignment(instance);
        assertThat(atPort.status()).isEqualTo(ConsignmentStatus.ARRIVED);
        assertThat(atPort.arrivedAt()).isEqualTo(waiting.arrivedAt());
        assertThat(cases.eventTypes(instance)).containsSubsequence("UNDER_REVIEW", "ARRIVED",
                "EXEMPTION_DECIDED", "RISK_ASSESSED").doesNotContain("AWAITING_ARRIVAL")
                .filteredOn("ARRIVED"::equals).hasSize(1);
    }

    @Test
    void ministryRejectsSomeLinesAndTheRestIsReleased() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("WFP", false,
                ClearanceCases.MEDICINE, ClearanceCases.VACCINES, ClearanceCases.TENTS));
        assertThat(instance).variables().containsEntry(Vars.REQUIRED_AUTHORITIES.name(), List.of("MOH_FDD"));
        cases.endorse(instance);

        cases.review(instance, "MOH_FDD", "REJECT_LINES", List.of(2), "Cold chain certificate missing");

        assertThat(instance).isWaitingAt(Elements.DECIDE_EXEMPTION).variables()
                .containsEntry(Vars.REVIEW_OUTCOME.name(), "PARTIAL");
        assertThat(cases.lines(instance)).extracting(ConsignmentLine::reviewStatus)
                .containsExactly("APPROVED", "REJECTED", null);
        cases.decideExemption(instance, "FULL", null, null);
        // a full exemption waives what may be released: amoxicillin (no duty) and tents, not the vaccine
        assertThat(cases.consignment(instance).waivedValue()).isEqualByComparingTo("6300");
        cases.arrive(instance);
        // the refused vaccine may not simply vanish: the port must say what becomes of it
        assertThatThrownBy(() -> cases.clearAtPort(instance, "RELEASE", null))
                .hasMessageContaining("(rejectedLinesFate) is required");
        assertThat(instance).isWaitingAt(Elements.CLEAR_AT_PORT);

        cases.releaseRecordingFate(instance, "RE_EXPORTED", "Seals intact, amoxicillin and tents as notified");

        assertThat(instance).isWaitingAt(Elements.DISTRIBUTION_REPORT_OR_DEADLINE);
        assertThat(cases.consignment(instance).releaseNumber()).isNotNull();
        assertThat(cases.lines(instance)).extracting(ConsignmentLine::fate).containsExactly(null, "RE_EXPORTED", null);
        assertThat(cases.events(instance)).filteredOn(e -> e.eventType().equals("REJECTED_LINES_FATE_RECORDED"))
                .singleElement().satisfies(e -> {
                    assertThat(e.detail()).isEqualTo("Lines [2]: RE_EXPORTED");
                    assertThat(e.actor()).isEqualTo("port-wattay");
                });
    }

    @Test
    void linesLeaveAsTheirMinistryApprovesThemAndTheCaseEndsWhenTheLastOneIsReleased() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("WFP", false,
                ClearanceCases.TENTS, ClearanceCases.SATELLITE_PHONE, ClearanceCases.MEDICINE));
        cases.endorse(instance);
        // Customs HQ decides while the ministries review; the goods land
        assertThat(instance).isWaitingAt(Elements.REVIEW_BY_AUTHORITY, Elements.DECIDE_EXEMPTION);
        cases.review(instance, "MOH_FDD", "APPROVE", null, null);
        cases.decideExemption(instance, "FULL", null, null);
        assertThat(cases.consignment(instance).status()).isEqualTo(ConsignmentStatus.UNDER_REVIEW);
        cases.arrive(instance);
        assertThat(cases.consignment(instance).status()).isEqualTo(ConsignmentStatus.ARRIVED);

        // the tents (no permit) and the approved medicine go; the phones wait for MTC's licence
        assertThat(instance).isWaitingAt(Elements.REVIEW_BY_AUTHORITY, Elements.CLEAR_AT_PORT).variables()
                .containsEntry(Vars.LINES_TO_RELEASE.name(), "1, 3");
        cases.clearAtPort(instance, "RELEASE", null);
        assertThat(instance).isWaitingAt(Elements.REVIEW_BY_AUTHORITY, Elements.LINES_READY_FOR_RELEASE);
        Consignment partly = cases.consignment(instance);
        assertThat(partly.status()).isEqualTo(ConsignmentStatus.PARTIALLY_RELEASED);
        String first = partly.releaseNumber();
        assertThat(cases.lines(instance)).extracting(ConsignmentLine::releaseNumber).containsExactly(first, null, first);
        assertThat(CUSTOMS_SYSTEM.acceptedFor(instance.getBusinessKey())).singleElement().satisfies(r -> {
            assertThat(r.idempotencyKey()).isEqualTo(instance.getBusinessKey() + "/" + first);
            assertThat(r.body()).contains("\"hsCode\":\"630622\"", "\"hsCode\":\"300410\"").doesNotContain("851714");
        });

        cases.review(instance, "MTC", "APPROVE", null, null);
        assertThat(instance).isWaitingAt(Elements.CLEAR_AT_PORT).variables()
                .containsEntry(Vars.LINES_TO_RELEASE.name(), "2");
        cases.clearAtPort(instance, "RELEASE", null);

        assertThat(instance).isWaitingAt(Elements.DISTRIBUTION_REPORT_OR_DEADLINE)
                .hasPassed(Elements.REVIEWS_COMPLETE).hasNotPassed(Elements.RECORD_REFUSED_LINES_FATE);
        Consignment released = cases.consignment(instance);
        String second = released.releaseNumber();
        assertThat(second).isNotEqualTo(first).matches("RN-WATTAY-\\d{4}-\\d{6}");
        assertThat(released.status()).isEqualTo(ConsignmentStatus.AWAITING_DISTRIBUTION_REPORT);
        assertThat(cases.lines(instance)).extracting(ConsignmentLine::releaseNumber)
                .containsExactly(first, second, first);
        assertThat(CUSTOMS_SYSTEM.acceptedFor(instance.getBusinessKey())).hasSize(2);
        assertThat(cases.events(instance)).filteredOn(e -> e.eventType().equals("RELEASED")).extracting(e -> e.detail())
                .satisfiesExactly(d -> assertThat(d).contains(first, "other lines still wait"),
                        d -> assertThat(d).contains(second, "2 Satellite phones"));
        // waived: what the released lines would have paid (tents 3,000 + 3,300; phones 450 + 945)
        assertThat(released.waivedValue()).isEqualByComparingTo("7695.00");
    }

    @Test
    void linesRefusedAfterTheLastReleaseGetTheirFateFromThePort() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("WFP", false,
                ClearanceCases.TENTS, ClearanceCases.SATELLITE_PHONE));
        cases.endorse(instance);
        cases.decideExemption(instance, "FULL", null, null);
        cases.arrive(instance);
        assertThat(instance).variables().containsEntry(Vars.LINES_TO_RELEASE.name(), "1")
                .containsEntry(Vars.REFUSED_LINES_AWAITING_FATE.name(), false);
        // the ministry decides while the officer clears: the release covers what the officer saw
        cases.review(instance, "MTC", "REJECT_ALL", null, "Frequency band not licensed");
        cases.clearAtPort(instance, "RELEASE", null);

        assertThat(instance).isWaitingAt(Elements.RECORD_REFUSED_LINES_FATE).hasPassed(Elements.REVIEWS_COMPLETE);
        assertThat(task(instance)).hasCandidateGroup("customs-port-wattay");
        assertThatThrownBy(() -> cases.complete(instance, Elements.RECORD_REFUSED_LINES_FATE, "port-wattay",
                "customs-port-wattay", Variables.createVariables()))
                .hasMessageContaining("(rejectedLinesFate) is required");
        cases.complete(instance, Elements.RECORD_REFUSED_LINES_FATE, "port-wattay", "customs-port-wattay",
                Variables.createVariables().putValue(Vars.REJECTED_LINES_FATE.name(), "DESTROYED"));

        assertThat(instance).isWaitingAt(Elements.DISTRIBUTION_REPORT_OR_DEADLINE);
        assertThat(cases.lines(instance)).extracting(ConsignmentLine::releaseNumber, ConsignmentLine::fate)
                .containsExactly(tuple(cases.consignment(instance).releaseNumber(), null), tuple(null, "DESTROYED"));
        assertThat(CUSTOMS_SYSTEM.acceptedFor(instance.getBusinessKey())).hasSize(1);
    }

    @Test
    void aDairyLineIsReleasedOnlyOnceHealthAndLivestockHaveBothApprovedIt() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("WFP", false,
                ClearanceCases.MILK_POWDER, ClearanceCases.TENTS));
        assertThat(instance).isWaitingAt(Elements.ENDORSE_REQUEST).variables()
                .containsEntry(Vars.REQUIRED_AUTHORITIES.name(), List.of("MOH_FDD", "MAF_DLF"));
        assertThat(cases.lines(instance))
                .extracting(ConsignmentLine::authorityCode, ConsignmentLine::authorities, ConsignmentLine::reviewStatus)
                .containsExactly(tuple("MOH_FDD", List.of("MOH_FDD", "MAF_DLF"), "PENDING"), tuple(null, List.of(), null));

        cases.endorse(instance);
        assertThat(instance).isWaitingAt(Elements.REVIEW_BY_AUTHORITY, Elements.DECIDE_EXEMPTION);
        // one review per authority, each deciding the milk powder and nothing else
        List<ProcessInstance> reviews = engine.getRuntimeService().createProcessInstanceQuery()
                .superProcessInstanceId(instance.getId()).list();
        assertThat(reviews).extracting(r -> engine.getRuntimeService().getVariable(r.getId(), Vars.AUTHORITY.name()))
                .containsExactlyInAnyOrder("MOH_FDD", "MAF_DLF");
        assertThat(reviews).allSatisfy(r -> assertThat(String.valueOf(engine.getRuntimeService()
                .getVariable(r.getId(), "lineOptions"))).contains("1: Skimmed milk powder").doesNotContain("tents"));

        cases.review(instance, "MOH_FDD", "APPROVE", null, null);
        assertThat(cases.lines(instance).get(0).reviewStatus()).as("livestock has not decided").isEqualTo("PENDING");
        assertThat(lineAuthorities(instance)).containsExactly(tuple(1, "MOH_FDD", "APPROVED"), tuple(1, "MAF_DLF", "PENDING"));
        cases.decideExemption(instance, "FULL", null, null);
        cases.arrive(instance);
        assertThat(instance).isWaitingAt(Elements.REVIEW_BY_AUTHORITY, Elements.CLEAR_AT_PORT).variables()
                .containsEntry(Vars.LINES_TO_RELEASE.name(), "2");
        cases.clearAtPort(instance, "RELEASE", null);

        // the tents left; the milk powder waits for its second authority
        assertThat(instance).isWaitingAt(Elements.REVIEW_BY_AUTHORITY, Elements.LINES_READY_FOR_RELEASE);
        String first = cases.consignment(instance).releaseNumber();
        assertThat(cases.lines(instance)).extracting(ConsignmentLine::releaseNumber).containsExactly(null, first);
        assertThat(outcomes.lineStates(instance.getBusinessKey()).values())
                .containsExactly(LineState.AWAITING_REVIEW, LineState.RELEASED);

        cases.review(instance, "MAF_DLF", "APPROVE", null, null);
        assertThat(cases.lines(instance).get(0).reviewStatus()).isEqualTo("APPROVED");
        assertThat(instance).isWaitingAt(Elements.CLEAR_AT_PORT).variables()
                .containsEntry(Vars.LINES_TO_RELEASE.name(), "1");
        cases.clearAtPort(instance, "RELEASE", null);

        assertThat(instance).isWaitingAt(Elements.DISTRIBUTION_REPORT_OR_DEADLINE).hasPassed(Elements.REVIEWS_COMPLETE);
        String second = cases.consignment(instance).releaseNumber();
        assertThat(second).isNotEqualTo(first);
        assertThat(cases.lines(instance)).extracting(ConsignmentLine::releaseNumber).containsExactly(second, first);
        assertThat(cases.consignment(instance).status()).isEqualTo(ConsignmentStatus.AWAITING_DISTRIBUTION_REPORT);
    }

    @Test
    void aDairyLineOneOfItsAuthoritiesRefusesIsRefusedWhateverTheOtherDecidesAndNeverReleased() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("WFP", false,
                ClearanceCases.MILK_POWDER, ClearanceCases.TENTS));
        cases.endorse(instance);
        // a ministry decides only the lines it must approve
        assertThatThrownBy(() -> cases.review(instance, "MAF_DLF", "REJECT_LINES", List.of(2), "Not ours"))
                .hasMessageContaining("Lines [2] are not all lines reviewed by MAF_DLF [1]");

        cases.review(instance, "MOH_FDD", "REJECT_ALL", null, "Aflatoxin above the limit");
        assertThat(cases.lines(instance)).extracting(ConsignmentLine::reviewStatus, ConsignmentLine::reviewReason)
                .containsExactly(tuple("REJECTED", "MOH_FDD: Aflatoxin above the limit"), tuple(null, null));
        assertThat(outcomes.lineStates(instance.getBusinessKey()).values())
                .containsExactly(LineState.REFUSED, LineState.READY);

        // livestock's approval does not undo health's refusal
        cases.review(instance, "MAF_DLF", "APPROVE", null, null);
        assertThat(lineAuthorities(instance)).containsExactly(tuple(1, "MOH_FDD", "REJECTED"), tuple(1, "MAF_DLF", "APPROVED"));
        assertThat(cases.lines(instance).get(0).reviewStatus()).isEqualTo("REJECTED");
        assertThat(instance).hasPassed(Elements.SUMMARISE_REVIEWS).isWaitingAt(Elements.DECIDE_EXEMPTION).variables()
                .containsEntry(Vars.REVIEW_OUTCOME.name(), "PARTIAL");

        cases.decideExemption(instance, "FULL", null, null);
        cases.arrive(instance);
        assertThat(instance).isWaitingAt(Elements.CLEAR_AT_PORT).variables()
                .containsEntry(Vars.LINES_TO_RELEASE.name(), "2")
                .containsEntry(Vars.REFUSED_LINES_AWAITING_FATE.name(), true);
        cases.releaseRecordingFate(instance, "RE_EXPORTED", "Seals intact, tents as notified");

        assertThat(instance).isWaitingAt(Elements.DISTRIBUTION_REPORT_OR_DEADLINE);
        assertThat(cases.lines(instance)).extracting(ConsignmentLine::releaseNumber, ConsignmentLine::fate)
                .containsExactly(tuple(null, "RE_EXPORTED"), tuple(cases.consignment(instance).releaseNumber(), null));
        assertThat(outcomes.lineStates(instance.getBusinessKey()).values())
                .containsExactly(LineState.REFUSED, LineState.RELEASED);
    }

    /** Each authority's decision on each line of the case: line number, authority, status. */
    private List<Tuple> lineAuthorities(ProcessInstance instance) {
        return jdbc.sql("""
                select l.line_no, a.authority_code, a.review_status from line_authority a
                join consignment_line l on l.id = a.line_id
                where l.consignment_id = ? order by l.line_no, a.rule_order""")
                .param(cases.consignment(instance).id())
                .query((rs, n) -> tuple(rs.getInt(1), rs.getString(2), rs.getString(3))).list();
    }

    @Test
    void allLinesRejectedEndsTheCase() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("WFP", false, ClearanceCases.SATELLITE_PHONE));
        cases.endorse(instance);

        cases.review(instance, "MTC", "REJECT_ALL", null, "Frequency band not licensed");

        // the exemption, decided while the ministry reviewed, ends with the case: nothing is left to exempt
        assertThat(instance).isEnded().hasPassed(Elements.SUMMARISE_REVIEWS, Elements.CONSIGNMENT_REJECTED)
                .hasNotPassed(Elements.RECORD_EXEMPTION_DECISION, Elements.ASSESS_EXAMINATION_RISK);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        Consignment consignment = cases.consignment(instance);
        assertThat(consignment.status()).isEqualTo(ConsignmentStatus.REJECTED);
        assertThat(consignment.statusReason()).startsWith("ALL_REJECTED: 0 of 1 lines");
        assertThat(cases.lines(instance)).extracting(ConsignmentLine::reviewStatus).containsExactly("REJECTED");
    }

    @Test
    void rejectedEndorsementEndsTheCaseWithTheOfficersReason() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("LRC", false, ClearanceCases.TENTS));
        assertThat(task(instance).getPriority()).as("tents alone: ordinary priority").isEqualTo(50);

        cases.complete(instance, Elements.ENDORSE_REQUEST, "molsw", "molsw-officers", Variables.createVariables()
                .putValue(Vars.ENDORSEMENT_DECISION.name(), "REJECTED")
                .putValue(Vars.ENDORSEMENT_REASON.name(), "No humanitarian need in the declared province")
                .putValue(Vars.REJECTION_CONFIRMED.name(), "CONFIRMED"));

        assertThat(instance).isEnded().hasPassed(Elements.REQUEST_NOT_ENDORSED)
                .hasNotPassed(Elements.REVIEW_BY_AUTHORITY, Elements.DECIDE_EXEMPTION);
        Consignment consignment = cases.consignment(instance);
        assertThat(consignment.status()).isEqualTo(ConsignmentStatus.NOT_ENDORSED);
        assertThat(consignment.statusReason()).isEqualTo("No humanitarian need in the declared province");
        assertThat(cases.events(instance)).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo("ENDORSEMENT_DECIDED");
            assertThat(e.actor()).isEqualTo("molsw");
            assertThat(e.detail()).isEqualTo("REJECTED: No humanitarian need in the declared province");
        });
    }

    @Test
    void portOfficerSelectsAnExaminationWithAReason() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("LRC", false,
                ClearanceCases.TENTS, ClearanceCases.LAPTOPS));
        cases.endorse(instance);
        // no line needs a permit: straight to customs
        assertThat(instance).hasNotPassed(Elements.REVIEW_BY_AUTHORITY).isWaitingAt(Elements.DECIDE_EXEMPTION);
        // the tents exempted from every tax: their USD 6,300 waived, the laptops' 620 due; not the goods' value
        assertThatThrownBy(() -> cases.decidePartialExemption(instance, List.of(1), ALL_TAXES, 30000, "The goods' value"))
                .hasMessageContaining("(waivedValueUsd) must not exceed what the exempted lines would pay in the"
                        + " waived taxes, USD 6300.00");
        cases.decidePartialExemption(instance, List.of(1), ALL_TAXES, null, "Laptops are office equipment, not relief");
        assertThat(cases.consignment(instance).waivedValue()).isEqualByComparingTo("6300");
        cases.arrive(instance);
        assertThat(instance).variables().containsEntry(Vars.EXAMINATION_RECOMMENDED.name(), true);

        cases.clearAtPort(instance, "EXAMINE", "Dutiable laptops declared with the tents");

        assertThat(instance).isWaitingAt(Elements.EXAMINE_GOODS);
        assertThat(task(instance)).hasCandidateGroup("customs-port-wattay");
        assertThat(cases.consignment(instance).status()).isEqualTo(ConsignmentStatus.UNDER_EXAMINATION);
        cases.complete(instance, Elements.EXAMINE_GOODS, "port-wattay", "customs-port-wattay", Variables.createVariables()
                .putValue(Vars.EXAMINATION_RESULT.name(), "CONFORMS"));

        assertThat(instance).hasPassed(Elements.ISSUE_RELEASE_NOTE).isWaitingAt(Elements.DISTRIBUTION_REPORT_OR_DEADLINE);
        assertThat(cases.events(instance)).filteredOn(e -> e.eventType().equals("PORT_CLEARANCE_DECIDED"))
                .singleElement().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("port-wattay");
                    assertThat(e.detail()).isEqualTo("EXAMINE: Dutiable laptops declared with the tents");
                });
        assertThat(cases.eventTypes(instance)).containsSubsequence("UNDER_EXAMINATION", "EXAMINATION_COMPLETED", "RELEASED");
    }

    @Test
    void customsHqWaivesChosenTaxesOfChosenLinesOnALegalBasisAndOnlyWhatIsReleasedCounts() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("LRC", false,
                ClearanceCases.TENTS, ClearanceCases.LAPTOPS));
        cases.endorse(instance);
        // the service proposes, per line and tax, and suggests the organisation's agreement as the basis
        assertThat(instance).variables().containsEntry(Vars.EXEMPTION_LEGAL_BASIS.name(), "ORGANISATION_AGREEMENT");
        Object proposal = engine.getRuntimeService().getVariable(instance.getId(), Vars.EXEMPTION_LINES.name());
        assertThat(proposal.toString()).contains("\"lineNo\":1", "\"lineNo\":2", "\"vat\"", "\"importDuty\"");

        VariableMap vatOnly = Variables.createVariables().putValue(Vars.EXEMPTION_DECISION.name(), "PARTIAL")
                .putValue(Vars.EXEMPTION_LEGAL_BASIS.name(), "RELIEF_ITEM_LIST")
                .putValue(Vars.EXEMPTED_LINES.name(), List.of("1", "2")).putValue(Vars.EXEMPTED_TAXES.name(), List.of("VAT"))
                .putValue(Vars.EXEMPTION_REASON.name(), "VAT waived on the relief list; duty stays due");
        cases.complete(instance, Elements.DECIDE_EXEMPTION, "customs", "customs-hq", vatOnly);

        // VAT of the tents (3,300) and of the laptops (at 10% of value and duty), no import duty
        Consignment decided = cases.consignment(instance);
        assertThat(jdbc.sql("select exemption_legal_basis from consignment where reference = ?")
                .param(decided.reference()).query(String.class).single()).isEqualTo("RELIEF_ITEM_LIST");
        assertThat(jdbc.sql("select exempted_taxes from consignment_line where consignment_id = ? order by line_no")
                .param(decided.id()).query(String.class).list()).containsExactly("VAT", "VAT");
        assertThat(decided.waivedValue()).isGreaterThan(new java.math.BigDecimal("3300"))
                .isLessThan(new java.math.BigDecimal("6300"));
        assertThat(cases.events(instance)).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo("EXEMPTION_RECORDED");
            assertThat(e.detail()).startsWith("PARTIAL exemption (RELIEF_ITEM_LIST)").contains("line 1: VAT, line 2: VAT")
                    // both lines' VAT is what is waived; without exemption they would also pay the import duty
                    .contains("(without exemption: import duty ")
                    .endsWith(", VAT " + decided.waivedValue().setScale(2).toPlainString() + ")");
        });
    }

    @Test
    void releasingAgainstTheRecommendationToExamineNeedsAReasonOnTheRecord() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("LRC", false,
                ClearanceCases.TENTS, ClearanceCases.LAPTOPS));
        cases.endorse(instance);
        cases.decidePartialExemption(instance, List.of(1), ALL_TAXES, null, "Laptops are office equipment, not relief");
        cases.arrive(instance);
        assertThat(instance).isWaitingAt(Elements.CLEAR_AT_PORT).variables()
                .containsEntry(Vars.EXAMINATION_RECOMMENDED.name(), true);
        // the port has a working day once the goods are there and the case is ready
        assertThat(task(instance).getDueDate()).isInTheFuture()
                .isBefore(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(5))));
        List<String> before = cases.eventTypes(instance);

        assertThatThrownBy(() -> cases.complete(instance, Elements.CLEAR_AT_PORT, "port-wattay", "customs-port-wattay",
                Variables.createVariables().putValue(Vars.CLEARANCE_DECISION.name(), "RELEASE")))
                .hasMessageContaining("(releaseReason) is required");
        assertThat(instance).isWaitingAt(Elements.CLEAR_AT_PORT);
        assertThat(cases.eventTypes(instance)).isEqualTo(before);

        cases.complete(instance, Elements.CLEAR_AT_PORT, "port-wattay", "customs-port-wattay", Variables.createVariables()
                .putValue(Vars.CLEARANCE_DECISION.name(), "RELEASE")
                .putValue(Vars.RELEASE_REASON.name(), "Laptops seen on the pallet, seals intact"));

        assertThat(instance).hasPassed(Elements.ISSUE_RELEASE_NOTE).hasNotPassed(Elements.EXAMINE_GOODS);
        assertThat(cases.events(instance)).filteredOn(e -> e.eventType().equals("PORT_CLEARANCE_DECIDED"))
                .singleElement().satisfies(e -> assertThat(e.detail())
                        .isEqualTo("RELEASE: Laptops seen on the pallet, seals intact"));
    }

    @Test
    void aPermitGrantedOnConditionOfInspectionMakesThePortExamineFirst() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("WFP", false, ClearanceCases.MEDICINE));
        cases.endorse(instance);
        ProcessInstance review = engine.getRuntimeService().createProcessInstanceQuery()
                .superProcessInstanceId(instance.getId()).singleResult();
        engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(review.getId())
                .singleResult().getId(), Variables.createVariables().putValue("reviewDecision", "APPROVE")
                .putValue("permitNumber", "FDD-IMP-2026-0501")
                .putValue("permitConditions", List.of("INSPECTION_ON_ARRIVAL")));
        cases.runJobs(instance);
        cases.decideExemption(instance, "FULL", null, null);
        cases.arrive(instance);

        assertThat(instance).isWaitingAt(Elements.CLEAR_AT_PORT).variables()
                .containsEntry(Vars.EXAMINATION_RECOMMENDED.name(), true)
                .containsEntry(Vars.RISK_REASON.name(), "A ministry's permit requires inspection on arrival")
                .containsEntry(Vars.HAS_PERMIT_CONDITIONS.name(), true)
                .containsEntry(Vars.PERMIT_CONDITIONS_AT_PORT.name(),
                        "- Food and Drug Department: inspect on arrival / ກວດກາເມື່ອມາຮອດ");

        // the port says how it met the ministry's conditions before the goods move on
        VariableMap examine = Variables.createVariables().putValue(Vars.CLEARANCE_DECISION.name(), "EXAMINE")
                .putValue(Vars.EXAMINATION_REASON.name(), "Inspection on arrival required by the FDD permit");
        assertThatThrownBy(() -> cases.complete(instance, Elements.CLEAR_AT_PORT, "port-wattay", "customs-port-wattay",
                examine)).hasMessageContaining("(permitConditionsNote) is required");
        cases.complete(instance, Elements.CLEAR_AT_PORT, "port-wattay", "customs-port-wattay",
                examine.putValue(Vars.PERMIT_CONDITIONS_NOTE.name(), "FDD inspector present at unloading"));

        assertThat(instance).isWaitingAt(Elements.EXAMINE_GOODS);
        assertThat(cases.events(instance)).filteredOn(e -> e.eventType().equals("PERMIT_CONDITIONS_OBSERVED"))
                .singleElement().satisfies(e -> {
                    assertThat(e.detail()).isEqualTo("FDD inspector present at unloading");
                    assertThat(e.actor()).isEqualTo("port-wattay");
                });
    }

    @Test
    void goodsNobodyReportsAfterTheirExpectedArrivalGiveMoLSWAFollowUpOnce() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("WFP", false, ClearanceCases.TENTS));
        cases.endorse(instance);
        assertThat(instance).isWaitingAt(Elements.DECIDE_EXEMPTION);

        // expected in a few days: the daily check finds nothing to do
        cases.fireTimer(instance, Elements.ARRIVAL_CHECK_DUE);
        assertThat(instance).hasPassed(Elements.CHECK_ARRIVAL).hasNotPassed(Elements.FOLLOW_UP_MISSING_ARRIVAL);
        assertThat(followUps(instance)).isZero();

        // expected ten days ago and still not reported
        jdbc.sql("update consignment set expected_arrival = ? where reference = ?")
                .params(OffsetDateTime.now().minusDays(10), instance.getBusinessKey()).update();
        cases.fireTimer(instance, Elements.ARRIVAL_CHECK_DUE);

        assertThat(instance).isWaitingAt(Elements.FOLLOW_UP_MISSING_ARRIVAL, Elements.DECIDE_EXEMPTION);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(Elements.FOLLOW_UP_MISSING_ARRIVAL).singleResult())
                .satisfies(t -> BpmnAwareTests.assertThat(t).hasCandidateGroup("molsw-officers"));
        assertThat(cases.eventTypes(instance)).containsOnlyOnce("ARRIVAL_OVERDUE");

        // the next day's check piles no second task on the first
        cases.fireTimer(instance, Elements.ARRIVAL_CHECK_DUE);
        assertThat(followUps(instance)).isOne();
        assertThat(cases.eventTypes(instance)).containsOnlyOnce("ARRIVAL_OVERDUE");

        cases.complete(instance, Elements.FOLLOW_UP_MISSING_ARRIVAL, "molsw", "molsw-officers",
                Variables.createVariables().putValue(Vars.ARRIVAL_FOLLOW_UP_NOTES.name(),
                        "Truck held at the Vietnamese border; new estimate Friday"));
        assertThat(followUps(instance)).isZero();
        assertThat(cases.events(instance)).filteredOn(e -> e.eventType().equals("ARRIVAL_FOLLOWED_UP")).singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("molsw");
                    assertThat(e.detail()).isEqualTo("Truck held at the Vietnamese border; new estimate Friday");
                });
        assertThat(instance).isWaitingAt(Elements.DECIDE_EXEMPTION);
    }

    private long followUps(ProcessInstance instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(Elements.FOLLOW_UP_MISSING_ARRIVAL).count();
    }

    @Test
    void provisionalDeclarationNotCompletedInTimeIsEscalated() {
        ProcessInstance instance = cases.releasedWithoutPermits(true);
        assertThat(instance).isWaitingAt(Elements.COMPLETE_DECLARATION);
        assertThat(task(instance)).hasCandidateGroup("customs-port-wattay");
        assertThat(task(instance).getDueDate()).isInTheFuture();

        cases.fireTimer(instance, Elements.DECLARATION_OVERDUE);

        assertThat(instance).hasPassed(Elements.DECLARATION_OVERDUE).isWaitingAt(Elements.HANDLE_OVERDUE_DECLARATION);
        assertThat(task(instance)).hasCandidateGroup("nlpwg-coordinators");
        assertThat(cases.eventTypes(instance)).contains("DECLARATION_OVERDUE");
        // the late declaration's number is asked for, and recorded on the release
        assertThatThrownBy(() -> cases.complete(instance, Elements.HANDLE_OVERDUE_DECLARATION, "coordinator",
                "nlpwg-coordinators", Variables.createVariables().putValue("overdueAction", "DECLARATION_OBTAINED")
                        .putValue("overdueNotes", "Declaration lodged two days late")))
                .hasMessageContaining("(declarationNumber) is required");
        cases.complete(instance, Elements.HANDLE_OVERDUE_DECLARATION, "coordinator", "nlpwg-coordinators",
                Variables.createVariables().putValue("overdueAction", "DECLARATION_OBTAINED")
                        .putValue(Vars.DECLARATION_NUMBER.name(), "IM4-2026-0099")
                        .putValue("overdueNotes", "Declaration lodged two days late"));
        assertThat(instance).isWaitingAt(Elements.DISTRIBUTION_REPORT_OR_DEADLINE);
        assertThat(cases.actorOf(instance, "OVERDUE_DECLARATION_HANDLED")).isEqualTo("coordinator");
        assertThat(declarationOfTheRelease(instance)).isEqualTo("IM4-2026-0099");
    }

    @Test
    void anAgreedExtensionGivesTheDeclarationANewDeadlineAndItsNumberIsRecordedWhenItComes() {
        ProcessInstance instance = cases.releasedWithoutPermits(true);
        cases.fireTimer(instance, Elements.DECLARATION_OVERDUE);
        cases.complete(instance, Elements.HANDLE_OVERDUE_DECLARATION, "coordinator", "nlpwg-coordinators",
                Variables.createVariables().putValue("overdueAction", "EXTENSION_AGREED")
                        .putValue("overdueNotes", "Broker waits for the donor's invoice; five more working days"));

        // waits again, with the extension's deadline from clearance-deadlines.dmn and a new timer
        assertThat(instance).isWaitingAt(Elements.COMPLETE_DECLARATION).variables()
                .containsEntry(Vars.DECLARATION_EXTENDED.name(), true);
        assertThat(task(instance).getDueDate()).isInTheFuture();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(Elements.DECLARATION_OVERDUE).singleResult().getDuedate()).isInTheFuture();

        cases.complete(instance, Elements.COMPLETE_DECLARATION, "port-wattay", "customs-port-wattay",
                Variables.createVariables().putValue(Vars.DECLARATION_NUMBER.name(), "IM4-2026-0101"));
        assertThat(instance).isWaitingAt(Elements.DISTRIBUTION_REPORT_OR_DEADLINE);
        assertThat(declarationOfTheRelease(instance)).isEqualTo("IM4-2026-0101");
    }

    private String declarationOfTheRelease(ProcessInstance instance) {
        return jdbc.sql("""
                select r.declaration_number from consignment_release r join consignment c on c.id = r.consignment_id
                where c.reference = ?""").param(instance.getBusinessKey()).query(String.class).single();
    }

    @Test
    void overdueDistributionReportIsFollowedUpWhileTheCaseKeepsWaiting() {
        ProcessInstance instance = cases.releasedWithoutPermits(false);
        assertThat(instance).isWaitingAt(Elements.DISTRIBUTION_REPORT_OR_DEADLINE);

        cases.fireTimer(instance, Elements.DISTRIBUTION_REPORT_OVERDUE);

        assertThat(instance).isWaitingAt(Elements.FOLLOW_UP_DISTRIBUTION_REPORT, Elements.DISTRIBUTION_REPORT_OR_DEADLINE);
        assertThat(task(instance)).hasCandidateGroup("molsw-officers");
        assertThat(cases.eventTypes(instance)).contains("DISTRIBUTION_REPORT_OVERDUE");

        cases.reportDistribution(instance, "Distributed late, 300 families");

        assertThat(instance).isEnded().hasPassed(Elements.CASE_CLOSED);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(cases.consignment(instance).status()).isEqualTo(ConsignmentStatus.CLOSED);
    }

    @Test
    void consigneeWithdrawsBeforeRelease() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("WFP", false, ClearanceCases.MEDICINE));
        cases.endorse(instance);
        assertThat(instance).isWaitingAt(Elements.REVIEW_BY_AUTHORITY);

        // as the API delivers it: it has checked the caller and logged the request itself
        engine.getRuntimeService().createMessageCorrelation(ClearanceProcess.Messages.CONSIGNMENT_WITHDRAWN)
                .processInstanceBusinessKey(instance.getBusinessKey())
                .setVariable(Vars.WITHDRAWAL_REASON.name(), "Goods diverted to another country").correlateExclusively();

        assertThat(instance).isEnded().hasPassed(Elements.RECORD_WITHDRAWAL, Elements.CONSIGNMENT_WITHDRAWN);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId())
                .count()).isZero();
        Consignment consignment = cases.consignment(instance);
        assertThat(consignment.status()).isEqualTo(ConsignmentStatus.WITHDRAWN);
        assertThat(consignment.statusReason()).isEqualTo("Goods diverted to another country");
        assertThat(cases.eventTypes(instance)).endsWith("WITHDRAWN");
    }

    @Test
    void duringAnEmergencyThePortMayReleaseBeforeTheDeclaration() {
        duringAnEmergency(() -> {
            ProcessInstance instance = cases.submit(ClearanceCases.notification("LRC", false, ClearanceCases.TENTS));
            cases.endorse(instance);
            cases.decideExemption(instance, "FULL", null, null);
            cases.arrive(instance);
            assertThat(instance).isWaitingAt(Elements.CLEAR_AT_PORT).variables()
                    .containsEntry(Vars.EMERGENCY_ACTIVE.name(), true).containsEntry(Vars.RELEASE_BEFORE_DECLARATION.name(), false);

            VariableMap im8 = Variables.createVariables().putValue(Vars.CLEARANCE_DECISION.name(), "RELEASE")
                    .putValue(Vars.RELEASE_BEFORE_DECLARATION.name(), true);
            if (Boolean.TRUE.equals(engine.getRuntimeService().getVariable(instance.getId(),
                    Vars.EXAMINATION_RECOMMENDED.name()))) {
                im8.putValue(Vars.RELEASE_REASON.name(), "Flood relief, seals intact");
            }
            // an officer of the port may not take the checkpoint head's decision
            assertThatThrownBy(() -> cases.complete(instance, Elements.CLEAR_AT_PORT, "port-wattay",
                    "customs-port-wattay", im8))
                    .hasMessageContaining("(releaseBeforeDeclaration) may be decided only by the head of the checkpoint");
            assertThat(instance).isWaitingAt(Elements.CLEAR_AT_PORT);

            cases.complete(instance, Elements.CLEAR_AT_PORT, "port-wattay-head",
                    List.of("customs-port-wattay-heads", "customs-port-wattay"), im8);

            // released on an IM8 basis although no provisional declaration was asked for
            assertThat(instance).hasPassed(Elements.ISSUE_RELEASE_NOTE).isWaitingAt(Elements.COMPLETE_DECLARATION);
            assertThat(cases.consignment(instance).status()).isEqualTo(ConsignmentStatus.RELEASED);
            cases.complete(instance, Elements.COMPLETE_DECLARATION, "port-wattay", "customs-port-wattay",
                    Variables.createVariables().putValue(Vars.DECLARATION_NUMBER.name(), "IM8-2026-0042"));
            assertThat(instance).isWaitingAt(Elements.DISTRIBUTION_REPORT_OR_DEADLINE);
            assertThat(cases.events(instance)).anySatisfy(e -> {
                assertThat(e.eventType()).isEqualTo("DECLARATION_COMPLETED");
                assertThat(e.detail()).isEqualTo("IM8-2026-0042");
        });
        });
    }

    @Test
    void inAnEmergencyTheHeadOfTheCheckpointReleasesLinesNeedingNoPermitBeforeTheExemptionButNeverAControlledOne() {
        duringAnEmergency(() -> {
            ProcessInstance instance = cases.submit(ClearanceCases.notification("LRC", false,
                    ClearanceCases.TENTS, ClearanceCases.SATELLITE_PHONE));
            cases.endorse(instance);
            cases.arrive(instance);
            // Customs HQ and MTC have not decided yet
            assertThat(instance).isWaitingAt(Elements.DECIDE_EXEMPTION, Elements.REVIEW_BY_AUTHORITY);

            assertThatThrownBy(() -> actions.releaseInEmergency(cases.consignment(instance), List.of(1, 2),
                    "Shelter needed tonight", "port-wattay-head"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("line 2 needs the approval of MTC");
            assertThat(cases.lines(instance)).extracting(ConsignmentLine::releaseNumber).containsOnlyNulls();

            actions.releaseInEmergency(cases.consignment(instance), List.of(1), "Shelter needed tonight",
                    "port-wattay-head");
            cases.runJobs(instance);

            assertThat(instance).hasPassed(Elements.ISSUE_EMERGENCY_RELEASE_NOTE, Elements.HAND_OVER_EMERGENCY_RELEASE)
                    .isWaitingAt(Elements.COMPLETE_EMERGENCY_DECLARATION, Elements.DECIDE_EXEMPTION,
                            Elements.REVIEW_BY_AUTHORITY);
            Consignment partly = cases.consignment(instance);
            assertThat(partly.status()).isEqualTo(ConsignmentStatus.PARTIALLY_RELEASED);
            assertThat(cases.lines(instance)).extracting(ConsignmentLine::releaseNumber)
                    .containsExactly(partly.releaseNumber(), null);
            assertThat(CUSTOMS_SYSTEM.acceptedFor(instance.getBusinessKey())).singleElement()
                    .satisfies(r -> assertThat(r.body()).contains("630622").doesNotContain("851714"));
            assertThat(cases.events(instance)).anySatisfy(e -> {
                assertThat(e.eventType()).isEqualTo("EMERGENCY_RELEASE_ORDERED");
                assertThat(e.actor()).isEqualTo("port-wattay-head");
                assertThat(e.detail()).isEqualTo("Lines [1]: Shelter needed tonight");
        });
        // the declaration follows, for that release
        Task declaration = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(Elements.COMPLETE_EMERGENCY_DECLARATION).singleResult();
        assertThat(engine.getTaskService().getVariable(declaration.getId(), Vars.RELEASE_NUMBER.name()))
                .isEqualTo(partly.releaseNumber());
        cases.complete(instance, Elements.COMPLETE_EMERGENCY_DECLARATION, "port-wattay", "customs-port-wattay",
                Variables.createVariables().putValue(Vars.DECLARATION_NUMBER.name(), "IM8-2026-0077"));
        assertThat(jdbc.sql("select declaration_number from consignment_release where release_number = ?")
                .param(partly.releaseNumber()).query(String.class).single()).isEqualTo("IM8-2026-0077");

        // the rest follows the normal path
        cases.review(instance, "MTC", "APPROVE", null, null);
        cases.decideExemption(instance, "FULL", null, null);
        assertThat(instance).isWaitingAt(Elements.CLEAR_AT_PORT).variables()
                .containsEntry(Vars.LINES_TO_RELEASE.name(), "2");
        cases.clearAtPort(instance, "RELEASE", null);
        assertThat(instance).isWaitingAt(Elements.DISTRIBUTION_REPORT_OR_DEADLINE);
        assertThat(CUSTOMS_SYSTEM.acceptedFor(instance.getBusinessKey())).hasSize(2);
        });
    }

    @Test
    void anOverdueEndorsementIsRemindedThenOpenToTheHeadThenFollowedUpByTheCoordinatorsWhoNeverDecideIt() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("LRC", false, ClearanceCases.TENTS));
        assertThat(instance).isWaitingAt(Elements.ENDORSE_REQUEST);

        cases.fireTimer(instance, Elements.ENDORSEMENT_HALF_TIME);
        assertThat(cases.eventTypes(instance)).contains("DECISION_REMINDER");
        assertThat(task(instance)).hasCandidateGroup("molsw-officers");

        cases.fireTimer(instance, Elements.ENDORSEMENT_OVERDUE);
        // the officers keep the task; the head of the service may now take it
        assertThat(instance).isWaitingAt(Elements.ENDORSE_REQUEST);
        assertThat(task(instance)).hasCandidateGroup("molsw-officers").hasCandidateGroup("molsw-heads");

        cases.fireTimer(instance, Elements.ENDORSEMENT_HEAD_OVERDUE);
        assertThat(instance).isWaitingAt(Elements.ENDORSE_REQUEST, Elements.FOLLOW_UP_OVERDUE_DECISION);
        Task followUp = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(Elements.FOLLOW_UP_OVERDUE_DECISION).singleResult();
        assertThat(followUp).hasCandidateGroup("nlpwg-coordinators");
        assertThat((String) engine.getTaskService().getVariable(followUp.getId(), Vars.OVERDUE_DECISION.name()))
                .startsWith("Endorsement by MoLSW is still undecided");
        cases.complete(instance, Elements.FOLLOW_UP_OVERDUE_DECISION, "coordinator", "nlpwg-coordinators",
                Variables.createVariables().putValue(Vars.OVERDUE_DECISION_ACTION.name(), "HEAD_CONTACTED")
                        .putValue(Vars.OVERDUE_DECISION_NOTES.name(), "Director will sign tomorrow morning"));
        assertThat(instance).isWaitingAt(Elements.ENDORSE_REQUEST);

        // the head decides
        cases.complete(instance, Elements.ENDORSE_REQUEST, "molsw-head", "molsw-heads",
                Variables.createVariables().putValue(Vars.ENDORSEMENT_DECISION.name(), "ENDORSED"));
        assertThat(instance).isWaitingAt(Elements.DECIDE_EXEMPTION);
        assertThat(cases.actorOf(instance, "ENDORSEMENT_DECIDED")).isEqualTo("molsw-head");
        assertThat(cases.eventTypes(instance)).containsSubsequence("DECISION_REMINDER", "DECISION_ESCALATED_TO_HEAD",
                "DECISION_OVERDUE", "OVERDUE_DECISION_FOLLOWED_UP", "ENDORSEMENT_DECIDED");
    }

    @Test
    void anOverdueExemptionDecisionGoesToTheDirectorGeneralThenToTheCoordinators() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("LRC", false, ClearanceCases.TENTS));
        cases.endorse(instance);

        cases.fireTimer(instance, Elements.EXEMPTION_OVERDUE);
        assertThat(task(instance)).hasCandidateGroup("customs-hq").hasCandidateGroup("customs-hq-heads");
        cases.fireTimer(instance, Elements.EXEMPTION_HEAD_OVERDUE);
        assertThat(instance).isWaitingAt(Elements.DECIDE_EXEMPTION, Elements.FOLLOW_UP_OVERDUE_DECISION);

        cases.complete(instance, Elements.DECIDE_EXEMPTION, "customs-head", "customs-hq-heads",
                Variables.createVariables().putValue(Vars.EXEMPTION_DECISION.name(), "FULL")
                        .putValue(Vars.EXEMPTION_LEGAL_BASIS.name(), "ORGANISATION_AGREEMENT"));
        assertThat(instance).isWaitingAt(Elements.GOODS_AT_PORT, Elements.FOLLOW_UP_OVERDUE_DECISION);
        assertThat(cases.consignment(instance).exemptionDecision()).isEqualTo("FULL");
        // the timers of a decided task are gone
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(Elements.EXEMPTION_HALF_TIME).count()).isZero();
    }

    @Test
    void aShortLandedLineIsHeldAtThePortUntilThePortResolvesItWhileTheRestIsReleased() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("WFP", false,
                ClearanceCases.TENTS, ClearanceCases.MEDICINE));
        cases.endorse(instance);
        cases.review(instance, "MOH_FDD", "APPROVE", null, null);
        cases.decideExemption(instance, "FULL", null, null);
        cases.arrive(instance);
        assertThat(instance).isWaitingAt(Elements.CLEAR_AT_PORT).variables()
                .containsEntry(Vars.LINES_TO_RELEASE.name(), "1, 2");

        // the tally finds 180 of the 200 tents while the officer clears: a note is required
        List<ConsignmentActions.TalliedLine> tally = List.of(
                new ConsignmentActions.TalliedLine(1, new java.math.BigDecimal("180"), false),
                new ConsignmentActions.TalliedLine(2, new java.math.BigDecimal("1200"), false));
        assertThatThrownBy(() -> actions.recordTally(cases.consignment(instance), tally, null, "port-wattay"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("required when quantities differ");
        actions.recordTally(cases.consignment(instance), tally, "Pallet 4 missing on arrival", "port-wattay");
        assertThat(cases.lines(instance)).extracting(ConsignmentLine::held).containsExactly(true, false);

        cases.clearAtPort(instance, "RELEASE", null);
        // the medicine goes, the tents wait at the port
        assertThat(instance).hasPassed(Elements.ISSUE_RELEASE_NOTE).isWaitingAt(Elements.LINES_READY_FOR_RELEASE);
        Consignment partly = cases.consignment(instance);
        assertThat(partly.status()).isEqualTo(ConsignmentStatus.PARTIALLY_RELEASED);
        assertThat(cases.lines(instance)).extracting(ConsignmentLine::releaseNumber)
                .containsExactly(null, partly.releaseNumber());

        // the airline confirms the 20 tents are lost: the port releases the 180 it has
        actions.recordTally(cases.consignment(instance), List.of(
                new ConsignmentActions.TalliedLine(1, new java.math.BigDecimal("180"), true)),
                "Airline irregularity report PIR-0419: 20 tents lost in transit", "port-wattay");
        cases.runJobs(instance);
        assertThat(instance).isWaitingAt(Elements.CLEAR_AT_PORT).variables()
                .containsEntry(Vars.LINES_TO_RELEASE.name(), "1");
        cases.clearAtPort(instance, "RELEASE", null);

        assertThat(instance).isWaitingAt(Elements.DISTRIBUTION_REPORT_OR_DEADLINE);
        assertThat(CUSTOMS_SYSTEM.acceptedFor(instance.getBusinessKey())).hasSize(2).last()
                .satisfies(r -> assertThat(r.body()).contains("\"hsCode\":\"630622\"", "\"quantity\":180"));
        assertThat(cases.events(instance)).filteredOn(e -> e.eventType().equals("TALLY_RECORDED"))
                .extracting(e -> e.detail()).containsExactly(
                        "line 1: 180 of 200 PCS short-landed, held at the port; line 2: 1200 of 1200 PCS as notified."
                                + " Pallet 4 missing on arrival",
                        "line 1: 180 of 200 PCS short-landed, released as received. Airline irregularity report"
                                + " PIR-0419: 20 tents lost in transit");
    }

    @Test
    void whenEveryClearedLineIsHeldNothingIsReleasedAndTheCaseWaitsForTheTally() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("LRC", false, ClearanceCases.TENTS));
        cases.endorse(instance);
        cases.decideExemption(instance, "FULL", null, null);
        cases.arrive(instance);
        actions.recordTally(cases.consignment(instance), List.of(
                new ConsignmentActions.TalliedLine(1, new java.math.BigDecimal("150"), false)), "50 short", "port-wattay");
        // over-landed or short, nothing more than notified leaves without an amended notification
        assertThatThrownBy(() -> actions.recordTally(cases.consignment(instance), List.of(
                new ConsignmentActions.TalliedLine(1, new java.math.BigDecimal("250"), true)), "more", "port-wattay"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("over-landed");

        cases.clearAtPort(instance, "RELEASE", null);
        assertThat(instance).hasNotPassed(Elements.ISSUE_RELEASE_NOTE).isWaitingAt(Elements.LINES_READY_FOR_RELEASE);
        assertThat(cases.consignment(instance).releaseNumber()).isNull();

        // the missing cartons turn up in the warehouse
        actions.recordTally(cases.consignment(instance), List.of(
                new ConsignmentActions.TalliedLine(1, new java.math.BigDecimal("200"), false)), null, "port-wattay");
        cases.runJobs(instance);
        cases.clearAtPort(instance, "RELEASE", null);
        assertThat(instance).isWaitingAt(Elements.DISTRIBUTION_REPORT_OR_DEADLINE);
    }

    @Test
    void anAmendedLineIsReviewedAgainByItsOwnMinistryOnly() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("WFP", false,
                ClearanceCases.MEDICINE, ClearanceCases.SATELLITE_PHONE));
        cases.endorse(instance);
        // not while a ministry reviews: its decision would cover lines it never saw
        assertThatThrownBy(() -> actions.amend(cases.consignment(instance), phones("12"), "wfp"))
                .isInstanceOf(WrongStateException.class).hasMessageContaining("A ministry is reviewing");
        cases.review(instance, "MOH_FDD", "APPROVE", null, null);
        cases.review(instance, "MTC", "APPROVE", null, null);
        assertThat(instance).isWaitingAt(Elements.DECIDE_EXEMPTION);

        actions.amend(cases.consignment(instance), phones("12"), "wfp");
        cases.runJobs(instance);

        // only MTC reviews again, and only the phones
        assertThat(instance).hasPassed(Elements.CLASSIFY_AMENDED_LINES)
                .isWaitingAt(Elements.DECIDE_EXEMPTION, Elements.REVIEW_AMENDED_LINES);
        List<ProcessInstance> reviewing = engine.getRuntimeService().createProcessInstanceQuery()
                .superProcessInstanceId(instance.getId()).list();
        assertThat(reviewing).singleElement().satisfies(r -> assertThat(engine.getRuntimeService()
                .getVariable(r.getId(), Vars.AUTHORITY.name())).isEqualTo("MTC"));
        assertThat(cases.lines(instance)).extracting(ConsignmentLine::quantity, ConsignmentLine::reviewStatus)
                .containsExactly(tuple(new java.math.BigDecimal("1200.000"), "APPROVED"),
                        tuple(new java.math.BigDecimal("12.000"), "PENDING"));
        assertThat(cases.events(instance)).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo("NOTIFICATION_AMENDED");
            assertThat(e.actor()).isEqualTo("wfp");
            assertThat(e.detail()).contains("line 2 (Satellite phones, HS 851714, 10 PCS)", "12 PCS",
                    "Two more phones on the same flight");
        });

        cases.review(instance, "MTC", "APPROVE", null, null);
        assertThat(instance).hasPassed(Elements.REVIEW_AMENDED_LINES);
        cases.decideExemption(instance, "FULL", null, null);
        cases.arrive(instance);
        assertThat(instance).variables().containsEntry(Vars.LINES_TO_RELEASE.name(), "1, 2");
        cases.clearAtPort(instance, "RELEASE", null);
        assertThat(instance).isWaitingAt(Elements.DISTRIBUTION_REPORT_OR_DEADLINE);
        // a released line is never amended
        assertThatThrownBy(() -> actions.amend(cases.consignment(instance), phones("14"), "wfp"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 2 was released already");
    }

    @Test
    void aLineAddedByAnAmendmentThatIsProhibitedIsRefusedAndTheRestGoesOn() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("LRC", false, ClearanceCases.TENTS));
        cases.endorse(instance);
        actions.amend(cases.consignment(instance), new ConsignmentActions.Amendment("Cartridges found in the load",
                null, null, null, List.of(new ConsignmentActions.AmendedLine(null, ClearanceCases.RIFLES))), "laoredcross");
        cases.runJobs(instance);

        assertThat(instance).hasPassed(Elements.CLASSIFY_AMENDED_LINES, Elements.AMENDMENT_RECORDED)
                .hasNotPassed(Elements.REVIEW_AMENDED_LINES).isWaitingAt(Elements.DECIDE_EXEMPTION);
        assertThat(cases.lines(instance)).extracting(ConsignmentLine::lineNo, ConsignmentLine::treatment,
                ConsignmentLine::reviewStatus).containsExactly(tuple(1, "RELIEF_EXEMPT", null),
                tuple(2, "PROHIBITED", "REJECTED"));
        cases.decideExemption(instance, "FULL", null, null);
        cases.arrive(instance);
        assertThat(instance).variables().containsEntry(Vars.LINES_TO_RELEASE.name(), "1")
                .containsEntry(Vars.REFUSED_LINES_AWAITING_FATE.name(), true);
    }

    @Test
    void anAmendmentBeforeTheEndorsementChangesWhichMinistriesReview() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("LRC", false, ClearanceCases.TENTS));
        assertThat(instance).variables().containsEntry(Vars.PERMITS_REQUIRED.name(), false);

        actions.amend(cases.consignment(instance), new ConsignmentActions.Amendment("Radios added to the load",
                null, null, null, List.of(new ConsignmentActions.AmendedLine(null, ClearanceCases.SATELLITE_PHONE))),
                "laoredcross");
        cases.runJobs(instance);
        assertThat(instance).variables().containsEntry(Vars.REQUIRED_AUTHORITIES.name(), List.of("MTC"))
                .containsEntry(Vars.PERMITS_REQUIRED.name(), true);
        assertThat(instance).hasPassed(Elements.AMENDMENT_RECORDED);

        cases.endorse(instance);
        assertThat(instance).isWaitingAt(Elements.REVIEW_BY_AUTHORITY, Elements.DECIDE_EXEMPTION);
    }

    /** Runs the steps while a national emergency is declared, and ends it afterwards. */
    private void duringAnEmergency(Runnable steps) {
        String emergency = "TEST-" + System.nanoTime();
        jdbc.sql("""
                insert into emergency (code, name, starts_at, ends_at, status, declared_by, all_provinces)
                values (?, 'Flood test', ?, ?, 'ACTIVE', 'molsw', true)""")
                .params(emergency, OffsetDateTime.now().minusHours(1), OffsetDateTime.now().plusHours(2)).update();
        try {
            steps.run();
        } finally {
            jdbc.sql("update emergency set status = 'ENDED', ended_at = ?, ended_by = 'molsw' where code = ?")
                    .params(OffsetDateTime.now(), emergency).update();
        }
    }

    private static ConsignmentActions.Amendment phones(String quantity) {
        return new ConsignmentActions.Amendment("Two more phones on the same flight", null, null, null,
                List.of(new ConsignmentActions.AmendedLine(2, ClearanceCases.line("Satellite phones", "851714",
                        "TELECOM_EQUIPMENT", quantity, "10800"))));
    }

    @Test
    void goodsLeaveWithTheDocumentsTheyNeed() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("LRC", false, ClearanceCases.TENTS));
        cases.endorse(instance);
        cases.decideExemption(instance, "FULL", null, null);
        cases.arriveWithoutDocuments(instance);
        assertThat(instance).isWaitingAt(Elements.CLEAR_AT_PORT).variables()
                .containsEntry(Vars.DOCUMENTS_COMPLETE_FOR_RELEASE.name(), false);

        assertThatThrownBy(() -> cases.clearAtPort(instance, "RELEASE", null))
                .hasMessageContaining("(clearanceDecision) waits for the documents this release needs");
        assertThat(instance).isWaitingAt(Elements.CLEAR_AT_PORT);

        // the consignee lodges them while the task is open: the port releases
        cases.lodgeRequiredDocuments(instance);
        assertThat(instance).variables().containsEntry(Vars.DOCUMENTS_COMPLETE_FOR_RELEASE.name(), true);
        cases.clearAtPort(instance, "RELEASE", null);
        assertThat(instance).isWaitingAt(Elements.DISTRIBUTION_REPORT_OR_DEADLINE);
    }

    @Test
    void duringAnEmergencyThePortReleasesWithoutAllDocumentsOnlyWithAWaiverAndItsReason() {
        duringAnEmergency(() -> {
            ProcessInstance instance = cases.submit(ClearanceCases.notification("LRC", false, ClearanceCases.TENTS));
            cases.endorse(instance);
            cases.decideExemption(instance, "FULL", null, null);
            cases.arriveWithoutDocuments(instance);

            assertThatThrownBy(() -> cases.clearAtPort(instance, "RELEASE", null))
                    .hasMessageContaining("(documentsWaiverReason) is required");
            VariableMap waived = Variables.createVariables().putValue(Vars.CLEARANCE_DECISION.name(), "RELEASE")
                    .putValue(Vars.DOCUMENTS_WAIVER_REASON.name(), "Donation certificate follows by e-mail; shelter needed now");
            if (Boolean.TRUE.equals(engine.getRuntimeService().getVariable(instance.getId(),
                    Vars.EXAMINATION_RECOMMENDED.name()))) {
                waived.putValue(Vars.RELEASE_REASON.name(), "Flood relief, seals intact");
            }
            cases.complete(instance, Elements.CLEAR_AT_PORT, "port-wattay", "customs-port-wattay", waived);

            assertThat(instance).hasPassed(Elements.ISSUE_RELEASE_NOTE);
            assertThat(cases.events(instance)).anySatisfy(e -> {
                assertThat(e.eventType()).isEqualTo("DOCUMENTS_WAIVED");
                assertThat(e.actor()).isEqualTo("port-wattay");
                assertThat(e.detail()).contains("Donation certificate", "shelter needed now");
        });
        });
    }

    @Test
    void customsRefusesTheDeclarationAndThePortPutsItRightAndSendsItAgain() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("LRC", false, ClearanceCases.TENTS));
        cases.endorse(instance);
        cases.decideExemption(instance, "FULL", null, null);
        cases.arrive(instance);
        CUSTOMS_SYSTEM.refuse("Donation certificate not signed by the donor");
        try {
            cases.clearAtPort(instance, "RELEASE", null);

            assertThat(instance).isWaitingAt(Elements.RESOLVE_CUSTOMS_REFUSAL).variables()
                    .containsEntry(Vars.CUSTOMS_REFUSAL.name(), "Donation certificate not signed by the donor");
            assertThat(task(instance)).hasCandidateGroup("customs-port-wattay");
            assertThat(jdbc.sql("""
                    select coalesce(r.declaration_number, 'none') from consignment_release r
                    join consignment c on c.id = r.consignment_id where c.reference = ?""")
                    .param(instance.getBusinessKey()).query(String.class).single()).isEqualTo("none");

            CUSTOMS_SYSTEM.accept();
            cases.complete(instance, Elements.RESOLVE_CUSTOMS_REFUSAL, "port-wattay", "customs-port-wattay",
                    Variables.createVariables().putValue(Vars.REFUSAL_RESOLUTION.name(),
                            "Signed certificate lodged by the Lao Red Cross"));
        } finally {
            CUSTOMS_SYSTEM.accept();
        }

        assertThat(instance).isWaitingAt(Elements.DISTRIBUTION_REPORT_OR_DEADLINE);
        assertThat(CUSTOMS_SYSTEM.acceptedFor(instance.getBusinessKey())).hasSize(1);
        assertThat(cases.eventTypes(instance)).containsSubsequence("RELEASED", "CUSTOMS_REFUSAL_RESOLVED",
                "HANDED_OVER_TO_CUSTOMS");
        assertThat(cases.events(instance)).filteredOn(e -> e.eventType().equals("HANDED_OVER_TO_CUSTOMS"))
                .singleElement().satisfies(e -> assertThat(e.detail()).contains("declaration LA01 2026 C ", "(IM4)",
                        "release order RO-"));
    }

    @Test
    void aReleaseBeforeTheDeclarationIsDeclaredUnderTheIm8Procedure() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("LRC", true, ClearanceCases.TENTS));
        cases.endorse(instance);
        cases.decideExemption(instance, "FULL", null, null);
        cases.arrive(instance);
        cases.clearAtPort(instance, "RELEASE", null);

        assertThat(instance).isWaitingAt(Elements.COMPLETE_DECLARATION);
        assertThat(CUSTOMS_SYSTEM.acceptedFor(instance.getBusinessKey())).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("\"procedure\":\"IM8\"", "\"exemptionLegalBasis\":"
                        + "\"ORGANISATION_AGREEMENT\"", "\"exemptedTaxes\":\"IMPORT_DUTY,EXCISE,VAT\""));
        assertThat(jdbc.sql("""
                select r.procedure_code from consignment_release r join consignment c on c.id = r.consignment_id
                where c.reference = ?""").param(instance.getBusinessKey()).query(String.class).single()).isEqualTo("IM8");
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
    void aProhibitedLineIsRefusedFromTheCaseAndTheRestGoesOn() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("WFP", false,
                ClearanceCases.TENTS, ClearanceCases.RIFLES));

        assertThat(instance).isWaitingAt(Elements.ENDORSE_REQUEST).variables()
                .containsEntry(Vars.HAS_PROHIBITED_LINES.name(), true)
                .containsEntry(Vars.ALL_LINES_PROHIBITED.name(), false);
        assertThat(cases.lines(instance)).extracting(ConsignmentLine::treatment, ConsignmentLine::reviewStatus)
                .containsExactly(tuple("RELIEF_EXEMPT", null), tuple("PROHIBITED", "REJECTED"));
        assertThat(cases.lines(instance).get(1).reviewReason()).startsWith("Prohibited: Arms and ammunition");

        cases.endorse(instance);
        cases.decideExemption(instance, "FULL", null, null);
        // the rifles waive nothing: only the tents' duties and taxes
        assertThat(cases.consignment(instance).waivedValue()).isEqualByComparingTo("6300");
        cases.arrive(instance);
        assertThat(instance).isWaitingAt(Elements.CLEAR_AT_PORT).variables()
                .containsEntry(Vars.LINES_TO_RELEASE.name(), "1")
                .containsEntry(Vars.REFUSED_LINES_AWAITING_FATE.name(), true);
        cases.releaseRecordingFate(instance, "DESTROYED", "Tents as notified; rifles seized");

        assertThat(instance).isWaitingAt(Elements.DISTRIBUTION_REPORT_OR_DEADLINE);
        assertThat(cases.lines(instance)).extracting(ConsignmentLine::releaseNumber, ConsignmentLine::fate)
                .containsExactly(tuple(cases.consignment(instance).releaseNumber(), null), tuple(null, "DESTROYED"));
    }

    @Test
    void aConsignmentOfNothingButProhibitedGoodsEndsBeforeEndorsement() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("WFP", false, ClearanceCases.RIFLES));

        assertThat(instance).isEnded().hasPassed(Elements.CLASSIFY_CONSIGNMENT_LINES, Elements.CONSIGNMENT_PROHIBITED)
                .hasNotPassed(Elements.ENDORSE_REQUEST);
        Consignment consignment = cases.consignment(instance);
        assertThat(consignment.status()).isEqualTo(ConsignmentStatus.PROHIBITED);
        assertThat(consignment.statusReason()).contains("line 1", "Hunting rifles", "Arms and ammunition");
        assertThat(cases.eventTypes(instance)).endsWith("LINES_CLASSIFIED", "PROHIBITED");
    }

    @Test
    void customsSystemDownIsRetriedThenAnIncidentAndResumesOnceWithoutSendingTwice() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("LRC", false, ClearanceCases.TENTS));
        cases.endorse(instance);
        cases.decideExemption(instance, "FULL", null, null);
        cases.arrive(instance);
        CUSTOMS_SYSTEM.goDown();
        try {
            // the officer's release is not held up by the customs system: the hand-off waits on its own
            cases.clearAtPort(instance, "RELEASE", null);
            ExternalTaskService externalTasks = engine.getExternalTaskService();
            ExternalTask handOff = externalTasks.createExternalTaskQuery().processInstanceId(instance.getId())
                    .activityId(Elements.HAND_OVER_TO_CUSTOMS_SYSTEM).singleResult();
            assertThat(handOff.getTopicName()).isEqualTo(CustomsDeclarationWorker.TOPIC);
            // the first attempt failed; the next is due only after the first interval (PT1M)
            assertThat(handOff.getRetries()).isEqualTo(4);
            assertThat(handOff.getLockExpirationTime()).isInTheFuture();
            assertThat(handOff.getErrorMessage()).contains("Customs system answered 503");
            assertThat(customsWorker.workOnce()).isZero();
            int retries = handOff.getRetries();
            while (retries > 0) {
                // time passes: the interval is over
                externalTasks.unlock(handOff.getId());
                assertThat(customsWorker.workOnce()).isEqualTo(1);
                int left = externalTasks.createExternalTaskQuery().externalTaskId(handOff.getId()).singleResult()
                        .getRetries();
                assertThat(left).isEqualTo(retries - 1);
                retries = left;
            }

            Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId())
                    .singleResult();
            assertThat(incident.getIncidentType()).isEqualTo(Incident.EXTERNAL_TASK_HANDLER_TYPE);
            assertThat(incident.getActivityId()).isEqualTo(Elements.HAND_OVER_TO_CUSTOMS_SYSTEM);
            assertThat(incident.getIncidentMessage()).contains("Customs system answered 503");
            assertThat(instance).isWaitingAt(Elements.HAND_OVER_TO_CUSTOMS_SYSTEM);
            assertThat(jdbc.sql("select status from customs_hand_off where reference = ?")
                    .param(instance.getBusinessKey()).query(String.class).single()).isEqualTo("PENDING");
            assertThat(CUSTOMS_SYSTEM.acceptedFor(instance.getBusinessKey())).isEmpty();

            // the process owner resolves it in Cockpit: "Increment number of retries"
            CUSTOMS_SYSTEM.comeBack();
            externalTasks.setRetries(handOff.getId(), 1);
            assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count())
                    .isZero();
            cases.runJobs(instance);
        } finally {
            CUSTOMS_SYSTEM.comeBack();
        }

        assertThat(instance).hasPassed(Elements.HAND_OVER_TO_CUSTOMS_SYSTEM)
                .isWaitingAt(Elements.DISTRIBUTION_REPORT_OR_DEADLINE);
        assertThat(CUSTOMS_SYSTEM.acceptedFor(instance.getBusinessKey())).hasSize(1);
        assertThat(jdbc.sql("select status || ' ' || declaration_number from customs_hand_off where reference = ?")
                .param(instance.getBusinessKey()).query(String.class).list()).singleElement().asString()
                .startsWith("SENT LA01 2026 C ");
        assertThat(cases.eventTypes(instance).stream().filter("HANDED_OVER_TO_CUSTOMS"::equals)).hasSize(1);
        // the declaration customs answered is on the release
        assertThat(jdbc.sql("""
                select r.procedure_code || ' ' || r.declaration_number from consignment_release r
                join consignment c on c.id = r.consignment_id where c.reference = ?""")
                .param(instance.getBusinessKey()).query(String.class).single()).startsWith("IM4 LA01 2026 C ");

        cases.reportDistribution(instance, "Tents pitched in Sanamxay");
        assertThat(instance).isEnded();
        assertThat(CUSTOMS_SYSTEM.acceptedFor(instance.getBusinessKey())).hasSize(1);
    }

    private String definitionId() {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(ClearanceProcess.KEY)
                .latestVersion().singleResult().getId();
    }
}
