package org.reliefclearance.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.reliefclearance.clearance.ClearanceProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service's performance on PostgreSQL, in one run (mvn -Pbenchmark test, see README,
 * "Performance"): the bare engine's floor, the full SOP, the notification API under 1, 8 and 32
 * clients, the database cost of a case, due deadline timers, and Tasklist queries over a large
 * backlog and history. Prints a table and writes target/benchmark/results.{csv,json,txt}.
 *
 * <p>Sizes are system properties (bench.*), so a quick run and the full one share the code.
 * The service runs in this JVM with the job executor on, in its own schema of the database.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=true", "relief.customs-system.url=",
        "logging.level.org.camunda.bpm.engine.context=off"})
@ActiveProfiles({"postgres", "demo"})
class ClearanceBenchmarkTest {

    static final String SCHEMA = System.getProperty("bench.schema", "bench");
    static final String FLOOR = "bench-floor";
    static final String TIMER = "bench-timer";

    static final int SOP_CASES = Integer.getInteger("bench.sop.cases", 40);
    static final int SOP_WORKERS = Integer.getInteger("bench.sop.workers", 8);
    // A p99 of n samples is the (0.99 n)th: of 80 it is the largest, one request's bad luck. With 500
    // at least, the slowest five are left out and the goal compares like with like.
    static final int POSTS_PER_CLIENT = Integer.getInteger("bench.post.perClient", 10);
    static final int POSTS_MIN = Integer.getInteger("bench.post.min", 500);
    static final int FLOOR_PER_CLIENT = Integer.getInteger("bench.floor.perClient", 20);
    static final int FLOOR_MIN = Integer.getInteger("bench.floor.min", 500);
    static final int TIMERS = Integer.getInteger("bench.timers", 10_000);
    /** Quiet time before the timers fall due: an idle job executor polls less and less often. */
    static final int TIMERS_IDLE_SECONDS = Integer.getInteger("bench.timers.idleSeconds", 90);
    static final int OPEN_TASKS = Integer.getInteger("bench.openTasks", 10_000);
    static final int HISTORY_CASES = Integer.getInteger("bench.historyCases", 100_000);
    static final int QUERY_ROUNDS = Integer.getInteger("bench.query.rounds", 60);
    static final int[] CLIENTS = {1, 8, 32};
    /** Camunda history tables the history is cloned into: "all", or names separated by commas. */
    static final String HISTORY_TABLES = System.getProperty("bench.history.tables", "default");

    /** Groups the seeded open tasks are spread over, as a backlog in every office. */
    static final List<String> OFFICIAL_GROUPS = List.of("molsw-officers", "customs-hq", "customs-port-wattay",
            "customs-port-thanaleng", "moh-fdd", "maf-doa", "mtc", "moic", "nlpwg-coordinators");
    /** Phases to run besides the floor (quick runs while developing): sop, api, timers, tasklist. */
    static final List<String> PHASES = List.of(System.getProperty("bench.phases", "sop,api,timers,tasklist").split(","));
    /** Tasks one group sees when Tasklist's growth with the backlog is measured. */
    static final int[] VISIBLE_STEPS = java.util.Arrays.stream(System.getProperty("bench.visibleSteps",
            "1000,5000,10000").split(",")).mapToInt(Integer::parseInt).toArray();
    static final int SCALE_ROUNDS = Integer.getInteger("bench.scale.rounds", 10);
    /** The group whose backlog grows step by step, on top of the other groups' open tasks. */
    static final String SCALE_GROUP = "bench-backlog";
    /** User tasks of one case of the SOP with three authorities (endorse, 3 reviews, exemption, port). */
    static final int USER_TASKS_PER_CASE = 6;

