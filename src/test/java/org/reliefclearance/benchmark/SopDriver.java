package org.reliefclearance.benchmark;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.reliefclearance.NotificationJson;
import org.reliefclearance.clearance.ClearanceProcess;
import org.reliefclearance.review.LineMinistryReview;
import org.reliefclearance.review.ReviewDecision;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Drives one consignment through the whole SOP as its actors would: the organisation notifies and
 * reports over HTTP, officials complete their Tasklist tasks (TaskService, authenticated as a
 * member of the task's group), the port reports arrival over HTTP; the job executor runs every
 * asynchronous step in between. Three lines need three authorities' reviews (MoH FDD, MAF DoA, MTC).
 * While it waits for a step it asks the engine's tables with one plain indexed query: an engine task
 * query every 20 ms from eight drivers spent a quarter of the service's CPU on the waiting itself.
 */
final class SopDriver {

    /** Reviewing authority's group and one of its demo users. */
    static final List<List<String>> REVIEWERS = List.of(
            List.of("moh-fdd", "moh"), List.of("maf-doa", "maf"), List.of("mtc", "mtc"));

    private static final Duration WAIT_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration POLL = Duration.ofMillis(20);

    private final HttpApi api;
    private final ProcessEngine engine;
    private final JdbcClient jdbc;
    /** Read-only engine queries made while waiting: not part of the SOP's own cost. */
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong collisions = new AtomicLong();

    SopDriver(HttpApi api, ProcessEngine engine, JdbcClient jdbc) {
        this.api = api;
        this.engine = engine;
        this.jdbc = jdbc;
    }

    long polls() {
        return polls.get();
    }

    /** Medicine (MoH FDD), seeds (MAF DoA) and radios (MTC), arriving at Wattay in three days. */
    static ObjectNode threeAuthorityNotification() {
        return NotificationJson.byAirToWattay("157-12345675", NotificationJson.oralRehydrationSalts(),
                NotificationJson.vegetableSeeds(), NotificationJson.handheldRadios());
    }

    /** Runs one case from notification to closure and returns its reference. */
    String runCase() {
        String reference = api.postExpecting("wfp", "/api/consignments", threeAuthorityNotification(), 201)
                .get("reference").asText();
        completeWhenOpen(reference, ClearanceProcess.Elements.ENDORSE_REQUEST, null, "molsw", "molsw-officers",
                Map.of(ClearanceProcess.Vars.ENDORSEMENT_DECISION.name(), "ENDORSED"));
        // the lines classified, the consignee lodges what they need: the port releases nothing without it
        api.get("wfp", "/api/consignments/" + reference).path("documents").path("missing")
                .forEach(type -> api.lodge("wfp", reference, type.asText()));
        for (List<String> reviewer : REVIEWERS) {
            completeWhenOpen(reference, LineMinistryReview.Elements.REVIEW_PERMIT, reviewer.get(0), reviewer.get(1),
                    reviewer.get(0), Map.of(LineMinistryReview.Vars.REVIEW_DECISION.name(), ReviewDecision.APPROVE.name(),
                            LineMinistryReview.Vars.PERMIT_NUMBER.name(), "PERMIT-" + reference));
        }
        completeWhenOpen(reference, ClearanceProcess.Elements.DECIDE_EXEMPTION, null, "customs", "customs-hq",
                Map.of(ClearanceProcess.Vars.EXEMPTION_DECISION.name(), "FULL",
                        ClearanceProcess.Vars.EXEMPTION_LEGAL_BASIS.name(), "ORGANISATION_AGREEMENT"));
        awaitMessage(reference, ClearanceProcess.Messages.CONSIGNMENT_ARRIVED);
        api.postExpecting("port-wattay", "/api/consignments/" + reference + "/arrival", null, 200);
        completeWhenOpen(reference, ClearanceProcess.Elements.CLEAR_AT_PORT, null, "port-wattay", "customs-port-wattay",
                taskId -> {
                    Map<String, Object> release = new HashMap<>(Map.of(ClearanceProcess.Vars.CLEARANCE_DECISION.name(),
                            "RELEASE", ClearanceProcess.Vars.RELEASE_BEFORE_DECLARATION.name(), false));
                    // the form asks why when the risk assessment recommends an examination
                    if (Boolean.TRUE.equals(engine.getTaskService().getVariable(taskId,
                            ClearanceProcess.Vars.EXAMINATION_RECOMMENDED.name()))) {
                        release.put(ClearanceProcess.Vars.RELEASE_REASON.name(), "Relief as notified, seals intact");
                    }
                    return release;
                });
        awaitMessage(reference, ClearanceProcess.Messages.DISTRIBUTION_REPORTED);
        api.postExpecting("wfp", "/api/consignments/" + reference + "/distribution-report", Map.of(
                "report", "Distributed in Attapeu province",
                "distributedQuantities", List.of(Map.of("lineNo", 1, "quantity", 20000, "province", "LA-AT"),
                        Map.of("lineNo", 2, "quantity", 500, "province", "LA-AT"),
                        Map.of("lineNo", 3, "quantity", 40, "province", "LA-AT"))), 200);
        await("case " + reference + " closed", () -> jdbc.sql("select count(*) from act_ru_execution"
                + " where business_key_ = ? and id_ = proc_inst_id_").param(reference).query(Long.class).single() == 0
                ? Boolean.TRUE : null);
        return reference;
    }

    private void completeWhenOpen(String reference, String taskKey, String candidateGroup, String user, String group,
            Map<String, Object> variables) {
        completeWhenOpen(reference, taskKey, candidateGroup, user, group, task -> variables);
    }

    private void completeWhenOpen(String reference, String taskKey, String candidateGroup, String user, String group,
            Function<String, Map<String, Object>> variables) {
        String taskId = await(taskKey + " of " + reference, () -> jdbc.sql("select t.id_ from act_ru_task t"
                        + " join act_ru_execution p on p.id_ = t.proc_inst_id_"
                        + " where p.business_key_ = :reference and t.task_def_key_ = :taskKey"
                        + " and (cast(:candidateGroup as varchar) is null or exists (select 1 from act_ru_identitylink i"
                        + " where i.task_id_ = t.id_ and i.type_ = 'candidate' and i.group_id_ = :candidateGroup))")
                .param("reference", reference).param("taskKey", taskKey).param("candidateGroup", candidateGroup)
                .query(String.class).optional().orElse(null));
        // the engine's door does a completion that lost a race with another change to its case again
        // (README, "Reliability"); what still fails after its attempts, the official submits again
        for (int attempt = 1; ; attempt++) {
            engine.getIdentityService().setAuthentication(user, List.of(group));
            try {
                engine.getTaskService().complete(taskId, variables.apply(taskId));
                return;
            } catch (ProcessEngineException | NullPointerException e) {
                // a collision shows as optimistic locking, a broken deadlock or a parent execution
                // deleted meanwhile (a parallel branch ending moves the task to the case's own execution
                // between Camunda's reads of the task and of its execution: a NullPointerException in
                // its authorization check); anything else fails five times and is thrown
                if (attempt == 5 || e instanceof AuthorizationException) {
                    throw e;
                }
                collisions.incrementAndGet();
            } finally {
                engine.getIdentityService().clearAuthentication();
            }
        }
    }

    /** Completions submitted again after a collision. */
    long collisions() {
        return collisions.get();
    }

    private void awaitMessage(String reference, String message) {
        await(message + " awaited by " + reference, () -> jdbc.sql("select count(*) from act_ru_event_subscr s"
                + " join act_ru_execution p on p.id_ = s.proc_inst_id_"
                + " where p.business_key_ = ? and s.event_type_ = 'message' and s.event_name_ = ?")
                .params(reference, message).query(Long.class).single() > 0 ? Boolean.TRUE : null);
    }

    private <T> T await(String what, Supplier<T> probe) {
        return Awaitility.await(what).atMost(WAIT_TIMEOUT).pollDelay(Duration.ZERO).pollInterval(POLL).pollInSameThread()
                .until(() -> {
                    polls.incrementAndGet();
                    return probe.get();
                }, Objects::nonNull);
    }
}
