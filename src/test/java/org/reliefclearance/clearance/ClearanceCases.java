package org.reliefclearance.clearance;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.reliefclearance.clearance.api.ApiClient;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentEvent;
import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.NewConsignment;
import org.reliefclearance.documents.DocumentStore;
import org.reliefclearance.documents.DocumentsOnForms;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Test helpers: submit a notification, act as the officials of each step, run the jobs a job
 * executor would run, read the tables.
 */
public class ClearanceCases {

    /** Every {@code @ServiceTest} context has one, wired to the service's own beans. */
    @TestConfiguration
    public static class Wiring {
        @Bean
        ClearanceCases clearanceCases(ConsignmentRegistration registration, ConsignmentRepository consignments,
                                      ProcessEngine engine, DocumentStore documents, DocumentsOnForms documentsOnForms,
                                      CustomsDeclarationWorker customsWorker) {
            return new ClearanceCases(registration, consignments, engine, documents, documentsOnForms, customsWorker);
        }
    }

    public static final NewConsignment.Line MEDICINE = line("Amoxicillin 500 mg capsules", "300410", "MEDICINE", "1200", "4800");
    public static final NewConsignment.Line VACCINES = line("Measles vaccine", "300241", "VACCINE", "5000", "12000");
    public static final NewConsignment.Line SEEDS = line("Vegetable seeds for sowing", "120991", "SEEDS_PLANTS", "500", "3500");
    public static final NewConsignment.Line SATELLITE_PHONE = line("Satellite phones", "851714", "TELECOM_EQUIPMENT", "10", "9000");
    public static final NewConsignment.Line TENTS = line("Family tents", "630622", "SHELTER", "200", "30000");
    public static final NewConsignment.Line RIFLES = line("Hunting rifles", "930320", "OTHER", "5", "2500");
    public static final NewConsignment.Line LAPTOPS = line("Laptops for the field office", "847130", "OTHER", "4", "4000");
    /** Dairy: food safety (MOH_FDD) and veterinary (MAF_DLF) approval, goods-approvals.dmn. */
    public static final NewConsignment.Line MILK_POWDER = line("Skimmed milk powder", "040221", "FOOD", "800", "6400");

    /** Review process contract (line-ministry-review), as its reviewers' form submits it. */
    static final String REVIEW_TASK = "Task_ReviewPermit";

    private final ConsignmentRegistration registration;
    private final ConsignmentRepository consignments;
    private final ProcessEngine engine;
    private final DocumentStore documents;
    private final DocumentsOnForms documentsOnForms;
    private final CustomsDeclarationWorker customsWorker;

    public ClearanceCases(ConsignmentRegistration registration, ConsignmentRepository consignments, ProcessEngine engine,
                          DocumentStore documents, DocumentsOnForms documentsOnForms,
                          CustomsDeclarationWorker customsWorker) {
        this.customsWorker = customsWorker;
        this.registration = registration;
        this.consignments = consignments;
        this.engine = engine;
        this.documents = documents;
        this.documentsOnForms = documentsOnForms;
    }

    /** The consignee lodges every document the goods still need, as a consignee does before the port clears. */
    public void lodgeRequiredDocuments(ProcessInstance instance) {
        Consignment c = consignment(instance);
        List<Integer> lines = consignments.lines(c.id()).stream().map(ConsignmentLine::lineNo).toList();
        for (String type : documentsOnForms.missingFor(c, lines)) {
            documents.store(c, type, type.toLowerCase() + ".pdf", ApiClient.PDF, "consignee");
        }
        documentsOnForms.refresh(consignment(instance));
    }

    public static NewConsignment.Line line(String description, String hsCode, String category, String quantity, String value) {
        return new NewConsignment.Line(description, hsCode, category, new BigDecimal(quantity), "PCS",
                new BigDecimal(value), new BigDecimal("100"));
    }

    public static NewConsignment notification(String organisation, boolean provisional, NewConsignment.Line... lines) {
        return notificationTo("LA-VT", organisation, provisional, lines);
    }

    /** A notification of goods bound for {@code province} (ISO 3166-2:LA code). */
    public static NewConsignment notificationTo(String province, String organisation, boolean provisional,
                                                NewConsignment.Line... lines) {
        return new NewConsignment(organisation, "WATTAY", province, OffsetDateTime.now().plusDays(3), "AIR_WAYBILL",
                "AWB-" + System.nanoTime(), "ECHO", provisional, List.of(lines));
    }

    /** Submits through the one place the API uses and runs the case to its first wait state. */
    public ProcessInstance submit(NewConsignment notification) {
        String reference = registration.register(notification, "test-api", null).consignment().reference();
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(reference).processDefinitionKey(ClearanceProcess.KEY).singleResult();
        runJobs(instance);
        return instance;
    }

