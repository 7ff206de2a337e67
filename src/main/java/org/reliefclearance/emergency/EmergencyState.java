package org.reliefclearance.emergency;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.modelguard.ModelBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which emergencies are in force now, and where. An emergency covers all provinces or those it
 * names; several may be in force at once. Its rules apply to a consignment only when one in force
 * covers the consignment's destination province. "Now" is the engine's clock, so the deadlines
 * computed inside a process and the timers that watch them agree (and tests can move time).
 */
@ModelBean
@Service("emergencyState")
public class EmergencyState {

    static final String COLUMNS = "code, name, provinces, starts_at, ends_at, status, declared_by, ended_at, ended_by,"
            + " end_reason, all_provinces";

    private static final String IN_FORCE = "select " + COLUMNS + " from emergency e where status = ?"
            + " and starts_at <= ? and ends_at > ?";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ConsignmentRepository consignments;

    EmergencyState(JdbcClient jdbc, Clock clock, ConsignmentRepository consignments) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.consignments = consignments;
    }

    /** Whether any emergency is in force anywhere. */
    public boolean isActive() {
        return !inForce().isEmpty();
    }

    /** An emergency in force now, anywhere (the latest to start). */
    public Optional<Emergency> active() {
        return inForce().stream().findFirst();
    }

    /** All emergencies in force now, the latest to start first. */
    public List<Emergency> inForce() {
        OffsetDateTime now = now();
        return jdbc.sql(IN_FORCE + " order by starts_at desc").params(Emergency.ACTIVE, now, now)
                .query(Emergency.class).list();
    }

    /**
     * The emergency in force now that covers {@code provinceCode} (ISO 3166-2:LA), the latest to start;
     * for no province (a consignment notified before provinces were asked) only one covering all provinces.
     */
    public Optional<Emergency> activeFor(String provinceCode) {
        OffsetDateTime now = now();
        if (provinceCode == null) {
            return jdbc.sql(IN_FORCE + " and all_provinces = true order by starts_at desc")
                    .params(Emergency.ACTIVE, now, now).query(Emergency.class).list().stream().findFirst();
        }
        return jdbc.sql(IN_FORCE + " and (all_provinces = true or exists (select 1 from emergency_province p"
                        + " where p.emergency_code = e.code and p.province_code = ?)) order by starts_at desc")
                .params(Emergency.ACTIVE, now, now, provinceCode).query(Emergency.class).list().stream().findFirst();
    }

    public boolean coversProvince(String provinceCode) {
        return activeFor(provinceCode).isPresent();
    }

    /** The emergency in force now that covers the province consignment {@code reference} is bound for. */
    public Optional<Emergency> activeForConsignment(String reference) {
        return activeFor(consignments.findByReference(reference).map(Consignment::destinationProvince).orElse(null));
    }

    public boolean coversConsignment(String reference) {
        return activeForConsignment(reference).isPresent();
    }

    /**
     * For a case's models: {@code ${emergencyState.coversCase(execution)}}; the case is the process's
     * business key, which the service sets when it starts the case.
     */
    public boolean coversCase(DelegateExecution execution) {
        return coversConsignment(execution.getProcessBusinessKey());
    }

    /** The provinces an emergency names (empty for one covering all provinces). */
    public List<String> provincesOf(String code) {
        return jdbc.sql("select province_code from emergency_province where emergency_code = ? order by province_code")
                .param(code).query(String.class).list();
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

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
