package org.reliefclearance.exercise;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Exercise runs, the cases each notified and its log (tables of V91). */
public class ExerciseRuns {

    public enum Status { RUNNING, PAUSED, ENDED }

    public record Run(long id, String scenarioId, String title, Status status, int speed, String startedBy,
               OffsetDateTime simulatedStart, OffsetDateTime simulatedEnd) {
    }

    public record LogEntry(OffsetDateTime simulatedAt, String kind, String detail) {
    }

    public record Case(String scenarioKey, String reference) {
    }

    private final JdbcClient jdbc;

    ExerciseRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long start(Scenario scenario, int speed, String by, Instant simulatedStart) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into exercise_run (scenario_id, title, status, speed, started_by, simulated_start)
                values (?, ?, ?, ?, ?, ?)""")
                .params(scenario.id(), scenario.title(), Status.RUNNING.name(), speed, by, utc(simulatedStart))
                .update(key, "id");
        return key.getKey().longValue();
    }

    void status(long run, Status status, int speed) {
        jdbc.sql("update exercise_run set status = ?, speed = ? where id = ?").params(status.name(), speed, run).update();
    }

    void end(long run, Instant simulatedEnd) {
        jdbc.sql("update exercise_run set status = ?, simulated_end = ? where id = ?")
                .params(Status.ENDED.name(), utc(simulatedEnd), run).update();
    }

    /** Runs the service left unfinished (it stopped during an exercise): ended where they stood. */
    void endAbandoned(Instant now) {
        jdbc.sql("update exercise_run set status = ?, simulated_end = ? where status <> ?")
                .params(Status.ENDED.name(), utc(now), Status.ENDED.name()).update();
    }

    Optional<Run> find(long run) {
        return jdbc.sql("select * from exercise_run where id = ?").param(run).query(Run.class).optional();
    }

    List<Run> all() {
        return jdbc.sql("select * from exercise_run order by id desc").query(Run.class).list();
    }

    void addCase(long run, String scenarioKey, String reference) {
        jdbc.sql("insert into exercise_case (run_id, scenario_key, reference) values (?, ?, ?)")
                .params(run, scenarioKey, reference).update();
    }

    List<Case> cases(long run) {
        return jdbc.sql("select scenario_key, reference from exercise_case where run_id = ? order by reference")
                .param(run).query(Case.class).list();
    }

    void log(long run, Instant simulatedAt, String kind, String detail) {
        jdbc.sql("insert into exercise_log (run_id, simulated_at, kind, detail) values (?, ?, ?, ?)")
                .params(run, utc(simulatedAt), kind, detail.length() > 2000 ? detail.substring(0, 2000) : detail).update();
    }

    List<LogEntry> log(long run) {
        return jdbc.sql("select simulated_at, kind, detail from exercise_log where run_id = ? order by id")
                .param(run).query(LogEntry.class).list();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
