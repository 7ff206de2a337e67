package org.reliefclearance.identity;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters every official starts from: their group's work, their own and what is
 * overdue, soonest due first, each card naming the case (reference, consignee, port, arrival).
 */
@Component
class TasklistFilters {

    static final String GROUP_TASKS = "My group's tasks";
    static final String MY_TASKS = "Assigned to me";
    static final String OVERDUE = "Overdue";
    static final String DUE_TODAY = "Due today / ຄົບກຳນົດມື້ນີ້";
    static final String URGENT = "Emergency / ສຸກເສີນ";
    /** task-priority.dmn gives a national emergency's work this priority or more. */
    static final int EMERGENCY_PRIORITY = 90;

    /** What a card shows of its case: the clearance's variable names, and the review's where they differ. */
    private static final List<Map<String, String>> CARD_VARIABLES = List.of(
            Map.of("name", "consignmentReference", "label", "Reference / ເລກອ້າງອີງ"),
            Map.of("name", "organisationName", "label", "Consignee / ຜູ້ຮັບ"),
            Map.of("name", "organisation", "label", "Consignee / ຜູ້ຮັບ"),
            Map.of("name", "portName", "label", "Port / ດ່ານ"),
            Map.of("name", "port", "label", "Port / ດ່ານ"),
            Map.of("name", "expectedArrival", "label", "Expected arrival / ຄາດວ່າຈະມາຮອດ"),
            Map.of("name", "linesToRelease", "label", "Lines to release / ລາຍການຈະປ່ອຍ"));

    private final FilterService filters;
    private final TaskService tasks;

    TasklistFilters(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    /** @return the ids of the shared filters, created when missing */
    List<String> ensureFilters() {
        TaskQuery groupTasks = soonestFirst(tasks.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks());
        TaskQuery mine = soonestFirst(tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        TaskQuery overdue = soonestFirst(tasks.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks()
                .dueBeforeExpression("${now()}"));
        TaskQuery dueToday = soonestFirst(tasks.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks()
                .dueBeforeExpression("${deadlines.endOfToday()}"));
        TaskQuery emergency = soonestFirst(tasks.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks()
                .taskMinPriority(EMERGENCY_PRIORITY));
        return List.of(
                ensure(GROUP_TASKS, groupTasks, -10, "Tasks for the groups you belong to, soonest due first"),
                ensure(MY_TASKS, mine, -5, "Tasks you have claimed, soonest due first"),
                ensure(DUE_TODAY, dueToday, -3, "Your groups' tasks due by the end of today, overdue ones included"),
                ensure(OVERDUE, overdue, 0, "Your groups' tasks past their deadline"),
                ensure(URGENT, emergency, 2, "Your groups' tasks for a national emergency (task-priority.dmn)"));
    }

    private static TaskQuery soonestFirst(TaskQuery query) {
        return query.orderByDueDate().asc().orderByTaskPriority().desc().orderByTaskCreateTime().asc();
    }

    /** Creates the filter, or brings an existing one (from an earlier version) up to date. */
    private String ensure(String name, TaskQuery query, int priority, String description) {
        Filter existing = filters.createFilterQuery().filterName(name).singleResult();
        Filter filter = existing != null ? existing : filters.newTaskFilter(name).setOwner(null);
        filter.setQuery(query).setProperties(Map.of("priority", priority, "description", description, "refresh", true,
                "variables", CARD_VARIABLES));
        return filters.saveFilter(filter).getId();
    }
}
