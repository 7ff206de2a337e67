package org.reliefclearance.identity;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/** The shared Tasklist filters every official starts from: their group's work and their own. */
@Component
class TasklistFilters {

    static final String GROUP_TASKS = "My group's tasks";
    static final String MY_TASKS = "Assigned to me";

    private final FilterService filters;
    private final TaskService tasks;

    TasklistFilters(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    /** @return the ids of the shared filters, created when missing */
    List<String> ensureFilters() {
        TaskQuery groupTasks = tasks.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks();
        TaskQuery mine = tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}");
        return List.of(
                ensure(GROUP_TASKS, groupTasks, -10, "Tasks for the groups you belong to"),
                ensure(MY_TASKS, mine, -5, "Tasks you have claimed"));
    }

    private String ensure(String name, TaskQuery query, int priority, String description) {
        Filter existing = filters.createFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            return existing.getId();
        }
        Filter filter = filters.newTaskFilter(name)
                .setOwner(null)
                .setQuery(query)
                .setProperties(Map.of("priority", priority, "description", description, "refresh", true));
        return filters.saveFilter(filter).getId();
    }
}
