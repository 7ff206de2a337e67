package org.reliefclearance.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.reliefclearance.clearance.ClearanceProcess;
import org.reliefclearance.identity.ServiceReads;
import org.reliefclearance.reporting.KpiQueries.ArrivedConsignment;
import org.reliefclearance.reporting.KpiReport.CauseTime;
import org.reliefclearance.reporting.KpiReport.PortDwell;
import org.springframework.stereotype.Component;

/**
 * Dwell at the border: from the goods' real arrival to their release (or to now while they wait),
 * split by what they waited for. The clearance model names, on each step that holds goods, what it
 * waits for ({@code waitingFor} property, e.g. {@code MINISTRY_REVIEW}); a process owner tags a new
 * step in Modeler. Time in no tagged step (the service's own steps) counts as {@link #OTHER}.
 */
@Component
class DwellTimes {

    static final String WAITING_FOR = "waitingFor";
    static final String OTHER = "OTHER";

    private final KpiQueries queries;
    private final HistoryService history;
    private final RepositoryService repository;
    private final ServiceReads reads;
    private final Clock clock;
    private final Map<String, Map<String, String>> causesByDefinition = new ConcurrentHashMap<>();

    DwellTimes(KpiQueries queries, HistoryService history, RepositoryService repository, ServiceReads reads,
               Clock clock) {
        this.queries = queries;
        this.history = history;
        this.repository = repository;
        this.reads = reads;
        this.clock = clock;
    }

    List<PortDwell> of(ReportFilter filter) {
        Instant now = clock.instant();
        Map<String, List<Dwell>> byPort = new TreeMap<>();
        for (ArrivedConsignment c : queries.arrived(filter)) {
            Instant end = c.releasedAt() != null ? c.releasedAt().toInstant() : now;
            Map<String, Duration> causes = causes(c.reference(), c.arrivedAt().toInstant(), end, now);
            byPort.computeIfAbsent(c.port(), p -> new ArrayList<>())
                    .add(new Dwell(Duration.between(c.arrivedAt().toInstant(), end), c.releasedAt() == null, causes));
        }
        List<PortDwell> result = new ArrayList<>();
        byPort.forEach((port, dwells) -> result.add(portDwell(port, dwells)));
        return result;
    }

    private record Dwell(Duration total, boolean waiting, Map<String, Duration> causes) {
    }

    private static PortDwell portDwell(String port, List<Dwell> dwells) {
        Map<String, Duration> totals = new TreeMap<>();
        dwells.forEach(d -> d.causes().forEach((cause, time) -> totals.merge(cause, time, Duration::plus)));
        List<CauseTime> causes = totals.entrySet().stream()
                .sorted(Map.Entry.<String, Duration>comparingByValue().reversed())
                .map(e -> new CauseTime(e.getKey(), e.getValue().toSeconds(),
                        e.getValue().dividedBy(dwells.size()).toSeconds()))
                .toList();
        return new PortDwell(port, dwells.size(), dwells.stream().filter(Dwell::waiting).count(),
                DurationStats.of(dwells.stream().map(Dwell::total).toList()), causes);
    }

    /** Time in [arrived, end] spent in the steps of each cause; overlaps within a cause count once. */
    private Map<String, Duration> causes(String reference, Instant arrived, Instant end, Instant now) {
        Map<String, List<Instant[]>> intervals = new HashMap<>();
        for (HistoricActivityInstance a : activities(reference)) {
            String cause = causesOf(a.getProcessDefinitionId()).get(a.getActivityId());
            if (cause == null) {
                continue;
            }
            Instant from = max(a.getStartTime().toInstant(), arrived);
            Instant to = min(a.getEndTime() == null ? now : a.getEndTime().toInstant(), end);
            if (from.isBefore(to)) {
                intervals.computeIfAbsent(cause, k -> new ArrayList<>()).add(new Instant[] {from, to});
            }
        }
        Map<String, Duration> result = new LinkedHashMap<>();
        List<Instant[]> all = new ArrayList<>();
        intervals.forEach((cause, list) -> {
            result.put(cause, covered(list));
            all.addAll(list);
        });
        Duration other = Duration.between(arrived, end).minus(covered(all));
        if (!other.isNegative() && !other.isZero()) {
            result.put(OTHER, other);
        }
        return result;
    }

    private List<HistoricActivityInstance> activities(String reference) {
        return reads.read(() -> {
            List<String> instances = history.createHistoricProcessInstanceQuery()
                    .processDefinitionKey(ClearanceProcess.KEY).processInstanceBusinessKey(reference).list()
                    .stream().map(HistoricProcessInstance::getId).toList();
            List<HistoricActivityInstance> result = new ArrayList<>();
            for (String id : instances) {
                result.addAll(history.createHistoricActivityInstanceQuery().processInstanceId(id).list());
            }
            return result;
        });
    }

    /** Activity id to cause, from the {@code waitingFor} properties of one deployed clearance model. */
    private Map<String, String> causesOf(String definitionId) {
        return causesByDefinition.computeIfAbsent(definitionId, id -> {
            BpmnModelInstance model = reads.read(() -> repository.getBpmnModelInstance(id));
            Map<String, String> causes = new HashMap<>();
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                if (node.getExtensionElements() == null) {
                    continue;
                }
                node.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list()
                        .stream().map(CamundaProperties::getCamundaProperties).flatMap(Collection::stream)
                        .filter(p -> WAITING_FOR.equals(p.getCamundaName()))
                        .map(CamundaProperty::getCamundaValue)
                        .findFirst().ifPresent(cause -> causes.put(node.getId(), cause));
            }
            return causes;
        });
    }

    /** The length of the union of the intervals. */
    static Duration covered(List<Instant[]> intervals) {
        List<Instant[]> sorted = intervals.stream().sorted(Comparator.comparing(i -> i[0])).toList();
        Duration total = Duration.ZERO;
        Instant from = null;
        Instant to = null;
        for (Instant[] i : sorted) {
            if (to == null || i[0].isAfter(to)) {
                if (to != null) {
                    total = total.plus(Duration.between(from, to));
                }
                from = i[0];
                to = i[1];
            } else if (i[1].isAfter(to)) {
                to = i[1];
            }
        }
        return to == null ? total : total.plus(Duration.between(from, to));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
