package org.reliefclearance.registry;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Where relief goes: the provinces of the Flyway-seeded {@code province} table, in their official order. */
@Repository
public class Provinces {

    private final JdbcClient jdbc;

    Provinces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Province> all() {
        return jdbc.sql("select code, name_en, name_lo from province order by list_order").query(Province.class).list();
    }

    public Optional<Province> find(String code) {
        return jdbc.sql("select code, name_en, name_lo from province where code = ?").param(code)
                .query(Province.class).optional();
    }
}
