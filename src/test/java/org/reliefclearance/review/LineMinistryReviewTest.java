package org.reliefclearance.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.reliefclearance.review.ReviewFixture.vars;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.ConsignmentRegistration;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentEvent;
import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.TimelineEvent;
import org.reliefclearance.emergency.EmergencyFixture;
import org.reliefclearance.review.LineMinistryReview.Elements;
import org.reliefclearance.review.LineMinistryReview.Vars;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One path of line-ministry-review per test, started directly as the clearance process's call activity does. */
@ServiceTest
class LineMinistryReviewTest {

    private static final ZoneId VIENTIANE = ZoneId.of("Asia/Vientiane");
    /** Monday 2 March 2026, 09:00 in Vientiane: no holiday within the next two weeks. */
    private static final Instant MONDAY = at(2026, 3, 2, 9);

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identity;
    @Autowired
    ConsignmentRegistration registration;
    @Autowired
    ConsignmentRepository consignments;
    @Autowired
    AuthorityReviewRepository reviews;
    @Autowired
    JdbcClient jdbc;

    ReviewFixture fixture;
    EmergencyFixture emergencies;
    Consignment consignment;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        ClockUtil.setCurrentTime(Date.from(MONDAY));
        fixture = new ReviewFixture(registration, consignments, runtime, management);
        emergencies = new EmergencyFixture(jdbc);
        consignment = fixture.consignment();
    }

    @AfterEach
    void tearDown() {
        emergencies.removeAll();
        ClockUtil.reset();
    }

    @Test
    void preparesTheReviewForTheAuthoritysGroupWithItsDeadline() {
        ProcessInstance review = fixture.startReview(consignment, "MOH_FDD");

        assertThat(review).isWaitingAt(Elements.REVIEW_PERMIT)
                .hasVariables(Vars.REVIEW_GROUP.name(), Vars.LINES.name(), Vars.DEADLINE.name(), Vars.REVIEW_DUE_AT.name(), Vars.REMINDER_AT.name());
        Task task = task(review);
        assertThat(task).hasCandidateGroup("moh-fdd").isNotAssigned().hasFormKey(null);
        Instant due = at(2026, 3, 9, 9); // five working days
        assertThat(task.getDueDate()).isEqualTo(Date.from(due));
        Map<String, Object> v = runtime.getVariables(review.getId());
        assertThat(v.get(Vars.REVIEW_DUE_AT.name())).isEqualTo(Date.from(due));
        assertThat(v.get(Vars.REMINDER_AT.name())).isEqualTo(Date.from(at(2026, 3, 4, 21)));
        assertThat(v.get(Vars.REVIEW_WORKING_TIME.name())).isEqualTo(true);
        assertThat(v.get(Vars.TACIT_APPROVAL_ALLOWED.name())).isEqualTo(false);
        assertThat(v.get(Vars.DEADLINE.name())).isEqualTo("Mon 9 Mar 2026 09:00 (Asia/Vientiane), 5 working days");
        assertThat(v.get(Vars.AUTHORITY_NAME.name())).isEqualTo("Food and Drug Department, Ministry of Health");
        assertThat(v.get(Vars.ORGANISATION.name())).isEqualTo("World Food Programme");
        assertThat(v.get(Vars.PORT.name())).isEqualTo("Wattay International Airport, Vientiane");
        SpinJsonNode lines = (SpinJsonNode) v.get(Vars.LINES.name());
        assertThat(lines.elements()).extracting(l -> l.prop("lineNo").numberValue().intValue()).containsExactly(1, 2);
        assertThat(lines.elements().get(0).prop("description").stringValue()).isEqualTo("Amoxicillin 500 mg capsules");
        // answers nobody has given are not written, at runtime or in history; the officials come with an escalation
        List<String> unanswered = List.of(Vars.REVIEW_DECISION.name(), Vars.REVIEW_REASON.name(),
                Vars.INFORMATION_REQUEST.name(), Vars.INFORMATION_ASKED.name(), Vars.OVERDUE_ACTION.name(),
                Vars.REVIEW_OFFICIALS.name());
        assertThat(v).doesNotContainKeys(unanswered.toArray(String[]::new));
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(review.getId())
                .variableNameIn(unanswered.toArray(String[]::new)).count()).isZero();
        assertThat(review(("MOH_FDD"))).satisfies(r -> {
            assertThat(r.status()).isEqualTo(ReviewStatus.PENDING);
            assertThat(r.dueAt().toInstant()).isEqualTo(due);
        });
        // requested on the engine's clock, so review times in the KPIs match the deadlines
        assertThat(jdbc.sql("select requested_at from authority_review where consignment_id = ? and authority_code = ?")
                .params(consignment.id(), "MOH_FDD").query(java.time.OffsetDateTime.class).single().toInstant())
                .isEqualTo(MONDAY);
        assertThat(eventTypes()).contains(TimelineEvent.REVIEW_STARTED.name());
    }

    @Test
    void approvalApprovesEveryLineOfTheAuthority() {
        ProcessInstance review = fixture.startReview(consignment, "MOH_FDD");

        assertThatThrownBy(() -> completeAs("moh", "moh-fdd", review, vars(Vars.REVIEW_DECISION.name(),
                ReviewDecision.APPROVE.name()))).hasMessageContaining("(permitNumber) is required");
        assertThat(review).isWaitingAt(Elements.REVIEW_PERMIT);

        completeAs("moh", "moh-fdd", review, vars(Vars.REVIEW_DECISION.name(), ReviewDecision.APPROVE.name(),
                Vars.PERMIT_NUMBER.name(), "FDD-IMP-2026-0417", Vars.PERMIT_VALID_UNTIL.name(), "2026-12-31",
                Vars.PERMIT_CONDITIONS.name(), List.of(Permit.INSPECTION_ON_ARRIVAL, "COLD_CHAIN")));

        // recorded with the reviewer's action; the review ends in a job of its own
        assertThat(review).hasPassed(Elements.RECORD_REVIEW_DECISION).isWaitingAt(Elements.REVIEW_DECIDED);
        fixture.executeJob(review, Elements.REVIEW_DECIDED);
        assertThat(review).isEnded().hasPassed(Elements.REVIEW_DECIDED);
        assertThat(review("MOH_FDD")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(ReviewStatus.APPROVED);
            assertThat(r.decidedBy()).isEqualTo("moh");
            assertThat(r.decidedAt()).isNotNull();
            assertThat(r.tacit()).isFalse();
            assertThat(r.permitNumber()).isEqualTo("FDD-IMP-2026-0417");
            assertThat(r.permitValidUntil()).isEqualTo(java.time.LocalDate.of(2026, 12, 31));
            assertThat(r.permitConditions()).isEqualTo("INSPECTION_ON_ARRIVAL,COLD_CHAIN");
        });
        assertThat(events()).filteredOn(e -> e.eventType().equals(TimelineEvent.REVIEW_DECIDED.name())).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("APPROVED, permit FDD-IMP-2026-0417, valid until"
                        + " 2026-12-31, INSPECTION_ON_ARRIVAL, COLD_CHAIN"));
        assertThat(lineStatuses()).containsExactly("APPROVED", "APPROVED", "PENDING", null);
    }

    @Test
    void rejectingSomeLinesApprovesTheOthers() {
        ProcessInstance review = fixture.startReview(consignment, "MOH_FDD");

        completeAs("moh", "moh-fdd", review, vars(Vars.REVIEW_DECISION.name(), ReviewDecision.REJECT_LINES.name(),
                Vars.PERMIT_NUMBER.name(), "FDD-IMP-2026-0418",
                Vars.REJECTED_LINES.name(), List.of("2"), Vars.REVIEW_REASON.name(), "ORS not on the essential medicines list",
                Vars.REJECTION_CONFIRMED.name(), "CONFIRMED"));

        fixture.executeJob(review, Elements.REVIEW_DECIDED);
        assertThat(review).isEnded().hasPassed(Elements.REVIEW_DECIDED);
        assertThat(review("MOH_FDD")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(ReviewStatus.PARTIALLY_APPROVED);
            assertThat(r.reason()).isEqualTo("ORS not on the essential medicines list");
        });
        List<ConsignmentLine> lines = consignments.lines(consignment.id());
        assertThat(lines).extracting(ConsignmentLine::reviewStatus).containsExactly("APPROVED", "REJECTED", "PENDING", null);
        assertThat(lines.get(1).reviewReason()).isEqualTo("ORS not on the essential medicines list");
        assertThat(events()).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(TimelineEvent.REVIEW_DECIDED.name());
            assertThat(e.actor()).isEqualTo("moh");
            assertThat(e.detail()).contains("PARTIALLY_APPROVED", "[2]");
        });
    }

    @Test
    void rejectingLinesOfAnotherAuthorityOrWithoutReasonIsRefused() {
        ProcessInstance review = fixture.startReview(consignment, "MOH_FDD");

        assertThatThrownBy(() -> completeAs("moh", "moh-fdd", review, vars(Vars.REVIEW_DECISION.name(),
                ReviewDecision.REJECT_LINES.name(), Vars.REJECTED_LINES.name(), List.of(3), Vars.REVIEW_REASON.name(), "no licence")))
                .hasMessageContaining("(rejectedLines) contains '3', which is not one of the options offered");
        assertThatThrownBy(() -> completeAs("moh", "moh-fdd", review, vars(Vars.REVIEW_DECISION.name(),
                ReviewDecision.REJECT_ALL.name())))
                .hasMessageContaining("(reviewReason) is required");
        assertThatThrownBy(() -> completeAs("moh", "moh-fdd", review, vars(Vars.REVIEW_DECISION.name(),
                ReviewDecision.REJECT_ALL.name(), Vars.REVIEW_REASON.name(), "Expiry dates under six months")))
                .as("an irreversible refusal needs its confirmation").hasMessageContaining("(rejectionConfirmed) is required");

        assertThat(review).isWaitingAt(Elements.REVIEW_PERMIT);
        assertThat(review("MOH_FDD").status()).isEqualTo(ReviewStatus.PENDING);
    }

    @Test
    void rejectingAllRejectsEveryLineOfTheAuthority() {
        ProcessInstance review = fixture.startReview(consignment, "MOH_FDD");

        completeAs("moh", "moh-fdd", review, vars(Vars.REVIEW_DECISION.name(), ReviewDecision.REJECT_ALL.name(),
                Vars.REVIEW_REASON.name(), "Expiry dates under six months", Vars.REJECTION_CONFIRMED.name(), "CONFIRMED"));

        fixture.executeJob(review, Elements.REVIEW_DECIDED);
        assertThat(review).isEnded().hasPassed(Elements.REVIEW_DECIDED);
        assertThat(review("MOH_FDD").status()).isEqualTo(ReviewStatus.REJECTED);
        assertThat(lineStatuses()).containsExactly("REJECTED", "REJECTED", "PENDING", null);
    }

    @Test
    void informationRequestedAndProvidedResumesTheReviewWithTheTimeThatWasLeft() {
        ProcessInstance moh = fixture.startReview(consignment, "MOH_FDD");
        ProcessInstance mtc = fixture.startReview(consignment, "MTC");

        ClockUtil.setCurrentTime(Date.from(at(2026, 3, 3, 9))); // one working day used
        completeAs("moh", "moh-fdd", moh, vars(Vars.REVIEW_DECISION.name(), ReviewDecision.REQUEST_INFORMATION.name(),
                Vars.INFORMATION_REQUEST.name(), "Send the certificate of analysis for line 1"));

        assertThat(moh).isWaitingAt(Elements.AWAIT_INFORMATION)
                .variables().containsEntry(Vars.REVIEW_TIME_LEFT.name(), "PT96H")
                .containsEntry(Vars.INFORMATION_DUE_AT.name(), Date.from(at(2026, 3, 10, 9)));
        assertThat(review("MOH_FDD").status()).isEqualTo(ReviewStatus.INFORMATION_REQUESTED);

        ClockUtil.setCurrentTime(Date.from(at(2026, 3, 5, 9))); // answered two days later
        runtime.createMessageCorrelation(LineMinistryReview.Messages.INFORMATION_PROVIDED)
                .processInstanceBusinessKey(consignment.reference())
                .processInstanceVariableEquals(Vars.AUTHORITY.name(), "MOH_FDD")
                .setVariable(Vars.INFORMATION_RESPONSE.name(), "Certificate of analysis uploaded")
                .correlate();

        assertThat(moh).hasPassed(Elements.RESUME_REVIEW).isWaitingAt(Elements.REVIEW_PERMIT)
                .variables().containsEntry(Vars.INFORMATION_RESPONSE.name(), "Certificate of analysis uploaded")
                .containsEntry(Vars.INFORMATION_ASKED.name(), "Send the certificate of analysis for line 1")
                .containsEntry(Vars.REVIEW_DUE_AT.name(), Date.from(at(2026, 3, 11, 9)))
                .containsEntry(Vars.REMINDER_AT.name(), Date.from(at(2026, 3, 9, 9)))
                // the question and the earlier decision are gone: the form starts empty
                .doesNotContainKeys(Vars.INFORMATION_REQUEST.name(), Vars.REVIEW_DECISION.name());
        assertThat(mtc).isWaitingAt(Elements.REVIEW_PERMIT);
        assertThat(review("MOH_FDD")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(ReviewStatus.PENDING);
            assertThat(r.dueAt().toInstant()).isEqualTo(at(2026, 3, 11, 9));
        });
        assertThat(fixture.job(moh, Elements.REVIEW_OVERDUE).getDuedate()).isEqualTo(Date.from(at(2026, 3, 11, 9)));
        assertThat(eventTypes()).contains(TimelineEvent.INFORMATION_REQUESTED.name(),
                TimelineEvent.INFORMATION_PROVIDED.name());

        completeAs("moh", "moh-fdd", moh, vars(Vars.REVIEW_DECISION.name(), ReviewDecision.APPROVE.name(),
                Vars.PERMIT_NUMBER.name(), "FDD-IMP-2026-0419"));
        fixture.executeJob(moh, Elements.REVIEW_DECIDED);
        assertThat(moh).isEnded();
        assertThat(review("MOH_FDD").status()).isEqualTo(ReviewStatus.APPROVED);
    }

    @Test
    void informationNotProvidedInTimeRejectsTheReview() {
        ProcessInstance review = fixture.startReview(consignment, "MOH_FDD");
        completeAs("moh", "moh-fdd", review, vars(Vars.REVIEW_DECISION.name(), ReviewDecision.REQUEST_INFORMATION.name(),
                Vars.INFORMATION_REQUEST.name(), "Which cold chain is used?"));

        fixture.executeJob(review, Elements.INFORMATION_OVERDUE);
        assertThat(review).isWaitingAt(Elements.RECORD_INFORMATION_TIMEOUT);
        fixture.executeJob(review, Elements.RECORD_INFORMATION_TIMEOUT);

        assertThat(review).isEnded().hasPassed(Elements.REJECTED_WITHOUT_INFORMATION)
                .hasNotPassed(Elements.RESUME_REVIEW);
        assertThat(review("MOH_FDD")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(ReviewStatus.REJECTED);
            assertThat(r.reason()).isEqualTo("information not provided in time");
        });
        assertThat(lineStatuses()).containsExactly("REJECTED", "REJECTED", "PENDING", null);
        assertThat(eventTypes()).contains(TimelineEvent.INFORMATION_OVERDUE.name());
    }

    @Test
    void aReminderAtHalfTimeKeepsTheReviewWaiting() {
        ProcessInstance review = fixture.startReview(consignment, "MOH_FDD");
        assertThat(fixture.job(review, Elements.REMINDER_DUE).getDuedate()).isEqualTo(Date.from(at(2026, 3, 4, 21)));

        fixture.executeJob(review, Elements.REMINDER_DUE);
        fixture.executeJob(review, Elements.SEND_REMINDER);

        assertThat(review).isWaitingAt(Elements.REVIEW_PERMIT).hasPassed(Elements.SEND_REMINDER);
        assertThat(review("MOH_FDD").reminders()).isEqualTo(1);
        assertThat(eventTypes()).contains(TimelineEvent.REVIEW_REMINDER.name());
    }

    @Test
    void anOverdueReviewGoesFirstToTheHeadOfTheAuthorityWhoExtendsIt() {
        ProcessInstance review = fixture.startReview(consignment, "MTC");
        assertThat(fixture.job(review, Elements.REVIEW_OVERDUE).getDuedate())
                .isEqualTo(Date.from(at(2026, 3, 16, 9))); // ten working days

        overdue(review);

        assertThat(review).isWaitingAt(Elements.DECIDE_OVERDUE_REVIEW).hasPassed(Elements.ESCALATE_REVIEW)
                .hasNotPassed(Elements.RECORD_TACIT_APPROVAL);
        assertThat(task(review)).hasCandidateGroup("mtc-heads");
        // two working days from the moment the review passed its deadline
        assertThat(task(review).getDueDate()).isAfter(Date.from(MONDAY))
                .isEqualTo(fixture.job(review, Elements.HEAD_DEADLINE_PASSED).getDuedate());
        assertThat(review("MTC").escalated()).isTrue();
        assertThat(eventTypes()).contains(TimelineEvent.REVIEW_ESCALATED.name())
                .doesNotContain(TimelineEvent.REVIEW_ESCALATED_TO_COORDINATORS.name());

        completeAs("mtc-head", List.of("mtc-heads", "mtc"), review, vars(Vars.OVERDUE_ACTION.name(),
                OverdueReviewAction.EXTEND.name(), Vars.NEW_DEADLINE.name(), "2026-03-20T17:00+07:00",
                Vars.OVERDUE_REASON.name(), "Licence desk understaffed"));

        assertThat(review).isWaitingAt(Elements.REVIEW_PERMIT).hasPassed(Elements.REOPEN_REVIEW);
        assertThat(task(review)).hasCandidateGroup("mtc").isNotAssigned();
        assertThat(fixture.job(review, Elements.REVIEW_OVERDUE).getDuedate()).isEqualTo(Date.from(at(2026, 3, 20, 17)));
        assertThat(review("MTC")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(ReviewStatus.PENDING);
            assertThat(r.dueAt().toInstant()).isEqualTo(at(2026, 3, 20, 17));
        });
        assertThat(events()).anySatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(TimelineEvent.REVIEW_DEADLINE_EXTENDED.name());
            assertThat(e.actor()).isEqualTo("mtc-head");
        });
    }

    @Test
    void theHeadOfTheAuthorityMayRejectItsOverdueLines() {
        ProcessInstance review = fixture.startReview(consignment, "MTC");
        overdue(review);

        completeAs("mtc-head", List.of("mtc-heads", "mtc"), review, vars(Vars.OVERDUE_ACTION.name(),
                OverdueReviewAction.DECIDE_REJECT.name(), Vars.OVERDUE_REASON.name(),
                "No licence possible for this frequency band", Vars.REJECTION_CONFIRMED.name(), "CONFIRMED"));

        fixture.executeJob(review, Elements.DECIDED_BY_HEAD);
        assertThat(review).isEnded().hasPassed(Elements.RECORD_HEAD_DECISION, Elements.DECIDED_BY_HEAD);
        assertThat(review("MTC")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(ReviewStatus.REJECTED);
            assertThat(r.decidedBy()).isEqualTo("mtc-head");
            assertThat(r.escalated()).isTrue();
            assertThat(r.tacit()).isFalse();
        });
        assertThat(lineStatuses()).containsExactly("PENDING", "PENDING", "REJECTED", null);
    }

    @Test
    void whenTheHeadDoesNotActTheCoordinatorsFollowUpButNeverDecide() {
        ProcessInstance review = fixture.startReview(consignment, "MTC");
        overdue(review);

        fixture.executeJob(review, Elements.HEAD_DEADLINE_PASSED);

        assertThat(review).isWaitingAt(Elements.HANDLE_OVERDUE_REVIEW).hasNotPassed(Elements.RECORD_HEAD_DECISION);
        assertThat(task(review)).hasCandidateGroup("nlpwg-coordinators");
        assertThat(eventTypes()).contains(TimelineEvent.REVIEW_ESCALATED_TO_COORDINATORS.name());
        List<String> before = eventTypes();

        assertThatThrownBy(() -> completeAs("coordinator", List.of("nlpwg-coordinators"), review, vars(
                Vars.OVERDUE_ACTION.name(), OverdueReviewAction.DECIDE_APPROVE.name(),
                Vars.OVERDUE_REASON.name(), "Approve it for them")))
                .hasMessageContaining("overdueAction");
        assertThat(review).isWaitingAt(Elements.HANDLE_OVERDUE_REVIEW);
        assertThat(review("MTC").status()).isEqualTo(ReviewStatus.PENDING);
        assertThat(eventTypes()).isEqualTo(before);

        completeAs("coordinator", List.of("nlpwg-coordinators"), review, vars(Vars.OVERDUE_ACTION.name(),
                OverdueReviewAction.REASSIGN.name(), Vars.REASSIGN_TO.name(), "mtc-head",
                Vars.OVERDUE_REASON.name(), "The usual reviewer is away"));
        assertThat(review).isWaitingAt(Elements.REVIEW_PERMIT);
        assertThat(task(review)).isAssignedTo("mtc-head");
        assertThat(review("MTC").dueAt().toInstant()).isEqualTo(at(2026, 3, 16, 9)); // a fresh review period
    }

    @Test
    void inAnEmergencyTheFoodAndDrugDepartmentApprovesTacitlyAtTheDeadline() {
        emergencies.active("EM-REVIEW-1", MONDAY.minus(Duration.ofDays(1)), MONDAY.plus(Duration.ofDays(30)));
        ProcessInstance review = fixture.startReview(consignment, "MOH_FDD");
        assertThat(review).variables().containsEntry(Vars.TACIT_APPROVAL_ALLOWED.name(), true)
                .containsEntry(Vars.REVIEW_WORKING_TIME.name(), false)
                .containsEntry(Vars.REVIEW_DUE_AT.name(), Date.from(MONDAY.plus(Duration.ofHours(24))));

        overdue(review);
        fixture.executeJob(review, Elements.RECORD_TACIT_APPROVAL);

        assertThat(review).isEnded().hasPassed(Elements.TACITLY_APPROVED).hasNotPassed(Elements.ESCALATE_REVIEW);
        assertThat(review("MOH_FDD")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(ReviewStatus.APPROVED);
            assertThat(r.tacit()).isTrue();
            assertThat(r.escalated()).isFalse();
            assertThat(r.reason()).startsWith("Tacit approval");
        });
        assertThat(lineStatuses()).containsExactly("APPROVED", "APPROVED", "PENDING", null);
        assertThat(eventTypes()).contains(TimelineEvent.TACIT_APPROVAL.name());
    }

    @Test
    void inAnEmergencyTelecomLicencesAreNotApprovedTacitly() {
        emergencies.active("EM-REVIEW-2", MONDAY.minus(Duration.ofDays(1)), MONDAY.plus(Duration.ofDays(30)));
        ProcessInstance review = fixture.startReview(consignment, "MTC");
        assertThat(review).variables().containsEntry(Vars.TACIT_APPROVAL_ALLOWED.name(), false)
                .containsEntry(Vars.REVIEW_DUE_AT.name(), Date.from(MONDAY.plus(Duration.ofHours(72))));

        overdue(review);

        assertThat(review).isWaitingAt(Elements.DECIDE_OVERDUE_REVIEW).hasNotPassed(Elements.RECORD_TACIT_APPROVAL);
        assertThat(review("MTC")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(ReviewStatus.PENDING);
            assertThat(r.tacit()).isFalse();
            assertThat(r.escalated()).isTrue();
        });
    }

    @Test
    void anOverdueReviewGoesBackOnlyToTheAuthoritysOwnOfficialsAndWithADeadlineWhenExtended() {
        ProcessInstance review = fixture.startReview(consignment, "MTC");
        overdue(review);

        assertThatThrownBy(() -> completeAs("mtc-head", List.of("mtc-heads", "mtc"), review, vars(Vars.OVERDUE_ACTION.name(),
                OverdueReviewAction.REASSIGN.name(), Vars.REASSIGN_TO.name(), "wfp", Vars.OVERDUE_REASON.name(), "Give it to the consignee")))
                .hasMessageContaining("(reassignTo)");
        assertThatThrownBy(() -> completeAs("mtc-head", List.of("mtc-heads", "mtc"), review, vars(Vars.OVERDUE_ACTION.name(),
                OverdueReviewAction.EXTEND.name(), Vars.OVERDUE_REASON.name(), "More time")))
                .hasMessageContaining("(newDeadline) is required");
        assertThat(review).isWaitingAt(Elements.DECIDE_OVERDUE_REVIEW);

        fixture.executeJob(review, Elements.HEAD_DEADLINE_PASSED);
        assertThatThrownBy(() -> completeAs("coordinator", List.of("nlpwg-coordinators"), review, vars(Vars.OVERDUE_ACTION.name(),
                OverdueReviewAction.REASSIGN.name(), Vars.REASSIGN_TO.name(), "moh", Vars.OVERDUE_REASON.name(), "Health can do it")))
                .hasMessageContaining("(reassignTo)");

        assertThat(review).isWaitingAt(Elements.HANDLE_OVERDUE_REVIEW);
        assertThat(review("MTC").status()).isEqualTo(ReviewStatus.PENDING);
    }

    /** The review deadline passes: the interrupting timer fires, then the escalation runs if tacit approval is not agreed. */
    private void overdue(ProcessInstance review) {
        boolean tacit = Boolean.TRUE.equals(runtime.getVariable(review.getId(), Vars.TACIT_APPROVAL_ALLOWED.name()));
        fixture.executeJob(review, Elements.REVIEW_OVERDUE);
        if (!tacit) {
            fixture.executeJob(review, Elements.ESCALATE_REVIEW);
        }
    }

    private void completeAs(String user, String group, ProcessInstance instance, Map<String, Object> variables) {
        completeAs(user, List.of(group), instance, variables);
    }

    private void completeAs(String user, List<String> groups, ProcessInstance instance, Map<String, Object> variables) {
        identity.setAuthentication(user, groups);
        try {
            tasks.complete(task(instance).getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    private Task task(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private AuthorityReview review(String authority) {
        return reviews.ofConsignment(consignment.id()).stream().filter(r -> r.authorityCode().equals(authority))
                .findFirst().orElseThrow();
    }

    private List<String> lineStatuses() {
        return consignments.lines(consignment.id()).stream().map(ConsignmentLine::reviewStatus).toList();
    }

    private List<ConsignmentEvent> events() {
        return consignments.events(consignment.id());
    }

    private List<String> eventTypes() {
        return events().stream().map(ConsignmentEvent::eventType).toList();
    }

    private static Instant at(int year, int month, int day, int hour) {
        return LocalDateTime.of(year, month, day, hour, 0).atZone(VIENTIANE).toInstant();
    }
}
