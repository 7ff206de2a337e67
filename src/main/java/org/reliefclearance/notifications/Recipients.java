package org.reliefclearance.notifications;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.reliefclearance.identity.ServiceReads;
import org.reliefclearance.identity.UserProfile;
import org.reliefclearance.identity.UserProfiles;
import org.reliefclearance.registry.OfficialGroup;
import org.reliefclearance.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who receives a notification, as users with an e-mail address: a group's members, an organisation's
 * members, every official, the holders of a process instance's open tasks. A user without an address
 * is left out (and logged): there is nowhere to send to.
 */
@Component
class Recipients {

    private static final Logger log = LoggerFactory.getLogger(Recipients.class);

    /** An open task and who holds it: its assignee, else the members of its candidate groups. */
    record Holders(String taskId, List<UserProfile> users) {
    }

    private final UserProfiles profiles;
    private final Registry registry;
    private final TaskService tasks;
    private final ServiceReads service;

    Recipients(UserProfiles profiles, Registry registry, TaskService tasks, ServiceReads service) {
        this.profiles = profiles;
        this.registry = registry;
        this.tasks = tasks;
        this.service = service;
    }

    /** The users named and the members of the groups named, each once. */
    List<UserProfile> of(Collection<String> userIds, Collection<String> groupIds) {
        Set<String> ids = new LinkedHashSet<>();
        userIds.stream().filter(id -> id != null && !id.isBlank()).forEach(ids::add);
        groupIds.stream().filter(id -> id != null && !id.isBlank()).forEach(group -> ids.addAll(profiles.membersOf(group)));
        List<UserProfile> found = new ArrayList<>();
        for (String id : ids) {
            Optional<UserProfile> profile = profiles.find(id);
            if (profile.isPresent() && profile.get().hasEmail()) {
                found.add(profile.get());
            } else {
                log.debug("User '{}' has no e-mail address: not notified", id);
            }
        }
        return found;
    }

    /** The members of the organisation's group. */
    List<UserProfile> organisation(String organisationCode) {
        return registry.organisation(organisationCode)
                .map(o -> of(List.of(), List.of(o.groupId())))
                .orElse(List.of());
    }

    /** The members of every official group of the registry (every group but the organisations'). */
    List<UserProfile> officials() {
        return of(List.of(), registry.groups().stream().filter(g -> g.role() != OfficialGroup.Role.ORGANISATION)
                .map(OfficialGroup::id).toList());
    }

    /** The open tasks of a process instance and their holders. */
    List<Holders> holdersOfOpenTasks(String processInstanceId) {
        Map<String, Held> open = service.read(() -> {
            Map<String, Held> byTask = new LinkedHashMap<>();
            for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).active().list()) {
                Held held = new Held(new ArrayList<>(), new ArrayList<>());
                if (task.getAssignee() != null) {
                    held.users().add(task.getAssignee());
                } else {
                    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                            held.groups().add(link.getGroupId());
                        } else if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                            held.users().add(link.getUserId());
                        }
                    }
                }
                byTask.put(task.getId(), held);
            }
            return byTask;
        });
        List<Holders> holders = new ArrayList<>();
        open.forEach((taskId, held) -> holders.add(new Holders(taskId, of(held.users(), held.groups()))));
        return holders;
    }

    private record Held(List<String> users, List<String> groups) {
    }

    /** The first open task of a process instance, if any (a link resolved when the mail is sent). */
    Optional<String> openTask(String processInstanceId) {
        return service.read(() -> tasks.createTaskQuery().processInstanceId(processInstanceId).active()
                .orderByTaskCreateTime().desc().list().stream().findFirst().map(Task::getId));
    }
}
