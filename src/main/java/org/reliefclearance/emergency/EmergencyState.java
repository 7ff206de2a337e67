package org.reliefclearance.emergency;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.reliefclearance.modelguard.ModelBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Whether a national emergency is in force now. "Now" is the engine's clock, so the
 * deadlines computed inside a process and the timers that watch them agree (and tests can
 * move time with the engine's clock).
 */
@ModelBean
@Service("emergencyState")
public class EmergencyState {

    static final String COLUMNS = "code, name, provinces, starts_at, ends_at, status, declared_by, ended_at, ended_by,"
            + " end_reason";

    private final JdbcClient jdbc;
    private final Clock clock;

    EmergencyState(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public boolean isActive() {
        return active().isPresent();
    }

    /** The emergency in force now: status ACTIVE and now between its start and end. */
    public Optional<Emergency> active() {
        Instant now = clock.instant();
        return declared().stream().filter(e -> e.isActiveAt(now)).findFirst();
    }

    /** All emergencies still ACTIVE in the table, also those starting later or past their end. */
    public List<Emergency> declared() {
        return jdbc.sql("select " + COLUMNS + " from emergency where status = ? order by starts_at desc")
                .param(Emergency.ACTIVE).query(Emergency.class).list();
    }

    public Optional<Emergency> find(String code) {
        return jdbc.sql("select " + COLUMNS + " from emergency where code = ?")
                .param(code).query(Emergency.class).optional();
    }
}
