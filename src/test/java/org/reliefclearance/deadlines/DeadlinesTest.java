package org.reliefclearance.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.emergency.EmergencyFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ServiceTest
class DeadlinesTest {

    private static final ZoneId VIENTIANE = ZoneId.of("Asia/Vientiane");
    // Friday 6 March 2026, 15:00 in Vientiane
    private static final Instant FRIDAY = LocalDateTime.of(2026, 3, 6, 15, 0).atZone(VIENTIANE).toInstant();

    @Autowired
    Deadlines deadlines;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdentityService identity;
    @Autowired
    org.camunda.bpm.engine.HistoryService history;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    EmergencyFixture emergencies;

    @BeforeEach
    void fixTime() {
        ClockUtil.setCurrentTime(Date.from(FRIDAY));
        emergencies = new EmergencyFixture(jdbc);
    }

    @AfterEach
    void resetTime() {
        emergencies.removeAll();
        ClockUtil.reset();
    }

    /** A task's due date, reminder and the head's time after it come from one evaluation per step. */
    @Test
    void oneTransactionAsksEachStepsRuleOnce() {
        long before = evaluations();
        transaction.executeWithoutResult(tx -> {
            Date due = deadlines.dueAt("ENDORSEMENT", "-");
            assertThat(deadlines.reminderAt("ENDORSEMENT", "-")).isBefore(due);
            assertThat(deadlines.dueAfter("ENDORSEMENT", "-", "HEAD_OF_AUTHORITY")).isAfter(due);
            assertThat(deadlines.dueAt("ENDORSEMENT", "-")).isEqualTo(due);
        });
        assertThat(evaluations() - before).as("ENDORSEMENT and HEAD_OF_AUTHORITY, once each").isEqualTo(2);

        transaction.executeWithoutResult(tx -> deadlines.dueAt("ENDORSEMENT", "-"));
        assertThat(evaluations() - before).as("the next transaction asks again").isEqualTo(3);

        deadlines.dueAt("ENDORSEMENT", "-");
        deadlines.dueAt("ENDORSEMENT", "-");
        assertThat(evaluations() - before).as("outside a transaction, each call asks").isEqualTo(5);
    }

    private long evaluations() {
        return history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(Deadlines.DECISION).count();
    }

    @Test
    void outsideAnEmergencyAReviewTakesWorkingDays() {
        Deadline mtc = deadlines.deadline(DeadlineStep.AUTHORITY_REVIEW, "MTC");

        assertThat(mtc.emergency()).isFalse();
        assertThat(mtc.workingTime()).isTrue();
        assertThat(mtc.description()).isEqualTo("10 working days");
        assertThat(mtc.startsAt()).isEqualTo(FRIDAY);
        assertThat(mtc.dueAt()).isEqualTo(FRIDAY.plus(Duration.ofDays(14)));
        assertThat(mtc.reminderAt()).isEqualTo(FRIDAY.plus(Duration.ofDays(7)));
        assertThat(deadlines.dueAt("AUTHORITY_REVIEW", "MTC")).isEqualTo(Date.from(mtc.dueAt()));
        assertThat(deadlines.display(mtc.dueAt())).isEqualTo("Fri 20 Mar 2026 15:00 (Asia/Vientiane)");
    }

    @Test
    void stepsWithoutAuthorityTakeNullOrDash() {
        Deadline endorsement = deadlines.deadline(DeadlineStep.ENDORSEMENT, null);

        assertThat(endorsement.authorityCode()).isEqualTo("-");
        assertThat(endorsement.dueAt()).isEqualTo(FRIDAY.plus(Duration.ofDays(4)));
        assertThat(deadlines.reminderAt("ENDORSEMENT", "-")).isEqualTo(Date.from(FRIDAY.plus(Duration.ofDays(3))));
    }

    @Test
    void duringAnEmergencyCalendarHoursCount() {
        emergencies.active("EM-DEADLINES", FRIDAY.minus(Duration.ofDays(1)), FRIDAY.plus(Duration.ofDays(30)));

        Deadline moh = deadlines.deadline(DeadlineStep.AUTHORITY_REVIEW, "MOH_FDD");

        assertThat(moh.emergency()).isTrue();
        assertThat(moh.workingTime()).isFalse();
        assertThat(moh.description()).isEqualTo("24 hours (emergency)");
        assertThat(moh.dueAt()).isEqualTo(FRIDAY.plus(Duration.ofHours(24)));
        assertThat(moh.reminderAt()).isEqualTo(FRIDAY.plus(Duration.ofHours(12)));
        assertThat(deadlines.deadline(DeadlineStep.DISTRIBUTION_REPORT, null).dueAt())
                .isEqualTo(FRIDAY.plus(Duration.ofDays(30)));
    }

    @Test
    void anEmergencyThatHasNotStartedOrHasEndedDoesNotShortenDeadlines() {
        emergencies.active("EM-LATER", FRIDAY.plus(Duration.ofDays(1)), FRIDAY.plus(Duration.ofDays(5)));
        emergencies.ended("EM-OVER", FRIDAY.minus(Duration.ofDays(5)), FRIDAY.plus(Duration.ofDays(5)));

        assertThat(deadlines.deadline(DeadlineStep.AUTHORITY_REVIEW, "MOH_FDD").emergency()).isFalse();
    }

    @Test
    void aPausedClockResumesWithTheTimeThatWasLeft() {
        Instant due = FRIDAY.plus(Duration.ofDays(4)); // Tuesday 15:00: two working days
        ClockUtil.setCurrentTime(Date.from(FRIDAY.plus(Duration.ofDays(3)))); // Monday 15:00
        Duration left = deadlines.remaining(due, true);
        assertThat(left).isEqualTo(Duration.ofDays(1));

        ClockUtil.setCurrentTime(Date.from(FRIDAY.plus(Duration.ofDays(4)))); // answered on Tuesday 15:00
        assertThat(deadlines.resume(left, true)).isEqualTo(FRIDAY.plus(Duration.ofDays(5)));
        assertThat(deadlines.resume(Duration.ofHours(6), false)).isEqualTo(FRIDAY.plus(Duration.ofHours(102)));
    }

    @Test
    void worksForAnyAuthenticatedUserWithoutDecisionPermissions() {
        identity.setAuthentication("wfp", List.of("org-wfp"));
        try {
            assertThat(deadlines.deadline(DeadlineStep.DISTRIBUTION_REPORT, null).description())
                    .isEqualTo("30 working days");
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    void anUnknownStepNamedByAModelIsRefused() {
        assertThatThrownBy(() -> deadlines.dueAt("LUNCH", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
