package org.reliefclearance.consignment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Test helpers: submit a notification, run the jobs a job executor would run, read the tables. */

class ClearanceCases {

    static final NewConsignment.Line MEDICINE = line("Amoxicillin 500 mg capsules", "300410", "MEDICINE", "1200", "4800");
    static final NewConsignment.Line SEEDS = line("Rice seeds for replanting", "100610", "SEEDS_PLANTS", "500", "3500");
    static final NewConsignment.Line SATELLITE_PHONE = line("Satellite phones", "851714", "TELECOM_EQUIPMENT", "10", "9000");
    static final NewConsignment.Line TENTS = line("Family tents", "630622", "SHELTER", "200", "30000");
    static final NewConsignment.Line BLANKETS = line("Blankets", "630140", "HOUSEHOLD_ITEMS", "1000", "8000");
    static final NewConsignment.Line RIFLES = line("Hunting rifles", "930320", "OTHER", "5", "2500");
    static final NewConsignment.Line LAPTOPS = line("Laptops for the field office", "847130", "OTHER", "4", "4000");

    private final ConsignmentRegistration registration;
    private final ConsignmentRepository consignments;
    private final RuntimeService runtime;
    private final ManagementService management;

    ClearanceCases(ConsignmentRegistration registration, ConsignmentRepository consignments, RuntimeService runtime,
                   ManagementService management) {
        this.registration = registration;
        this.consignments = consignments;
        this.runtime = runtime;
        this.management = management;
    }

    static NewConsignment.Line line(String description, String hsCode, String category, String quantity, String value) {
        return new NewConsignment.Line(description, hsCode, category, new BigDecimal(quantity), "PCS",
                new BigDecimal(value), new BigDecimal("100"));
    }

    static NewConsignment notification(String organisation, boolean provisional, NewConsignment.Line... lines) {
        return new NewConsignment(organisation, "WATTAY", OffsetDateTime.now().plusDays(3), "AIR_WAYBILL",
                "AWB-" + System.nanoTime(), "ECHO", provisional, List.of(lines));
    }

    /** Submits through the one place the API uses and runs the case to its first wait state. */
    ProcessInstance submit(NewConsignment notification) {
        String reference = registration.register(notification, "test-api", null).consignment().reference();
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(ClearanceProcess.KEY).singleResult();
        runJobs(instance);
        return instance;
    }

    /** Executes due jobs (async continuations) of the case and its called reviews until none is left. */
    void runJobs(ProcessInstance instance) {
        for (int round = 0; round < 50; round++) {
            List<Job> due = management.createJobQuery().rootProcessInstanceId(instance.getId())
                    .executable().messages().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new IllegalStateException("Jobs keep coming");
    }

    List<String> family(String processInstanceId) {
        List<String> ids = new ArrayList<>(List.of(processInstanceId));
        for (ProcessInstance sub : runtime.createProcessInstanceQuery().superProcessInstanceId(processInstanceId).list()) {
            ids.addAll(family(sub.getId()));
        }
        return ids;
    }

    Consignment consignment(ProcessInstance instance) {
        return consignments.findByReference(instance.getBusinessKey()).orElseThrow();
    }

    List<ConsignmentLine> lines(ProcessInstance instance) {
        return consignments.lines(consignment(instance).id());
    }

    List<ConsignmentEvent> events(ProcessInstance instance) {
        return consignments.events(consignment(instance).id());
    }

    List<String> eventTypes(ProcessInstance instance) {
        return events(instance).stream().map(ConsignmentEvent::eventType).toList();
    }
}
