package org.reliefclearance.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.NativeHistoricActivityInstanceQuery;
import org.reliefclearance.clearance.ClearanceProcess;
import org.reliefclearance.reporting.KpiReport.StepTime;
import org.reliefclearance.review.LineMinistryReview;
import org.springframework.stereotype.Component;

/**
 * Time per step (WCO Time Release Study): durations of the finished activity instances of the
 * clearance process and of the line-ministry reviews it calls, read from Camunda history and
 * restricted to the filtered consignments through the business key (= consignment reference,
 * which the call activity passes on to each review).
 */
@Component
class StepTimes {

    /** Activities that take time of their own; gateways and start/end events are left out. */
    private static final Set<String> TIMED_TYPES = Set.of("callActivity", "subProcess", "multiInstanceBody",
            "intermediateMessageCatch", "intermediateTimer", "intermediateSignalCatch", "intermediateConditional");

    private final HistoryService history;
    private final ManagementService management;
    private final Clock clock;

    StepTimes(HistoryService history, ManagementService management, Clock clock) {
        this.clock = clock;
        this.history = history;
        this.management = management;
    }

    /** One entry per activity, in the order steps were first reached. */
    List<StepTime> of(ReportFilter filter) {
        ReportFilter.Condition where = filter.condition(name -> "#{" + name + "}", clock.getZone());
        String sql = "select A.* from " + management.getTableName(HistoricActivityInstance.class) + " A"
                + " join " + management.getTableName(HistoricProcessInstance.class) + " P"
                + " on P.PROC_INST_ID_ = A.PROC_INST_ID_"
                + " where A.PROC_DEF_KEY_ in (#{mainProcess}, #{reviewProcess}) and A.END_TIME_ is not null"
                + " and P.BUSINESS_KEY_ in (select c.reference from consignment c where " + where.sql() + ")"
                + " order by A.START_TIME_, A.SEQUENCE_COUNTER_";
        NativeHistoricActivityInstanceQuery query = history.createNativeHistoricActivityInstanceQuery().sql(sql)
                .parameter("mainProcess", ClearanceProcess.KEY)
                .parameter("reviewProcess", LineMinistryReview.KEY);
        where.params().forEach((name, value) -> query.parameter(name, engineValue(value)));

        Map<String, List<HistoricActivityInstance>> byStep = new LinkedHashMap<>();
        for (HistoricActivityInstance a : query.list()) {
            if (timed(a) && !a.isCanceled() && a.getDurationInMillis() != null) {
                byStep.computeIfAbsent(a.getProcessDefinitionKey() + "\n" + a.getActivityId(), k -> new ArrayList<>())
                        .add(a);
            }
        }
        List<StepTime> steps = new ArrayList<>();
        byStep.values().forEach(instances -> {
            HistoricActivityInstance first = instances.get(0);
            steps.add(new StepTime(first.getProcessDefinitionKey(), first.getActivityId(),
                    instances.get(instances.size() - 1).getActivityName(), first.getActivityType(),
                    DurationStats.of(instances.stream().map(a -> Duration.ofMillis(a.getDurationInMillis())).toList())));
        });
        return steps;
    }

    private static boolean timed(HistoricActivityInstance a) {
        String type = a.getActivityType();
        return type != null && (type.endsWith("Task") || TIMED_TYPES.contains(type));
    }

    /** The engine's MyBatis binds java.util.Date for timestamps. */
    private static Object engineValue(Object value) {
        return value instanceof OffsetDateTime t ? Date.from(t.toInstant()) : value;
    }
}
