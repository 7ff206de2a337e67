package org.reliefclearance.reporting;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.registry.OfficialGroup;
import org.reliefclearance.registry.Registry;
import org.springframework.stereotype.Component;

/**
 * One case as people follow it on screen, officials in Tasklist's Case tab and organisations in
 * their portal: what the dossier shows (notification, lines, reviews, timeline, documents, the
 * missing-document checklist, releases) and where the case waits now.
 */
@Component
public class CaseSummary {

    private final DossierPdf dossier;
    private final TaskService tasks;
    private final Registry registry;

    CaseSummary(DossierPdf dossier, TaskService tasks, Registry registry) {
        this.dossier = dossier;
        this.tasks = tasks;
        this.registry = registry;
    }

    /** A task open on the case: waiting at which step, for which group or official, until when. */
    public record Waiting(String step, String holder, OffsetDateTime due) {
    }

    /** The page model: the dossier's and {@code waiting}. */
    public Map<String, Object> of(Consignment c) {
        Map<String, Object> model = new HashMap<>(dossier.model(c));
        model.put("waiting", waiting(c.reference()));
        return model;
    }

    /** The case's clearance dossier as PDF, in the reader's language. */
    public byte[] dossier(Consignment c, java.util.Locale locale) {
        return dossier.render(c, locale);
    }

    /** Every open task of the case, the ministries' called reviews included (they carry its reference), soonest due first. */
    public List<Waiting> waiting(String reference) {
        Map<String, String> groupNames = registry.groups().stream()
                .collect(Collectors.toMap(OfficialGroup::id, OfficialGroup::name));
        return tasks.createTaskQuery().processInstanceBusinessKey(reference).active().list().stream()
                .sorted(Comparator.comparing(Task::getDueDate, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(t -> new Waiting(t.getName(), holder(t, groupNames),
                        t.getDueDate() == null ? null : t.getDueDate().toInstant().atOffset(ZoneOffset.UTC)))
                .toList();
    }

    private String holder(Task task, Map<String, String> groupNames) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .map(g -> groupNames.getOrDefault(g, g))
                .collect(Collectors.joining(", "));
    }
}
