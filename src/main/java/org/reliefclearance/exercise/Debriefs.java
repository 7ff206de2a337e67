package org.reliefclearance.exercise;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.reliefclearance.consignment.ConsignmentEvent;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.TimelineEvent;
import org.reliefclearance.identity.ServiceReads;
import org.reliefclearance.registry.OfficialGroup;
import org.reliefclearance.registry.Registry;

/**
 * A run's debrief from Camunda's history (the trainees' tasks: candidate group, due date, completion)
 * and the cases' timelines (escalations). An escalation is charged to the team whose task on that case
 * was open and past its due date when it happened (for a ministry's review, that ministry's team).
 */
public class Debriefs {

    static final Set<TimelineEvent> ESCALATIONS = EnumSet.of(TimelineEvent.REVIEW_ESCALATED,
            TimelineEvent.REVIEW_ESCALATED_TO_COORDINATORS, TimelineEvent.DECISION_ESCALATED_TO_HEAD,
            TimelineEvent.TACIT_APPROVAL);

    private final ExerciseRuns runs;
    private final HistoryService history;
    private final ServiceReads reads;
    private final ConsignmentRepository consignments;
    private final Registry registry;
    private final Clock clock;

    Debriefs(ExerciseRuns runs, HistoryService history, ServiceReads reads, ConsignmentRepository consignments,
             Registry registry, Clock clock) {
        this.runs = runs;
        this.history = history;
        this.reads = reads;
        this.consignments = consignments;
        this.registry = registry;
        this.clock = clock;
    }

    public List<ExerciseRuns.Run> runs() {
        return runs.all();
    }

    public Optional<Debrief> of(long runId) {
        return runs.find(runId).map(run -> reads.read(() -> debrief(run)));
    }

    private Debrief debrief(ExerciseRuns.Run run) {
        Instant now = run.simulatedEnd() != null ? run.simulatedEnd().toInstant() : clock.instant();
        List<String> references = runs.cases(run.id()).stream().map(ExerciseRuns.Case::reference).toList();
        List<HistoricTaskInstance> tasks = references.isEmpty() ? List.of()
                : history.createHistoricTaskInstanceQuery().processInstanceBusinessKeyIn(references.toArray(String[]::new))
                        .orderByHistoricActivityInstanceStartTime().asc().list();
        Map<String, String> groupOf = new HashMap<>();
        tasks.forEach(t -> groupOf.put(t.getId(), group(t)));

        Map<String, Debrief.Team> teams = new LinkedHashMap<>();
        Map<String, Integer> decisions = new HashMap<>();
        Map<String, Debrief.Wait> waits = new LinkedHashMap<>();
        for (HistoricTaskInstance t : tasks) {
            String group = groupOf.get(t.getId());
            Instant started = t.getStartTime().toInstant();
            Instant ended = t.getEndTime() == null ? null : t.getEndTime().toInstant();
            Instant due = t.getDueDate() == null ? null : t.getDueDate().toInstant();
            boolean completed = ended != null && "completed".equals(t.getDeleteReason());
            boolean late = completed && due != null && ended.isAfter(due);
            boolean open = ended == null;
            boolean openOverdue = open && due != null && now.isAfter(due);
            int reopened = 0;
            if (completed) {
                String decision = t.getProcessInstanceId() + "/" + t.getTaskDefinitionKey();
                reopened = decisions.merge(decision, 1, Integer::sum) > 1 ? 1 : 0;
            }
            add(teams, new Debrief.Team(group, role(group), completed ? 1 : 0, completed && !late ? 1 : 0, late ? 1 : 0,
                    open ? 1 : 0, openOverdue ? 1 : 0, 0, reopened));
            Duration waited = Duration.between(started, ended == null ? now : ended);
            waits.merge(t.getName() + "|" + group, new Debrief.Wait(t.getName(), group, 1, waited),
                    (a, b) -> new Debrief.Wait(a.step(), a.group(), a.tasks() + 1, a.total().plus(b.total())));
        }
        for (String reference : references) {
            consignments.findByReference(reference).ifPresent(c -> {
                for (ConsignmentEvent e : consignments.events(c.id())) {
                    if (isEscalation(e.eventType())) {
                        String group = chargedTo(e, reference, tasks, groupOf);
                        add(teams, new Debrief.Team(group, role(group), 0, 0, 0, 0, 0, 1, 0));
                    }
                }
            });
        }
        List<Debrief.Team> rows = new ArrayList<>(teams.values());
        rows.sort(Comparator.comparing(Debrief.Team::group));
        Debrief.Team total = rows.stream().reduce(new Debrief.Team("", "", 0, 0, 0, 0, 0, 0, 0), Debrief.Team::plus);
        List<Debrief.Wait> byTime = new ArrayList<>(waits.values());
        byTime.sort(Comparator.comparing(Debrief.Wait::total).reversed());
        return new Debrief(run, rows, byTime, total);
    }

    private static boolean isEscalation(String eventType) {
        return ESCALATIONS.stream().anyMatch(e -> e.name().equals(eventType));
    }

    private String chargedTo(ConsignmentEvent e, String reference, List<HistoricTaskInstance> tasks,
                             Map<String, String> groupOf) {
        Instant at = e.occurredAt().toInstant();
        Optional<String> authorityGroup = Optional.ofNullable(e.authorityCode()).flatMap(registry::authority)
                .map(a -> a.groupId());
        if (authorityGroup.isPresent()) {
            return authorityGroup.get();
        }
        return tasks.stream()
                .filter(t -> reference.equals(businessKey(t)))
                .filter(t -> !t.getStartTime().toInstant().isAfter(at))
                .filter(t -> t.getEndTime() == null || !t.getEndTime().toInstant().isBefore(at))
                .filter(t -> t.getDueDate() != null && !t.getDueDate().toInstant().isAfter(at))
                .map(t -> groupOf.get(t.getId()))
                .findFirst().orElse("?");
    }

    private String businessKey(HistoricTaskInstance t) {
        var instance = history.createHistoricProcessInstanceQuery().processInstanceId(t.getProcessInstanceId())
                .singleResult();
        return instance == null ? null : instance.getBusinessKey();
    }

    /** The team the task was offered to: its first candidate group (a head group added later is an escalation). */
    private String group(HistoricTaskInstance t) {
        return history.createHistoricIdentityLinkLogQuery().taskId(t.getId()).type(IdentityLinkType.CANDIDATE)
                .orderByTime().asc().list().stream().map(HistoricIdentityLinkLog::getGroupId)
                .filter(g -> g != null).findFirst()
                .orElse(t.getAssignee() == null ? "?" : "user " + t.getAssignee());
    }

    private String role(String group) {
        return registry.groups().stream().filter(g -> g.id().equals(group)).map(OfficialGroup::role)
                .map(Enum::name).findFirst().orElse("");
    }

    private static void add(Map<String, Debrief.Team> teams, Debrief.Team row) {
        teams.merge(row.group(), row, Debrief.Team::plus);
    }
}
