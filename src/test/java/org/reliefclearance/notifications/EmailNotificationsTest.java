package org.reliefclearance.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reliefclearance.clearance.ClearanceCases.MEDICINE;
import static org.reliefclearance.clearance.ClearanceCases.VACCINES;
import static org.reliefclearance.clearance.ClearanceCases.notification;

import java.util.List;
import java.util.Map;

import jakarta.mail.util.StreamProvider;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.ClearanceCases;
import org.reliefclearance.clearance.ClearanceProcess;
import org.reliefclearance.emergency.EmergencyFixture;
import org.reliefclearance.emergency.NationalEmergency;
import org.reliefclearance.review.LineMinistryReview;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every event's mail arrives over real SMTP at the right people, in their language (moh and
 * laoredcross read Lao, the others English), with the link to the task in Tasklist or the case in the
 * organisation portal, and with nothing its recipient may not see: an official reads reference, step
 * and deadline; an organisation only its own consignment.
 */
@ServiceTest
class EmailNotificationsTest {

    static final String TASKLIST = "http://localhost:8080/camunda/app/tasklist/default/#/?task=";
    static final String PORTAL = "http://localhost:8080/portal/consignments/";

    @Autowired
    ClearanceCases cases;
    @Autowired
    ProcessEngine engine;
    @Autowired
    NotificationSender sender;
    @Autowired
    JdbcClient jdbc;

    final TestMailServer mail = TestMailServer.shared();

    /**
     * Every test class shares one engine, and notifications are off in tests: the mails other tests
     * queued would fill the sender's rounds before this test's own, and the emergencies they
     * declared and removed free their codes for reuse, whose notifications would then count as
     * already written. Each test starts from an empty outbox.
     */
    @BeforeEach
    void emptyTheOutbox() {
        jdbc.sql("delete from notification").update();
    }

    @AfterEach
    void endEmergencies() {
        new EmergencyFixture(jdbc).removeAll(engine.getRuntimeService());
    }

