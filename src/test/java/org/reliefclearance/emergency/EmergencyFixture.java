package org.reliefclearance.emergency;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Emergency rows for tests; the H2 database is shared by all tests, so each test removes its rows. */
public final class EmergencyFixture {

    private final JdbcClient jdbc;

    public EmergencyFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An emergency covering all provinces. */
    public void active(String code, Instant startsAt, Instant endsAt) {
        insert(code, startsAt, endsAt, Emergency.ACTIVE, true);
    }

    /** An emergency covering only {@code provinces} (ISO 3166-2:LA codes). */
    public void activeIn(String code, Instant startsAt, Instant endsAt, String... provinces) {
        insert(code, startsAt, endsAt, Emergency.ACTIVE, false);
        for (String province : provinces) {
            jdbc.sql("insert into emergency_province (emergency_code, province_code) values (?, ?)")
                    .params(code, province).update();
        }
    }

    public void ended(String code, Instant startsAt, Instant endsAt) {
        insert(code, startsAt, endsAt, Emergency.ENDED, true);
    }

    /** Every emergency with its national-emergency process: codes count the rows, so the processes go too. */
    public void removeAll(RuntimeService runtime) {
        runtime.createProcessInstanceQuery().processDefinitionKey(NationalEmergency.KEY).list()
                .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test over"));
        removeAll();
    }

    public void removeAll() {
        jdbc.sql("delete from emergency_extension").update();
        jdbc.sql("delete from emergency_province").update();
        jdbc.sql("delete from emergency").update();
    }

    private void insert(String code, Instant startsAt, Instant endsAt, String status, boolean allProvinces) {
        jdbc.sql("""
                insert into emergency (code, name, provinces, all_provinces, starts_at, ends_at, status, declared_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(code, "Test emergency " + code, allProvinces ? "All provinces" : "Some provinces", allProvinces,
                        utc(startsAt), utc(endsAt), status, "molsw")
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
