package org.reliefclearance.emergency;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Emergency rows for tests; the H2 database is shared by all tests, so each test removes its rows. */
public final class EmergencyFixture {

    private final JdbcClient jdbc;

    public EmergencyFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void active(String code, Instant startsAt, Instant endsAt) {
        insert(code, startsAt, endsAt, Emergency.ACTIVE);
    }

    public void ended(String code, Instant startsAt, Instant endsAt) {
        insert(code, startsAt, endsAt, Emergency.ENDED);
    }

    public void removeAll() {
        jdbc.sql("delete from emergency").update();
    }

    private void insert(String code, Instant startsAt, Instant endsAt, String status) {
        jdbc.sql("""
                insert into emergency (code, name, provinces, starts_at, ends_at, status, declared_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(code, "Test emergency " + code, "Vientiane Capital", utc(startsAt), utc(endsAt), status, "molsw")
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
