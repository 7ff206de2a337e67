package org.reliefclearance.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reliefclearance.cluster.TwoNodeClusterTest.rows;
import static org.reliefclearance.cluster.TwoNodeClusterTest.single;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ReliefClearanceApplication;
import org.reliefclearance.clearance.ClearanceProcess;

/**
 * The service as a separate JVM, killed (SIGKILL) while organisations are submitting
 * notifications, then started again: every notification acknowledged with 201 is there once,
 * with its case; nothing is half-written; and the restarted node carries the cases on.
 */
@Tag("postgres")
class CrashRecoveryTest {

    static final int SUBMITTERS = 6;
    static final int ACKNOWLEDGED_BEFORE_KILL = 40;

    final PostgresSchema schema = new PostgresSchema("crash_sop");
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Process node;

    @AfterEach
    void stopNode() throws InterruptedException {
        if (node != null) {
            node.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void everyAcknowledgedNotificationSurvivesAKillAndItsCaseContinues() throws Exception {
        schema.recreate();
        int port = freePort();
        node = startNode(port);
        ApiCalls api = new ApiCalls(port);

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService submitters = Executors.newFixedThreadPool(SUBMITTERS);
        for (int t = 0; t < SUBMITTERS; t++) {
            submitters.submit(() -> {
                while (!killed.get()) {
                    int i = sequence.incrementAndGet();
                    try {
                        ApiCalls.Answer answer = api.post("wfp", "/api/consignments",
                                ApiCalls.notification("176-" + (20_000_000 + i)), "crash-" + i);
                        if (answer.status() == 201) {
                            acknowledged.add(answer.body().get("reference").asText());
                        }
                    } catch (IOException | InterruptedException connectionLost) {
                        // the node died under this request: no answer, no promise
                    }
                }
            });
        }
        waitUntil(() -> acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL, Duration.ofSeconds(90));
        node.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        killed.set(true);
        submitters.shutdown();
        assertThat(submitters.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        Set<String> promised = Set.copyOf(acknowledged);

        try (Connection db = schema.connect()) {
            long stored = single(db, "select count(*) from consignment");
            System.out.printf("killed after %d acknowledged notifications, %d attempted, %d stored%n",
                    promised.size(), sequence.get(), stored);
            assertConsistent(db, promised);
            System.out.printf("jobs left by the killed node: %d, of them locked: %d%n",
                    single(db, "select count(*) from act_ru_job where handler_type_ <> 'history-cleanup'"),
                    single(db, "select count(*) from act_ru_job where lock_owner_ is not null"));
        }

        Instant restart = Instant.now();
        node = startNode(port);
        try (Connection db = schema.connect()) {
            // the restarted node takes over the jobs the dead one had locked, once their lock expires
            waitUntil(() -> query(db, "select count(*) from consignment where status <> 'AWAITING_ENDORSEMENT'") == 0,
                    Duration.ofSeconds(90));
            System.out.printf("restarted node brought every case to the endorsement in %d s%n",
                    Duration.between(restart, Instant.now()).toSeconds());
            assertConsistent(db, promised);
            assertThat(single(db, "select count(*) from act_ru_task where task_def_key_ = 'Task_EndorseRequest'"))
                    .isEqualTo(single(db, "select count(*) from consignment"));
            // nothing left to run: only each case's daily check for goods overdue, due tomorrow, and the
            // endorsement's reminder and escalation timers, due in working days
            assertThat(single(db, "select count(*) from act_ru_job where handler_type_ <> 'history-cleanup'"
                    + " and not (handler_type_ in ('timer-start-event-subprocess', 'timer-transition')"
                    + " and duedate_ > now())")).isZero();
            assertThat(single(db, "select count(*) from act_ru_job where handler_type_ = 'timer-transition'"))
                    .isEqualTo(3 * single(db, "select count(*) from consignment"));
            assertThat(single(db, "select count(*) from act_ru_job where handler_type_ = 'timer-start-event-subprocess'"))
                    .isEqualTo(single(db, "select count(*) from consignment"));
            assertThat(single(db, "select count(*) from act_ru_incident")).isZero();
            assertThat(rows(db, """
                    select c.reference, e.event_type from consignment_event e join consignment c on c.id = e.consignment_id
                    group by c.reference, e.event_type having count(*) > 1""")).isEmpty();
        }
    }

    /** Every promise kept once, and no consignment without its case or case without its consignment. */
    private void assertConsistent(Connection db, Set<String> promised) throws SQLException {
        List<String> stored = rows(db, "select reference from consignment").stream().map(r -> r.get(0)).toList();
        assertThat(stored).doesNotHaveDuplicates().containsAll(promised);
        assertThat(rows(db, "select c.reference from consignment c where not exists (select 1 from act_hi_procinst p"
                + " where p.business_key_ = c.reference and p.proc_def_key_ = '" + ClearanceProcess.KEY + "')"))
                .as("consignments without a case").isEmpty();
        assertThat(rows(db, "select p.business_key_ from act_hi_procinst p where p.proc_def_key_ = '"
                + ClearanceProcess.KEY + "' and not exists (select 1 from consignment c where c.reference = p.business_key_)"))
                .as("cases without a consignment").isEmpty();
        assertThat(rows(db, "select business_key_ from act_hi_procinst where proc_def_key_ = '" + ClearanceProcess.KEY
                + "' group by business_key_ having count(*) > 1")).as("consignments with two cases").isEmpty();
        assertThat(rows(db, "select c.reference from consignment c where (select count(*) from consignment_line l"
                + " where l.consignment_id = c.id) <> 3")).as("consignments with missing lines").isEmpty();
        assertThat(rows(db, "select c.reference from consignment c where not exists (select 1 from consignment_event e"
                + " where e.consignment_id = c.id and e.event_type = 'NOTIFIED')")).as("without timeline").isEmpty();
    }

    private Process startNode(int port) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-cp", testClasspath(), ReliefClearanceApplication.class.getName()));
        command.addAll(schema.nodeArguments(port, "default"));
        // a dead node's locked jobs are taken over after this long (Camunda's default: 5 minutes)
        command.add("--camunda.bpm.job-execution.lock-time-in-millis=10000");
        File log = new File("target/crash-recovery-node.log");
        Process started = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/requirements?hsCode=630622&category=SHELTER")).timeout(Duration.ofSeconds(5)).build();
        boolean up = false;
        try {
            Awaitility.await("node on port " + port + " ready, see " + log).atMost(Duration.ofSeconds(150))
                    .pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(IOException.class).until(() -> {
                        if (!started.isAlive()) {
                            throw new IllegalStateException("node exited with " + started.exitValue() + ", see " + log);
                        }
                        return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    });
            up = true;
            return started;
        } finally {
            if (!up) {
                started.destroyForcibly();
            }
        }
    }

    private static void waitUntil(Callable<Boolean> condition, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(condition);
    }

    private static long query(Connection db, String sql) throws SQLException {
        return single(db, sql);
    }

    /** This JVM's classpath, each entry once and without Surefire's launcher jar, which lists them all again. */
    private static String testClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("surefirebooter")).distinct()
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
