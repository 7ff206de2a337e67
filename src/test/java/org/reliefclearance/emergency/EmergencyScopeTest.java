package org.reliefclearance.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.ConsignmentRegistration;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.deadlines.DeadlineStep;
import org.reliefclearance.deadlines.Deadlines;
import org.reliefclearance.review.LineMinistryReview;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An emergency's rules apply only to consignments bound for a province an emergency in force covers. */
@ServiceTest
class EmergencyScopeTest {

    /** Monday 10 August 2026, 10:00 in Vientiane. */
    private static final Instant NOW = Instant.parse("2026-08-10T03:00:00Z");
    /** The Food and Drug Department's review during an emergency: 24 calendar hours (clearance-deadlines). */
    private static final Duration EMERGENCY_REVIEW = Duration.ofHours(24);

    @Autowired
    ConsignmentRegistration registration;
    @Autowired
    ConsignmentRepository consignments;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EmergencyState emergencyState;
    @Autowired
    EmergencyDeclarations declarations;
    @Autowired
    Deadlines deadlines;

    private EmergencyFixture emergencies;
    private ScopedCases cases;

    @BeforeEach
    void setUp() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        emergencies = new EmergencyFixture(jdbc);
        cases = new ScopedCases(registration, consignments, runtime, tasks, management, jdbc);
    }

    @AfterEach
    void tearDown() {
        cases.removeReviews();
        emergencies.removeAll();
        ClockUtil.reset();
    }

    @Test
    void anEmergencyInOneProvinceShortensOnlyTheDeadlinesOfConsignmentsBoundThere() {
        emergencies.activeIn("EM-SCOPE-1", NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(10)), "LA-AT");

        ProcessInstance toAttapeu = cases.reviewedIn("LA-AT");
        ProcessInstance toCapital = cases.reviewedIn("LA-VT");

        Instant emergencyDue = NOW.plus(EMERGENCY_REVIEW);
        assertThat(cases.due(toAttapeu, LineMinistryReview.Elements.REVIEW_OVERDUE)).isEqualTo(emergencyDue);
        assertThat(cases.due(toAttapeu, LineMinistryReview.Elements.REMINDER_DUE)).isEqualTo(NOW.plus(Duration.ofHours(12)));
        assertThat(cases.task(toAttapeu, LineMinistryReview.Elements.REVIEW_PERMIT).getDueDate().toInstant())
                .isEqualTo(emergencyDue);
        assertThat(cases.reviewRowDue(toAttapeu)).isEqualTo(emergencyDue);
        assertThat(runtime.getVariable(toAttapeu.getId(), LineMinistryReview.Vars.TACIT_APPROVAL_ALLOWED.name()))
                .as("the ministry agreed to tacit approval during an emergency").isEqualTo(true);

        Instant normalDue = deadlines.deadline(DeadlineStep.AUTHORITY_REVIEW, "MOH_FDD", NOW, false).dueAt();
        assertThat(normalDue).isAfter(emergencyDue.plus(Duration.ofDays(1)));
        assertThat(cases.due(toCapital, LineMinistryReview.Elements.REVIEW_OVERDUE)).isEqualTo(normalDue);
        assertThat(cases.task(toCapital, LineMinistryReview.Elements.REVIEW_PERMIT).getDueDate().toInstant())
                .isEqualTo(normalDue);
        assertThat(cases.reviewRowDue(toCapital)).isEqualTo(normalDue);
        assertThat(runtime.getVariable(toCapital.getId(), LineMinistryReview.Vars.TACIT_APPROVAL_ALLOWED.name()))
                .isEqualTo(false);

        assertThat(cases.emergencyOf(toAttapeu.getBusinessKey())).as("counted as the emergency's").isEqualTo("EM-SCOPE-1");
        assertThat(cases.emergencyOf(toCapital.getBusinessKey())).isNull();
        assertThat(cases.timeline(toAttapeu.getBusinessKey(), "NOTIFIED"))
                .singleElement().asString().endsWith("bound for Attapeu (LA-AT)");
    }

    @Test
    void anEmergencyForAllProvincesCoversEveryConsignmentAndOnlyItCountsOutsideACase() {
        emergencies.active("EM-SCOPE-ALL", NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(10)));

        ProcessInstance toCapital = cases.reviewedIn("LA-VT");

        assertThat(cases.due(toCapital, LineMinistryReview.Elements.REVIEW_OVERDUE)).isEqualTo(NOW.plus(EMERGENCY_REVIEW));
        assertThat(deadlines.deadline(DeadlineStep.AUTHORITY_REVIEW, "MOH_FDD").emergency()).isTrue();
        assertThat(emergencyState.coversProvince(null)).as("a consignment notified before provinces were asked").isTrue();
    }

    @Test
    void overlappingEmergenciesEachCoverTheirProvincesAndEndingOneLeavesTheOther() {
        emergencies.activeIn("EM-OVERLAP-A", NOW.minus(Duration.ofHours(2)), NOW.plus(Duration.ofDays(10)), "LA-AT");
        emergencies.activeIn("EM-OVERLAP-B", NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(5)),
                "LA-AT", "LA-CH");
        ProcessInstance toAttapeu = cases.reviewedIn("LA-AT");
        ProcessInstance toChampasak = cases.reviewedIn("LA-CH");

        assertThat(emergencyState.inForce()).extracting(Emergency::code).containsExactly("EM-OVERLAP-B", "EM-OVERLAP-A");
        assertThat(emergencyState.coversProvince("LA-VT")).isFalse();
        assertThat(cases.due(toChampasak, LineMinistryReview.Elements.REVIEW_OVERDUE)).isEqualTo(NOW.plus(EMERGENCY_REVIEW));

        declarations.end("EM-OVERLAP-B", "molsw", "Waters receded in Champasak");

        assertThat(emergencyState.activeFor("LA-AT")).map(Emergency::code).hasValue("EM-OVERLAP-A");
        assertThat(emergencyState.coversProvince("LA-CH")).isFalse();
        assertThat(deadlines.forCase(toAttapeu.getBusinessKey(), DeadlineStep.AUTHORITY_REVIEW, "MOH_FDD").emergency())
                .as("the other emergency still covers Attapeu").isTrue();
        assertThat(deadlines.forCase(toChampasak.getBusinessKey(), DeadlineStep.AUTHORITY_REVIEW, "MOH_FDD").emergency())
                .isFalse();
        assertThat(emergencyState.isActive()).isTrue();

        declarations.end("EM-OVERLAP-A", "molsw", "Waters receded in Attapeu");

        assertThat(emergencyState.isActive()).isFalse();
        assertThat(deadlines.forCase(toAttapeu.getBusinessKey(), DeadlineStep.AUTHORITY_REVIEW, "MOH_FDD").emergency())
                .isFalse();
    }
}
