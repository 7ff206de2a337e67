package org.reliefclearance.enginedoor;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.reliefclearance.registry.OfficialGroup.Role;

/**
 * Which engine REST operations each role may call at all, in front of the engine: officials their
 * tasks and forms, coordinators and process owners Cockpit's reads, process owners also deployment
 * and retries (they migrate cases only on the {@code /models} page, never here). Organisations call
 * nothing: they use the portal or {@code /api}. Administrators call
 * anything. Paths are relative to the engine, e.g. {@code task/{id}/submit-form}.
 */
final class EngineApiPaths {

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> OFFICIALS = EnumSet.complementOf(EnumSet.of(Role.ORGANISATION, Role.PROCESS_OWNER));
    private static final Set<Role> SUPERVISORS = EnumSet.of(Role.COORDINATOR, Role.PROCESS_OWNER);
    private static final Set<Role> OWNERS = EnumSet.of(Role.PROCESS_OWNER);

    private static final String ID = "[^/]+";
    private static final String DEFINITION = "process-definition/(key/" + ID + "|" + ID + ")";
    private static final String HISTORY_QUERIES = "history/(process-instance|task|activity-instance|variable-instance"
            + "|incident|job-log|detail|user-operation|decision-instance|identity-link-log|external-task-log)";

    private record Rule(Set<String> methods, Pattern path, Set<Role> roles) {

        /** A user in no registry group still has what every signed-in user has. */
        boolean allows(String method, String path, Set<Role> callerRoles) {
            return methods.contains(method) && this.path.matcher(path).matches()
                    && (roles == EVERYONE || callerRoles.stream().anyMatch(roles::contains));
        }
    }

    private static final List<Rule> RULES = List.of(
            // every signed-in user but organisations (refused above): the engine list, Tasklist's filters and
            // task list, own profile, start forms (whether one may start a process is the engine's grant)
            rule("GET", "|engine|version|identity/groups|group|group/count|user/" + ID + "/profile", EVERYONE),
            rule("GET", "filter|filter/count|filter/" + ID, EVERYONE),
            rule("GET POST", "filter/" + ID + "/(list|count|singleResult)", EVERYONE),
            rule("GET POST", "task|task/count", EVERYONE),
            rule("GET", "process-definition|process-definition/count", EVERYONE),
            rule("GET", DEFINITION + "(/(startForm|deployed-start-form|form-variables|rendered-form|xml))?", EVERYONE),
            rule("POST", DEFINITION + "/submit-form", EVERYONE),
            // officials work their tasks
            rule("GET", "task/" + ID + "(/(form|deployed-form|rendered-form|form-variables|variables(/" + ID + ")?"
                    + "|localVariables(/" + ID + ")?|identity-links|comment(/" + ID + ")?))?", OFFICIALS),
            rule("POST", "task/" + ID + "/(claim|unclaim|complete|submit-form|assignee|delegate|resolve|identity-links"
                    + "|identity-links/delete|comment/create)", OFFICIALS),
            rule("GET", "process-instance/" + ID + "(/activity-instances)?|history/.+", OFFICIALS),
            // Cockpit: coordinators follow every case, owners too
            rule("GET", ".*", SUPERVISORS),
            rule("POST", "(process-instance|execution|variable-instance|external-task|job|incident|task"
                    + "|" + HISTORY_QUERIES + ")(/count)?", SUPERVISORS),
            // process owners deploy models and retry what failed
            rule("POST", "deployment/create|deployment/" + ID + "/redeploy|job/retries|external-task/retries-async",
                    OWNERS),
            rule("PUT", "job/" + ID + "/retries|external-task/" + ID + "/retries|external-task/retries"
                    + "|incident/" + ID + "/annotation", OWNERS));

    private EngineApiPaths() {
    }

    /** OPTIONS only describes what the engine would allow; it changes nothing. */
    static boolean allowed(String method, String path, Set<Role> roles, boolean administrator) {
        if (administrator) {
            return true;
        }
        // a member of an organisation is refused whatever other group it is in: a mix is a mistake
        if (roles.contains(Role.ORGANISATION)) {
            return false;
        }
        if (method.equals("OPTIONS")) {
            return true;
        }
        return RULES.stream().anyMatch(r -> r.allows(method, path, roles));
    }

    private static Rule rule(String methods, String path, Set<Role> roles) {
        return new Rule(Set.of(methods.split(" ")), Pattern.compile(path), roles);
    }
}