    @Test
    void aNewTaskIsMailedToEachMemberOfItsGroupInTheirLanguageWithItsLinkAndNoCaseData() {
        ProcessInstance instance = cases.submit(notification("WFP", false, MEDICINE));
        String reference = instance.getBusinessKey();
        Task endorse = task(instance, ClearanceProcess.Elements.ENDORSE_REQUEST);
        sender.sendDue();

        List<TestMailServer.Mail> toMolsw = about(reference, "molsw@relief.test");
        assertThat(toMolsw).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo(reference + ": new task, Endorse request");
            assertThat(m.text()).contains("Dear Somphone,", "Reference: " + reference, "Step: Endorse request",
                    "Deadline: by ", TASKLIST + endorse.getId());
            assertThat(m.html()).contains("href=\"" + TASKLIST + endorse.getId() + "\"");
        });
        // only the endorsing group: no other official, no organisation hears of this task
        assertThat(mail.about(reference)).extracting(TestMailServer.Mail::to).containsOnly("molsw@relief.test");

        cases.endorse(instance);
        sender.sendDue();

        ProcessInstance review = review(instance, "MOH_FDD");
        Task reviewTask = engine.getTaskService().createTaskQuery().processInstanceId(review.getId()).singleResult();
        // the Ministry of Health's officials (moh reads Lao; its head is a member of the group too)
        for (String official : List.of("moh@relief.test", "moh-head@relief.test")) {
            assertThat(about(reference, official)).filteredOn(m -> m.text().contains(reviewTask.getId()))
                    .singleElement().satisfies(m -> {
                        assertThat(m.all()).contains(TASKLIST + reviewTask.getId());
                        assertThat(m.all()).doesNotContain("World Food Programme", "Amoxicillin", "WFP", "4800");
                    });
        }
        assertThat(about(reference, "moh@relief.test")).filteredOn(m -> m.text().contains(reviewTask.getId()))
                .singleElement().satisfies(m -> {
                    assertThat(m.subject()).isEqualTo(reference + ": ວຽກໃໝ່, ພິຈາລະນາໃບອະນຸຍາດ");
                    assertThat(m.text()).contains("ຮຽນ Malaythong,", "ຂັ້ນຕອນ: ພິຈາລະນາໃບອະນຸຍາດ", "ກຳນົດ: ພາຍໃນ ");
                    assertThat(m.html()).contains("lang=\"lo\"");
                });
        assertThat(about(reference, "customs@relief.test")).singleElement()
                .satisfies(m -> assertThat(m.subject()).isEqualTo(reference + ": new task, Decide exemption"));
        assertThat(mail.about(reference)).extracting(TestMailServer.Mail::to)
                .doesNotContain("wfp@relief.test", "laoredcross@relief.test", "mtc@relief.test");
    }

    @Test
    void theHalfTimeReminderAndTheEscalationReachTheHoldersAndTheHeadOfTheAuthority() {
        ProcessInstance instance = cases.submit(notification("WFP", false, MEDICINE));
        String reference = instance.getBusinessKey();
        cases.endorse(instance);
        ProcessInstance review = review(instance, "MOH_FDD");
        Task reviewTask = engine.getTaskService().createTaskQuery().processInstanceId(review.getId()).singleResult();
        // moh claimed the review: the reminder is for moh alone
        engine.getTaskService().claim(reviewTask.getId(), "moh");
        sender.sendDue();

        fireTimer(instance, review, LineMinistryReview.Elements.REMINDER_DUE);
        sender.sendDue();

        assertThat(mail.about(reference)).filteredOn(m -> m.subject().contains("ແຈ້ງເຕືອນ") || m.subject().contains("reminder"))
                .singleElement().satisfies(m -> {
                    assertThat(m.to()).isEqualTo("moh@relief.test");
                    assertThat(m.subject()).startsWith(reference + ": ແຈ້ງເຕືອນ, ການພິຈາລະນາຄົບກຳນົດ ພາຍໃນ ");
                    assertThat(m.text()).contains(TASKLIST + reviewTask.getId(), "ກະຊວງ: ");
                    assertThat(m.all()).doesNotContain("World Food Programme", "Amoxicillin");
                });

        fireTimer(instance, review, LineMinistryReview.Elements.REVIEW_OVERDUE);
        Task headTask = engine.getTaskService().createTaskQuery().processInstanceId(review.getId())
                .taskDefinitionKey(LineMinistryReview.Elements.DECIDE_OVERDUE_REVIEW).singleResult();
        sender.sendDue();

        List<TestMailServer.Mail> escalated = mail.about(reference).stream()
                .filter(m -> m.subject().contains("review overdue") || m.subject().contains("ການພິຈາລະນາກາຍກຳນົດ")).toList();
        assertThat(escalated).extracting(TestMailServer.Mail::to)
                .containsExactlyInAnyOrder("moh@relief.test", "moh-head@relief.test");
        assertThat(escalated).allSatisfy(m -> assertThat(m.text()).contains(TASKLIST + headTask.getId()));
        // the head also hears of the task it now holds
        assertThat(about(reference, "moh-head@relief.test")).filteredOn(m -> m.text().contains("Decide overdue review"))
                .singleElement().satisfies(m -> assertThat(m.text()).contains(TASKLIST + headTask.getId()));
    }

    @Test
    void theConsigneeHearsOfTheMinistrysQuestionInItsPortalAndNoOtherOrganisationDoes() {
        ProcessInstance instance = cases.submit(notification("WFP", false, MEDICINE));
        String reference = instance.getBusinessKey();
        cases.endorse(instance);
        ProcessInstance review = review(instance, "MOH_FDD");
        Task reviewTask = engine.getTaskService().createTaskQuery().processInstanceId(review.getId()).singleResult();
        engine.getTaskService().complete(reviewTask.getId(), Variables.createVariables()
                .putValue(LineMinistryReview.Vars.REVIEW_DECISION.name(), "REQUEST_INFORMATION")
                .putValue(LineMinistryReview.Vars.INFORMATION_REQUEST.name(), "Send the certificate of analysis of line 1"));
        cases.runJobs(instance);
        sender.sendDue();

        assertThat(about(reference, "wfp@relief.test")).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo(reference + ": Food and Drug Department, Ministry of Health asks for information");
            assertThat(m.text()).contains("Dear Anna,", "Question: Send the certificate of analysis of line 1",
                    "Answer: by ", PORTAL + reference);
        });
        assertThat(mail.about(reference)).extracting(TestMailServer.Mail::to).doesNotContain("laoredcross@relief.test");
    }

    @Test
    void theConsigneeHearsWhichOfItsLinesWereRejectedAndWhy() {
        ProcessInstance instance = cases.submit(notification("WFP", false, MEDICINE, VACCINES));
        String reference = instance.getBusinessKey();
        cases.endorse(instance);
        cases.review(instance, "MOH_FDD", "REJECT_LINES", List.of(2), "Cold chain not documented");
        sender.sendDue();

        assertThat(about(reference, "wfp@relief.test")).filteredOn(m -> m.subject().contains("rejected"))
                .singleElement().satisfies(m -> {
                    assertThat(m.subject()).isEqualTo(reference + ": Food and Drug Department, Ministry of Health rejected lines");
                    assertThat(m.text()).contains("Lines: 2 Measles vaccine", "Reason: Cold chain not documented",
                            PORTAL + reference);
                    assertThat(m.text()).doesNotContain("1 Amoxicillin");
                });
        assertThat(mail.about(reference)).extracting(TestMailServer.Mail::to).doesNotContain("laoredcross@relief.test");
    }

    @Test
    void aReleaseAndThePassedDeclarationDeadlineReachTheConsigneeInLaoAndNeverAnotherOrganisation() {
        ProcessInstance instance = cases.releasedWithoutPermits(true);
        String reference = instance.getBusinessKey();
        String releaseNumber = jdbc.sql("select l.release_number from consignment_line l join consignment c"
                + " on c.id = l.consignment_id where c.reference = ?").param(reference).query(String.class).single();
        sender.sendDue();

        assertThat(about(reference, "laoredcross@relief.test")).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo(reference + ": ປ່ອຍແລ້ວ, ໃບປ່ອຍສິນຄ້າ " + releaseNumber);
            assertThat(m.text()).contains("ຮຽນ Bouasone,", "ລາຍການ: 1 Family tents", PORTAL + reference);
        });
        // the other organisation never hears of the Lao Red Cross's consignment
        assertThat(mail.to("wfp@relief.test")).noneMatch(m -> m.all().contains(reference) || m.all().contains("Family tents"));

        cases.fireTimer(instance, ClearanceProcess.Elements.DECLARATION_OVERDUE);
        sender.sendDue();

        assertThat(about(reference, "laoredcross@relief.test")).filteredOn(m -> m.subject().contains("ກາຍກຳນົດ"))
                .singleElement().satisfies(m -> {
                    assertThat(m.subject()).isEqualTo(reference + ": ກາຍກຳນົດການແຈ້ງພາສີແລ້ວ");
                    assertThat(m.text()).contains(PORTAL + reference);
                });
        assertThat(mail.to("wfp@relief.test")).noneMatch(m -> m.all().contains(reference));
    }

    @Test
    void anEmergencyDeclaredAndEndedReachesEveryOfficialAndNoOrganisation() {
        ProcessInstance declared = declareEmergency("Floods in Attapeu (notification test)");
        String code = declared.getBusinessKey();
        sender.sendDue();
        assertThat(mail.about("Floods in Attapeu (notification test)"))
                .as("Customs HQ hears when it comes into force, not before")
                .noneMatch(m -> m.subject().startsWith("Emergency in force"));

        // its start is reached: Customs HQ, and only Customs HQ, is told it is in force and where
        org.camunda.bpm.engine.runtime.Job starts = engine.getManagementService().createJobQuery()
                .processInstanceId(declared.getId()).activityId(NationalEmergency.Elements.EMERGENCY_STARTS).singleResult();
        engine.getManagementService().executeJob(starts.getId());
        sender.sendDue();
        assertThat(mail.about("Floods in Attapeu (notification test)"))
                .filteredOn(m -> m.subject().startsWith("Emergency in force") || m.subject().startsWith("ພາວະສຸກເສີນມີຜົນ"))
                .singleElement().satisfies(m -> {
                    assertThat(m.to()).isEqualTo("customs@relief.test");
                    assertThat(m.text()).contains("Provinces covered: Attapeu", code);
                });

        List<TestMailServer.Mail> declaredMails = mail.about("Floods in Attapeu (notification test)").stream()
                .filter(m -> m.subject().startsWith("National emergency declared") || m.subject().startsWith("ປະກາດ")).toList();
        assertThat(declaredMails).extracting(TestMailServer.Mail::to).contains("molsw@relief.test", "customs@relief.test",
                "port-thanaleng@relief.test", "moh@relief.test", "mtc-head@relief.test", "coordinator@relief.test",
                "owner@relief.test").doesNotContain("wfp@relief.test", "laoredcross@relief.test")
                .doesNotHaveDuplicates();
        assertThat(declaredMails).filteredOn(m -> m.to().equals("customs@relief.test")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("Emergency: Floods in Attapeu (notification test) (" + code + ")",
                        "Period: ", "Open Tasklist"));
        assertThat(declaredMails).filteredOn(m -> m.to().equals("moh@relief.test")).singleElement()
                .satisfies(m -> assertThat(m.subject()).isEqualTo("ປະກາດພາວະສຸກເສີນແຫ່ງຊາດ: Floods in Attapeu (notification test)"));

        Task end = engine.getTaskService().createTaskQuery().processInstanceId(declared.getId()).singleResult();
        engine.getIdentityService().setAuthentication("molsw", List.of("molsw-officers"));
        try {
            engine.getTaskService().complete(end.getId(), Map.of(NationalEmergency.Vars.EMERGENCY_ACTION.name(), "END",
                    NationalEmergency.Vars.END_REASON.name(), "Waters receded"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        sender.sendDue();

        assertThat(mail.about("Floods in Attapeu (notification test)"))
                .filteredOn(m -> m.subject().startsWith("National emergency ended"))
                .extracting(TestMailServer.Mail::to).contains("customs@relief.test", "coordinator@relief.test")
                .doesNotContain("wfp@relief.test", "laoredcross@relief.test").doesNotHaveDuplicates();
    }

    private ProcessInstance declareEmergency(String name) {
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(NationalEmergency.KEY).latestVersion().singleResult().getId();
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Vientiane")).withNano(0).withSecond(0);
        engine.getIdentityService().setAuthentication("molsw", List.of("molsw-officers"));
        try {
            return engine.getFormService().submitStartForm(definitionId, Map.of(
                    NationalEmergency.Vars.EMERGENCY_NAME.name(), name,
                    NationalEmergency.Vars.PROVINCES.name(), List.of("LA-AT"),
                    NationalEmergency.Vars.EMERGENCY_STARTS_AT.name(), now.minusHours(1).toOffsetDateTime().toString(),
                    NationalEmergency.Vars.EMERGENCY_ENDS_AT.name(), now.plusDays(5).toOffsetDateTime().toString()));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    @Test
    void jakartaMailIsToldItsStreamProviderSoItDoesNotScanTheClasspathForEachMail() {
        assertThat(System.getProperty(StreamProvider.class.getName())).isEqualTo(NotificationSender.STREAM_PROVIDER);
        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(NotificationSender.STREAM_PROVIDER);
    }

    private List<TestMailServer.Mail> about(String reference, String to) {
        return mail.about(reference).stream().filter(m -> m.to().equals(to)).toList();
    }

    private Task task(ProcessInstance instance, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
                .singleResult();
    }

    private ProcessInstance review(ProcessInstance instance, String authority) {
        return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId())
                .variableValueEquals(LineMinistryReview.Vars.AUTHORITY.name(), authority).singleResult();
    }

    /** Fires a timer of the review now and runs what follows (the case's jobs include its reviews'). */
    private void fireTimer(ProcessInstance instance, ProcessInstance review, String activityId) {
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(review.getId())
                .activityId(activityId).timers().singleResult();
        engine.getManagementService().executeJob(timer.getId());
        cases.runJobs(instance);
    }
}
