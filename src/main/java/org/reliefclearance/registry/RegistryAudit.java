package org.reliefclearance.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The audit trail of the registry: one row per change, in the changing transaction. */
@Repository
public class RegistryAudit {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    RegistryAudit(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    void record(String user, RegistryEntity entity, String key, Object before, Object after) {
        jdbc.sql("insert into registry_change (changed_at, changed_by, entity, entry_key, before_json, after_json)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(OffsetDateTime.now(clock), user, entity.name(), key, toJson(before), toJson(after))
                .update();
    }

    /** The changes of one entry, newest first. */
    public List<RegistryChange> of(RegistryEntity entity, String key) {
        return jdbc.sql("select id, changed_at, changed_by, entity, entry_key, before_json, after_json from registry_change"
                        + " where entity = ? and entry_key = ? order by id desc")
                .params(entity.name(), key).query(RegistryAudit::change).list();
    }

    /** The latest changes of the whole registry, newest first. */
    public List<RegistryChange> latest(int limit) {
        return jdbc.sql("select id, changed_at, changed_by, entity, entry_key, before_json, after_json from registry_change"
                        + " order by id desc fetch first " + Math.max(1, limit) + " rows only")
                .query(RegistryAudit::change).list();
    }

    private static RegistryChange change(ResultSet rs, int row) throws SQLException {
        return new RegistryChange(rs.getLong("id"), rs.getObject("changed_at", OffsetDateTime.class),
                rs.getString("changed_by"), rs.getString("entity"), rs.getString("entry_key"),
                rs.getString("before_json"), rs.getString("after_json"));
    }

    private String toJson(Object entry) {
        if (entry == null) {
            return null;
        }
        try {
            return json.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A registry entry could not be written as JSON", e);
        }
    }
}
