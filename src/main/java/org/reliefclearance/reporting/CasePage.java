package org.reliefclearance.reporting;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.reliefclearance.consignment.Caller;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentAccess;
import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.identity.CurrentUser;
import org.reliefclearance.registry.Organisation;
import org.reliefclearance.registry.Port;
import org.reliefclearance.registry.Registry;
import org.reliefclearance.words.Vocabulary;
import org.reliefclearance.words.Words;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * One case on a screen, for the Case tab of every Tasklist task: where it waits (whose task, until
 * when), the documents still missing and those lodged, the timeline (who decided what, when, why)
 * and the dossier PDF. The same reading rule as the API ({@link ConsignmentAccess}); officials signed
 * in to Tasklist need no second login (identity/WebappSessionAuthentication).
 */
@Controller
class CasePage {

    static final String TEMPLATE = "reports/case";
    private static final int RECENT_HOURS = 12;
    private static final int RECENT_EVENTS = 4;
    private static final int RECENT_CASES = 3;

    private final ConsignmentAccess access;
    private final CaseSummary summary;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final Registry registry;
    private final Vocabulary vocabulary;
    private final ConsignmentRepository consignments;
    private final Clock clock;

    CasePage(ConsignmentAccess access, CaseSummary summary, TaskService tasks,
             RuntimeService runtime, Registry registry, Vocabulary vocabulary, ConsignmentRepository consignments,
             Clock clock) {
        this.access = access;
        this.summary = summary;
        this.tasks = tasks;
        this.runtime = runtime;
        this.registry = registry;
        this.vocabulary = vocabulary;
        this.consignments = consignments;
        this.clock = clock;
    }

    @GetMapping(path = "/cases/{reference}", produces = MediaType.TEXT_HTML_VALUE)
    String casePage(@PathVariable String reference, Authentication authentication, Model model) {
        Consignment c = access.readable(reference, access.caller(CurrentUser.of(authentication)));
        model.addAllAttributes(summary.of(c));
        model.addAttribute("base", "/api/consignments/" + c.reference());
        return TEMPLATE;
    }

    /** The case of a task, found from the task's process: every step of a case carries its reference as business key. */
    @GetMapping(path = "/cases/task/{taskId}", produces = MediaType.TEXT_HTML_VALUE)
    String caseOfTask(@PathVariable String taskId, Authentication authentication, Model model) {
        return casePage(referenceOf(tasks.createTaskQuery().taskId(taskId).singleResult()), authentication, model);
    }

    /** The case of a process instance (Cockpit's Case tab): its business key is the reference. */
    @GetMapping(path = "/cases/process-instance/{processInstanceId}", produces = MediaType.TEXT_HTML_VALUE)
    String caseOfProcessInstance(@PathVariable String processInstanceId, Authentication authentication, Model model) {
        return casePage(referenceOfInstance(processInstanceId), authentication, model);
    }

    /** What a task card shows of its case, in the reader's words (custom/case-card.js in Tasklist). */
    record Card(String reference, String consignee, String port, String arrival, String goods, String due,
                String emergency) {
    }

    @GetMapping(path = "/cases/task/{taskId}/card", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Card card(@PathVariable String taskId, Authentication authentication, Locale locale) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        Consignment c = access.readable(referenceOf(task), access.caller(CurrentUser.of(authentication)));
        Words words = vocabulary.in(locale);
        List<ConsignmentLine> lines = consignments.lines(c.id());
        String goods = words.text("case.goods", lines.size(),
                lines.stream().map(ConsignmentLine::description).collect(Collectors.joining(", ")));
        return new Card(c.reference(), registry.organisation(c.organisationCode())
                        .map(Organisation::name).orElse(c.organisationCode()),
                words.port(c.portCode(), registry.port(c.portCode()).map(Port::name).orElse(null)),
                c.arrivedAt() != null ? words.text("case.arrived", words.time(c.arrivedAt()))
                        : words.text("case.expected", words.time(c.expectedArrival())),
                goods,
                task.getDueDate() == null ? null
                        : words.deadline(task.getDueDate().toInstant().atOffset(ZoneOffset.UTC)),
                c.emergencyCode() == null ? null : words.text("case.emergency", c.emergencyCode()));
    }

    /**
     * What came of the official's latest work, shown above the list after Complete: for each case
     * they acted on lately, what happened since (their decision and what the service did on it, the
     * release note number for instance), newest first, and what the case waits for now.
     */
    record Outcome(String reference, List<String> done, List<String> next) {
    }

    @GetMapping(path = "/cases/recent", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<Outcome> recent(Authentication authentication, Locale locale) {
        Words words = vocabulary.in(locale);
        OffsetDateTime since = OffsetDateTime.now(clock).minusHours(RECENT_HOURS);
        Map<String, OffsetDateTime> firstActed = new LinkedHashMap<>();
        consignments.recentEventsBy(authentication.getName(), since, RECENT_EVENTS)
                .forEach(e -> firstActed.merge(e.reference(), e.occurredAt(), (a, b) -> a.isBefore(b) ? a : b));
        Caller caller = access.caller(CurrentUser.of(authentication));
        return firstActed.entrySet().stream().filter(acted -> access.mayRead(acted.getKey(), caller)).limit(RECENT_CASES)
                .map(acted -> new Outcome(acted.getKey(), consignments.recentEvents(acted.getKey(), acted.getValue(),
                                RECENT_EVENTS).stream()
                        .map(e -> words.time(e.occurredAt()) + " " + words.event(e.eventType())
                                + (e.detail() == null ? "" : ": " + e.detail()))
                        .toList(),
                        summary.waiting(acted.getKey()).stream()
                                .map(w -> w.step() + " (" + w.holder() + ", " + words.deadline(w.due()) + ")").toList()))
                .toList();
    }

    private String referenceOf(Task task) {
        return referenceOfInstance(task == null ? null : task.getProcessInstanceId());
    }

    /** Every process of a case carries its reference as business key, the called reviews too. */
    private String referenceOfInstance(String processInstanceId) {
        ProcessInstance instance = processInstanceId == null ? null
                : runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        if (instance == null || instance.getBusinessKey() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No consignment behind this task or process");
        }
        return instance.getBusinessKey();
    }

}