    /** The due jobs of the case, and the customs hand-offs the worker finds, until none is left. */
    public void runJobs(ProcessInstance instance) {
        for (int round = 0; round < 50; round++) {
            List<Job> due = engine.getManagementService().createJobQuery().rootProcessInstanceId(instance.getId())
                    .executable().messages().list();
            due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
            int handedOver = customsWorker.workOnce();
            if (due.isEmpty() && handedOver == 0) {
                return;
            }
        }
        throw new IllegalStateException("Jobs keep coming");
    }

    /** Fires the case's timer on {@code activityId} now, as if its deadline had passed. */
    public void fireTimer(ProcessInstance instance, String activityId) {
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(activityId).timers().singleResult();
        engine.getManagementService().executeJob(timer.getId());
        runJobs(instance);
    }

    /** Completes the case's open task {@code taskKey} as {@code user} of {@code group}. */
    public void complete(ProcessInstance instance, String taskKey, String user, String group, VariableMap variables) {
        complete(instance, taskKey, user, List.of(group), variables);
    }

    /** Completes the case's open task {@code taskKey} as {@code user}, a member of {@code groups}. */
    public void complete(ProcessInstance instance, String taskKey, String user, List<String> groups,
                         VariableMap variables) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(taskKey).singleResult();
        completeAs(task, user, groups, variables);
        runJobs(instance);
    }

    public void endorse(ProcessInstance instance) {
        complete(instance, ClearanceProcess.Elements.ENDORSE_REQUEST, "molsw", "molsw-officers",
                Variables.createVariables().putValue(ClearanceProcess.Vars.ENDORSEMENT_DECISION.name(), "ENDORSED"));
    }

    /** The reviewer of {@code authority} decides in its line-ministry-review instance. */
    public void review(ProcessInstance instance, String authority, String decision, List<Integer> rejectedLines, String reason) {
        ProcessInstance review = engine.getRuntimeService().createProcessInstanceQuery()
                .superProcessInstanceId(instance.getId()).variableValueEquals(ClearanceProcess.Vars.AUTHORITY.name(), authority)
                .singleResult();
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(review.getId())
                .taskDefinitionKey(REVIEW_TASK).singleResult();
        VariableMap variables = Variables.createVariables().putValue("reviewDecision", decision);
        if (rejectedLines != null) {
            variables.putValue("rejectedLines", rejectedLines);
        }
        if (reason != null) {
            variables.putValue("reviewReason", reason);
        }
        if (decision.equals("APPROVE") || decision.equals("REJECT_LINES")) {
            variables.putValue("permitNumber", authority + "-2026-0417");
        }
        if (decision.startsWith("REJECT")) {
            variables.putValue("rejectionConfirmed", "CONFIRMED");
        }
        engine.getTaskService().complete(task.getId(), variables);
        runJobs(instance);
    }

    public void decideExemption(ProcessInstance instance, String decision, Number waivedValue, String reason) {
        VariableMap variables = Variables.createVariables().putValue(ClearanceProcess.Vars.EXEMPTION_DECISION.name(), decision);
        if (!"NONE".equals(decision)) {
            variables.putValue(ClearanceProcess.Vars.EXEMPTION_LEGAL_BASIS.name(), "ORGANISATION_AGREEMENT");
        }
        if (waivedValue != null) {
            variables.putValue(ClearanceProcess.Vars.WAIVED_VALUE_USD.name(), waivedValue);
        }
        if (reason != null) {
            variables.putValue(ClearanceProcess.Vars.EXEMPTION_REASON.name(), reason);
        }
        complete(instance, ClearanceProcess.Elements.DECIDE_EXEMPTION, "customs", "customs-hq", variables);
    }

    /** A partial exemption: these taxes waived on these lines, at most {@code ceiling} if given. */
    public void decidePartialExemption(ProcessInstance instance, List<Integer> lines, List<String> taxes, Number ceiling,
                                       String reason) {
        VariableMap variables = Variables.createVariables()
                .putValue(ClearanceProcess.Vars.EXEMPTION_DECISION.name(), "PARTIAL")
                .putValue(ClearanceProcess.Vars.EXEMPTION_LEGAL_BASIS.name(), "RELIEF_ITEM_LIST")
                .putValue(ClearanceProcess.Vars.EXEMPTED_LINES.name(), lines.stream().map(String::valueOf).toList())
                .putValue(ClearanceProcess.Vars.EXEMPTED_TAXES.name(), taxes)
                .putValue(ClearanceProcess.Vars.EXEMPTION_REASON.name(), reason);
        if (ceiling != null) {
            variables.putValue(ClearanceProcess.Vars.WAIVED_VALUE_USD.name(), ceiling);
        }
        complete(instance, ClearanceProcess.Elements.DECIDE_EXEMPTION, "customs", "customs-hq", variables);
    }

    /** The goods land, their documents lodged: what most paths to the port start from. */
    public void arrive(ProcessInstance instance) {
        lodgeRequiredDocuments(instance);
        arriveWithoutDocuments(instance);
    }

    public void arriveWithoutDocuments(ProcessInstance instance) {
        engine.getRuntimeService().createMessageCorrelation(ClearanceProcess.Messages.CONSIGNMENT_ARRIVED)
                .processInstanceBusinessKey(instance.getBusinessKey())
                .setVariable(ClearanceProcess.Vars.ARRIVED_BY.name(), "port-wattay").correlate();
        runJobs(instance);
    }

    /**
     * The port officer's decision with its reason: why to examine, or why to release goods the
     * risk assessment recommends examining (a default reason when none is given).
     */
    public void clearAtPort(ProcessInstance instance, String decision, String reason) {
        VariableMap variables = Variables.createVariables().putValue(ClearanceProcess.Vars.CLEARANCE_DECISION.name(), decision);
        boolean recommended = Boolean.TRUE.equals(engine.getRuntimeService().getVariable(instance.getId(),
                ClearanceProcess.Vars.EXAMINATION_RECOMMENDED.name()));
        if ("EXAMINE".equals(decision) && reason != null) {
            variables.putValue(ClearanceProcess.Vars.EXAMINATION_REASON.name(), reason);
        } else if ("RELEASE".equals(decision) && (reason != null || recommended)) {
            variables.putValue(ClearanceProcess.Vars.RELEASE_REASON.name(),
                    reason != null ? reason : "Relief as notified, seals intact");
        }
        complete(instance, ClearanceProcess.Elements.CLEAR_AT_PORT, "port-wattay", "customs-port-wattay", variables);
    }

    /** The port releases and says what becomes of the refused lines (with a reason when advised to examine). */
    public void releaseRecordingFate(ProcessInstance instance, String fate, String reasonIfExaminationAdvised) {
        VariableMap release = Variables.createVariables()
                .putValue(ClearanceProcess.Vars.CLEARANCE_DECISION.name(), "RELEASE")
                .putValue(ClearanceProcess.Vars.REJECTED_LINES_FATE.name(), fate);
        if (Boolean.TRUE.equals(engine.getRuntimeService().getVariable(instance.getId(),
                ClearanceProcess.Vars.EXAMINATION_RECOMMENDED.name()))) {
            release.putValue(ClearanceProcess.Vars.RELEASE_REASON.name(), reasonIfExaminationAdvised);
        }
        complete(instance, ClearanceProcess.Elements.CLEAR_AT_PORT, "port-wattay", "customs-port-wattay", release);
    }

    public void reportDistribution(ProcessInstance instance, String report) {
        engine.getRuntimeService().createMessageCorrelation(ClearanceProcess.Messages.DISTRIBUTION_REPORTED)
                .processInstanceBusinessKey(instance.getBusinessKey())
                .setVariable(ClearanceProcess.Vars.DISTRIBUTION_REPORT.name(), report).correlate();
        runJobs(instance);
    }

    /** A case with only relief items (no permits), endorsed, fully exempted, arrived and released. */
    public ProcessInstance releasedWithoutPermits(boolean provisional) {
        ProcessInstance instance = submit(notification("LRC", provisional, TENTS));
        endorse(instance);
        decideExemption(instance, "FULL", null, null);
        arrive(instance);
        clearAtPort(instance, "RELEASE", null);
        return instance;
    }

    private void completeAs(Task task, String user, List<String> groups, Map<String, Object> variables) {
        engine.getIdentityService().setAuthentication(user, groups);
        try {
            engine.getTaskService().complete(task.getId(), variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    public Consignment consignment(ProcessInstance instance) {
        return consignments.findByReference(instance.getBusinessKey()).orElseThrow();
    }

    public List<ConsignmentLine> lines(ProcessInstance instance) {
        return consignments.lines(consignment(instance).id());
    }

    public List<ConsignmentEvent> events(ProcessInstance instance) {
        return consignments.events(consignment(instance).id());
    }

    public List<String> eventTypes(ProcessInstance instance) {
        return events(instance).stream().map(ConsignmentEvent::eventType).toList();
    }

    /** The user named for the first timeline entry of {@code eventType}. */
    public String actorOf(ProcessInstance instance, String eventType) {
        return events(instance).stream().filter(e -> e.eventType().equals(eventType)).findFirst().orElseThrow().actor();
    }
}