    @DynamicPropertySource
    static void ownSchema(DynamicPropertyRegistry registry) throws Exception {
        String url = env("PG_BENCH_URL", "jdbc:postgresql://127.0.0.1:5432/relief_clearance_test");
        String user = env("PG_BENCH_USER", "relief");
        String password = env("PG_BENCH_PASSWORD", "relief_ci_password");
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
            s.execute("create schema " + SCHEMA);
        }
        registry.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> user);
        registry.add("spring.datasource.password", () -> password);
        registry.add("DB_SCHEMA", () -> SCHEMA);
        // notifications go to a real SMTP server, as in production: the outbox sends each mail once
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> org.reliefclearance.notifications.TestMailServer.shared().port());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    private final Results results = new Results();

    /** Instances per second and latency of the floor process at one concurrency. */
    record Rate(int clients, int count, double perSecond, double p50, double p99) {
    }

    @Test
    void measuresTheService() throws Exception {
        engine.getRepositoryService().createDeployment().name("benchmark")
                .addClasspathResource("benchmark/bench-floor.bpmn").addClasspathResource("benchmark/bench-timer.bpmn")
                .deploy();
        HttpApi api = new HttpApi(port);
        SopDriver sop = new SopDriver(api, engine, jdbc);
        DbCounters counters = new DbCounters(dataSource);
        System.out.println("[benchmark] job executor: " + jobExecutorSettings());

        // warm-up: JIT, caches, connections
        floor(4, 100);
        concurrently(4, 8, i -> sop.runCase());
        concurrently(4, 40, i -> api.postExpecting("wfp", "/api/consignments", SopDriver.threeAuthorityNotification(), 201));
        drainJobs();
        analyze();

        // (6) the bare engine's floor: start -> user task -> end, started and completed per instance
        Map<Integer, Rate> floor = new java.util.HashMap<>();
        Cost floorCost = null;
        for (int clients : CLIENTS) {
            int count = Math.max(FLOOR_MIN, FLOOR_PER_CLIENT * clients);
            DbCounters.Snapshot before = counters.snapshot();
            floor.put(clients, floor(clients, count));
            if (clients == 8) {
                floorCost = Cost.per(counters.snapshot().minus(before), 0, count);
            }
            Rate r = floor.get(clients);
            results.add("(6) floor: instances/s at " + clients + " client(s)", r.perSecond(), "inst/s", 1.0,
                    count + " instances of start->user task->end, each started and its task completed");
            results.add("(6) floor: p50 latency at " + clients + " client(s)", r.p50(), "ms", 1.0, "start + complete");
            results.add("(6) floor: p99 latency at " + clients + " client(s)", r.p99(), "ms", 1.0, "start + complete");
        }
        results.add("(6) floor: commits per instance", floorCost.commits(), "commits", 1.0, "8 clients");
        results.add("(6) floor: rows written per instance", floorCost.rows(), "rows", 1.0, "8 clients");
        results.add("(6) floor: WAL per instance", floorCost.walBytes(), "bytes", 1.0, "8 clients");

        Goals goals = new Goals(results);
        goals.floor(floorCost);
        if (PHASES.contains("sop")) {
            sop(sop, counters, floor, floorCost, goals);
        }
        if (PHASES.contains("api")) {
            api(api, floor, goals);
        }
        drainJobs();

        // (4) due deadline timers: the configuration before tuning, then the service's own
        if (PHASES.contains("timers")) {
            JobSettings configured = JobSettings.of(engine);
            JobSettings beforeTuning = JobSettings.beforeTuning();
            beforeTuning.apply(engine);
            double baseline = timers(floor.get(8), "before tuning");
            configured.apply(engine);
            beforeTuning.pool().shutdown();
            double tuned = timers(floor.get(8), "as configured");
            goals.timers(baseline, tuned);
        }

        // (5) Tasklist queries over 10,000 open tasks and 100,000 finished consignments
        if (PHASES.contains("tasklist")) {
            tasklist(floor.get(1));
            tasklistGrowth(goals);
        }

        goals.report();
        System.out.println("\n[benchmark] results (" + Instant.now() + ")\n" + results.table());
        results.write(Path.of("target", "benchmark"));
        assertThat(results.figures()).allSatisfy(f -> assertThat(f.value()).isFinite().isNotNegative());
    }

    private void sop(SopDriver sop, DbCounters counters, Map<Integer, Rate> floor, Cost floorCost, Goals goals)
            throws InterruptedException {
        // (1) full SOP with three authorities, and (3) its database cost
        drainJobs();
        DbCounters.Snapshot before = counters.snapshot();
        long pollsBefore = sop.polls();
        long collisionsBefore = sop.collisions();
        long started = System.nanoTime();
        concurrently(SOP_WORKERS, SOP_CASES, i -> sop.runCase());
        double seconds = (System.nanoTime() - started) / 1e9;
        DbCounters.Snapshot sopCost = counters.snapshot().minus(before);
        long polls = sop.polls() - pollsBefore;
        double sopRate = SOP_CASES / seconds;
        Rate floorAtSopWorkers = floor.getOrDefault(SOP_WORKERS, floor.get(8));
        results.add("(1) full SOP, 3 authorities: consignments/s", sopRate, "cases/s",
                sopRate / floorAtSopWorkers.perSecond(), SOP_CASES + " cases by " + SOP_WORKERS
                        + " concurrent drivers, notification to closure; ratio to floor instances/s");
        results.add("(1) full SOP: mean case duration", seconds * 1000 * SOP_WORKERS / SOP_CASES, "ms", null,
                "wall time of one case with " + SOP_WORKERS + " running at once");
        results.add("(1) full SOP: completions submitted again", sop.collisions() - collisionsBefore, "tasks", null,
                "an official's Complete that collided with a step of the same case, submitted again");
        Cost perCase = Cost.per(sopCost, polls, SOP_CASES);
        results.add("(3) DB cost per consignment: commits", perCase.commits(), "commits",
                ratio(perCase.commits(), floorCost.commits()), "pg_stat_database.xact_commit, less the driver's "
                        + polls / SOP_CASES + " polling queries per case");
        results.add("(3) DB cost per consignment: rows written", perCase.rows(), "rows",
                ratio(perCase.rows(), floorCost.rows()), perCase.detail());
        results.add("(3) DB cost per consignment: WAL", perCase.walBytes(), "bytes",
                ratio(perCase.walBytes(), floorCost.walBytes()), "pg_stat_wal.wal_bytes (whole server)");
        // where a case's rows go: the tables it writes most
        sopCost.rowsByTable().entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(15)
                .forEach(e -> results.add("(3) rows written per consignment: " + e.getKey(),
                        e.getValue() / (double) SOP_CASES, "rows", null, "pg_stat_user_tables, inserted + updated + deleted"));
        assertThat(jdbc.sql("select count(*) from consignment where status = 'CLOSED'").query(Long.class).single())
                .isEqualTo(SOP_CASES + 8L);
        goals.sop(sopRate, floorAtSopWorkers, perCase);
    }

    private void api(HttpApi api, Map<Integer, Rate> floor, Goals goals) {
        // (2) POST /api/consignments at 1, 8 and 32 concurrent clients
        for (int clients : CLIENTS) {
            drainJobs();
            int count = Math.max(POSTS_MIN, POSTS_PER_CLIENT * clients);
            Latencies latencies = new Latencies();
            long t0 = System.nanoTime();
            concurrently(clients, count, i -> {
                long t = System.nanoTime();
                api.postExpecting("wfp", "/api/consignments", SopDriver.threeAuthorityNotification(), 201);
                latencies.record(t);
            });
            double rate = count / ((System.nanoTime() - t0) / 1e9);
            Rate f = floor.get(clients);
            results.add("(2) POST /api/consignments: req/s at " + clients + " client(s)", rate, "req/s",
                    rate / f.perSecond(), count + " requests; ratio to floor instances/s at the same concurrency");
            results.add("(2) POST /api/consignments: p50 at " + clients + " client(s)",
                    latencies.percentileMillis(50), "ms", latencies.percentileMillis(50) / f.p50(), "");
            results.add("(2) POST /api/consignments: p99 at " + clients + " client(s)",
                    latencies.percentileMillis(99), "ms", latencies.percentileMillis(99) / f.p99(), "");
            if (clients == 8) {
                goals.api(latencies.percentileMillis(99), f.p99());
            }
        }
    }

    private Rate floor(int clients, int count) {
        Latencies latencies = new Latencies();
        long t0 = System.nanoTime();
        concurrently(clients, count, i -> {
            long t = System.nanoTime();
            ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(FLOOR,
                    Map.of("group", "molsw-officers"));
            Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
            engine.getIdentityService().setAuthentication("molsw", List.of("molsw-officers"));
            try {
                engine.getTaskService().complete(task.getId());
            } finally {
                engine.getIdentityService().clearAuthentication();
            }
            latencies.record(t);
        });
        double rate = count / ((System.nanoTime() - t0) / 1e9);
        return new Rate(clients, count, rate, latencies.percentileMillis(50), latencies.percentileMillis(99));
    }

    /** @return seconds until every one of the due timers fired */
    private double timers(Rate floorRate, String label) {
        Date later = Date.from(Instant.now().plusSeconds(3600));
        inBatches(TIMERS, i -> engine.getRuntimeService().startProcessInstanceByKey(TIMER, Map.of("dueAt", later)));
        drainJobs();
        analyze();
        sleep(TIMERS_IDLE_SECONDS * 1000L);
        // all fall due at once, as deadlines set in the past would
        int due = jdbc.sql("update act_ru_job set duedate_ = now() - interval '1 minute' where process_def_key_ = :key")
                .param("key", TIMER).update();
        assertThat(due).isEqualTo(TIMERS);
        long t0 = System.nanoTime();
        long firstFired = -1;
        long left;
        // the poll reads the jobs through the index on their job definition: a count until the first has
        // fired, then whether any is left (a scan of the whole job table every 100 ms took a tenth of
        // the database's time while the timers fired)
        String definition = jdbc.sql("select id_ from act_ru_jobdef where proc_def_key_ = :key").param("key", TIMER)
                .query(String.class).single();
        String ofTimer = "from act_ru_job where job_def_id_ = :definition";
        do {
            sleep(100);
            left = firstFired < 0
                    ? jdbc.sql("select count(*) " + ofTimer).param("definition", definition).query(Long.class).single()
                    : jdbc.sql("select count(*) from (select 1 " + ofTimer + " limit 1) any_left")
                            .param("definition", definition).query(Long.class).single();
            if (firstFired < 0 && left < TIMERS) {
                firstFired = System.nanoTime() - t0;
            }
            if (System.nanoTime() - t0 > 1_200_000_000_000L) {
                throw new IllegalStateException(left + " timers still due after 20 minutes");
            }
        } while (left > 0);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(TIMER)
                .finished().count()).isEqualTo(TIMERS);
        results.add("(4) " + label + ": first timer fired after", firstFired / 1e9, "s", null,
                "after " + TIMERS_IDLE_SECONDS + " s without work: how long an idle job executor takes to notice "
                        + "deadlines that fell due");
        results.add("(4) " + label + ": " + TIMERS + " due timers all fired", seconds, "s", null,
                "from the moment all fall due; " + jobExecutorSettings());
        results.add("(4) " + label + ": fired/s", TIMERS / seconds, "timers/s",
                TIMERS / seconds / floorRate.perSecond(), "ratio to floor instances/s at 8 clients");
        // the next run starts from an empty timer table
        jdbc.sql("delete from act_hi_actinst where proc_def_key_ = :key").param("key", TIMER).update();
        jdbc.sql("delete from act_hi_procinst where proc_def_key_ = :key").param("key", TIMER).update();
        return seconds;
    }

    private void tasklist(Rate floorRate) {
        long open = engine.getTaskService().createTaskQuery().count();
        int missing = (int) Math.max(0, OPEN_TASKS - open);
        inBatches(missing, i -> engine.getRuntimeService().startProcessInstanceByKey(FLOOR,
                Map.of("group", OFFICIAL_GROUPS.get(i % OFFICIAL_GROUPS.size()))));
        long finished = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(ClearanceProcess.KEY).finished().count();
        long t0 = System.nanoTime();
        int copies = (int) Math.max(0, Math.ceil((HISTORY_CASES - finished) / (double) finished));
        List<String> tables = switch (HISTORY_TABLES) {
            case "all" -> HistorySeeder.ALL_CAMUNDA_TABLES;
            case "default" -> HistorySeeder.DEFAULT_CAMUNDA_TABLES;
            default -> List.of(HISTORY_TABLES.split(","));
        };
        long rows = new HistorySeeder(jdbc, SCHEMA, tables).cloneFinishedCases(ClearanceProcess.KEY, copies);
        analyze();
        double seedSeconds = (System.nanoTime() - t0) / 1e9;
        long finishedNow = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(ClearanceProcess.KEY).finished().count();
        long openNow = engine.getTaskService().createTaskQuery().count();
        results.add("(5) open tasks", openNow, "tasks", null, "real endorsement tasks from (2), the rest floor tasks "
                + "spread over " + OFFICIAL_GROUPS.size() + " groups");
        results.add("(5) finished consignments in history", finishedNow, "cases", null, finished
                + " run through the SOP, cloned x" + copies + " in SQL into " + String.join(" ", tables)
                + " and the consignment tables (" + rows + " rows, " + Math.round(seedSeconds) + " s)");

        String filterId = engine.getFilterService().createFilterQuery().filterName("My group's tasks").singleResult()
                .getId();
        for (List<String> member : List.of(List.of("molsw", "molsw-officers"), List.of("moh", "moh-fdd"))) {
            engine.getIdentityService().setAuthentication(member.get(0), List.of(member.get(1)));
            try {
                long visible = engine.getFilterService().count(filterId);
                assertThat(visible).isPositive();
                Latencies byCreated = new Latencies();
                Latencies byDue = new Latencies();
                Latencies counts = new Latencies();
                for (int round = -20; round < QUERY_ROUNDS; round++) {
                    long t = System.nanoTime();
                    List<Task> page = engine.getFilterService().listPage(filterId,
                            engine.getTaskService().createTaskQuery().orderByTaskCreateTime().desc(), 0, 15);
                    if (round >= 0) {
                        byCreated.record(t);
                    }
                    assertThat(page).hasSize((int) Math.min(15, visible));
                    t = System.nanoTime();
                    TaskQuery due = engine.getTaskService().createTaskQuery().orderByDueDate().asc();
                    engine.getFilterService().listPage(filterId, due, 0, 15);
                    if (round >= 0) {
                        byDue.record(t);
                    }
                    t = System.nanoTime();
                    engine.getFilterService().count(filterId);
                    if (round >= 0) {
                        counts.record(t);
                    }
                }
                String who = member.get(0) + " (" + visible + " tasks)";
                addQuery("(5) Tasklist first page by created, " + who, byCreated, floorRate);
                addQuery("(5) Tasklist first page by due date, " + who, byDue, floorRate);
                addQuery("(5) Tasklist count, " + who, counts, floorRate);
            } finally {
                engine.getIdentityService().clearAuthentication();
            }
        }
    }

    /**
     * Tasklist's "My group's tasks" (first page by due date, then the count, as Tasklist asks on
     * opening) for one group as its backlog grows, with the engine's authorization check and without
     * it: the goal is a check that costs at most as much again as the query itself, at any size.
     */
    private void tasklistGrowth(Goals goals) {
        String filterId = engine.getFilterService().createFilterQuery().filterName("My group's tasks").singleResult()
                .getId();
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration();
        // the filter is shared with the group as with every official group
        org.camunda.bpm.engine.authorization.Authorization shared = engine.getAuthorizationService()
                .createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
        shared.setGroupId(SCALE_GROUP);
        shared.setResource(org.camunda.bpm.engine.authorization.Resources.FILTER);
        shared.setResourceId(filterId);
        shared.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
        engine.getAuthorizationService().saveAuthorization(shared);
        long others = engine.getTaskService().createTaskQuery().count();
        for (int step : VISIBLE_STEPS) {
            long visible = engine.getTaskService().createTaskQuery().taskCandidateGroup(SCALE_GROUP).count();
            inBatches((int) Math.max(0, step - visible), i -> engine.getRuntimeService().startProcessInstanceByKey(FLOOR,
                    Map.of("group", SCALE_GROUP)));
            analyze();
            engine.getIdentityService().setAuthentication("bench-official", List.of(SCALE_GROUP));
            try {
                assertThat(engine.getFilterService().count(filterId)).isEqualTo(step);
                Latencies on = pageAndCount(filterId, step);
                configuration.setAuthorizationEnabled(false);
                Latencies off;
                try {
                    off = pageAndCount(filterId, step);
                } finally {
                    configuration.setAuthorizationEnabled(true);
                }
                String what = "(5) Tasklist page + count, " + step + " tasks of the group among " + (others + step);
                String note = "filter \"My group's tasks\", first page of 15 by due date and the count";
                results.add(what + ", authorization on: p50", on.percentileMillis(50), "ms", null, note);
                results.add(what + ", authorization off: p50", off.percentileMillis(50), "ms", null, note);
                results.add(what + ", authorization on: p99", on.percentileMillis(99), "ms", null, note);
                goals.tasklist(step, on.percentileMillis(50), off.percentileMillis(50));
            } finally {
                engine.getIdentityService().clearAuthentication();
            }
        }
    }

    private Latencies pageAndCount(String filterId, int visible) {
        Latencies latencies = new Latencies();
        for (int round = -2; round < SCALE_ROUNDS; round++) {
            long t = System.nanoTime();
            List<Task> page = engine.getFilterService().listPage(filterId, engine.getTaskService().createTaskQuery(), 0,
                    15);
            long count = engine.getFilterService().count(filterId);
            if (round >= 0) {
                latencies.record(t);
            }
            assertThat(page).hasSize(Math.min(15, visible));
            assertThat(count).isEqualTo(visible);
        }
        return latencies;
    }

    private void addQuery(String name, Latencies latencies, Rate floorRate) {
        String note = "filter \"My group's tasks\" as a group member, authorization on; ratio to the floor's "
                + "start+complete latency at 1 client";
        results.add(name + " p50", latencies.percentileMillis(50), "ms", latencies.percentileMillis(50) / floorRate.p50(), note);
        results.add(name + " p99", latencies.percentileMillis(99), "ms", latencies.percentileMillis(99) / floorRate.p99(), note);
    }

    /**
     * Updates the planner's statistics of the schema, as autovacuum does on a default server after
     * tables grow (the CI server runs with autovacuum off). Without them PostgreSQL plans the
     * Tasklist query for empty tables and takes 30 times longer.
     */
    private void analyze() {
        for (String table : jdbc.sql("select tablename from pg_tables where schemaname = :schema")
                .param("schema", SCHEMA).query(String.class).list()) {
            jdbc.sql("analyze " + SCHEMA + "." + table).update();
        }
    }

    /** Waits until the job executor has run every due asynchronous continuation. */
    private void drainJobs() {
        long deadline = System.currentTimeMillis() + 600_000;
        while (engine.getManagementService().createJobQuery().executable().messages().count() > 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the job executor did not catch up in 10 minutes");
            }
            sleep(200);
        }
        assertThat(engine.getRuntimeService().createIncidentQuery().count()).as("incidents").isZero();
    }

    private String jobExecutorSettings() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        JobExecutor executor = configuration.getJobExecutor();
        String pool = "";
        if (executor instanceof org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor) {
            org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor t = JobSettings.pool(executor);
            pool = ", pool " + t.getCorePoolSize() + "-" + t.getMaxPoolSize() + " queue " + t.getQueueCapacity()
                    + (t.getThreadPoolExecutor().getRejectedExecutionHandler()
                            instanceof java.util.concurrent.ThreadPoolExecutor.AbortPolicy
                                    ? " (full: turned away)" : " (full: waits for room)");
        }
        return "maxJobsPerAcquisition " + executor.getMaxJobsPerAcquisition() + ", waitTime "
                + executor.getWaitTimeInMillis() + " ms, maxWait " + executor.getMaxWait() + " ms" + pool
                + ", preferTimerJobs " + configuration.isJobExecutorPreferTimerJobs()
                + ", by due date " + configuration.isJobExecutorAcquireByDueDate()
                + ", history " + configuration.getHistoryLevel().getName()
                + ", removal time at " + configuration.getHistoryRemovalTimeStrategy();
    }

    /** Database work per case or instance; {@code polls} read-only queries of the driver are left out. */
    record Cost(double commits, double rows, double walBytes, String detail) {

        static Cost per(DbCounters.Snapshot total, long polls, int count) {
            return new Cost((total.commits() - polls) / (double) count, total.rowsWritten() / (double) count,
                    total.walBytes() / (double) count, String.format(java.util.Locale.ROOT,
                            "inserted %.1f, updated %.1f, deleted %.1f", total.inserted() / (double) count,
                            total.updated() / (double) count, total.deleted() / (double) count));
        }
    }

    private static Double ratio(double value, double floor) {
        return floor == 0 ? null : value / floor;
    }

    /** Sets up (not measured): {@code total} operations, a hundred per database transaction. */
    private void inBatches(int total, IntConsumer operation) {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        int batch = 100;
        concurrently(2, (total + batch - 1) / batch, b -> tx.executeWithoutResult(status -> {
            for (int i = b * batch; i < Math.min(total, (b + 1) * batch); i++) {
                operation.accept(i);
            }
        }));
    }

    /** Runs {@code total} operations on {@code threads} threads; the first failure fails the run. */
    private static void concurrently(int threads, int total, IntConsumer operation) {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        operation.accept(i);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("benchmark operation failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
