package org.reliefclearance.models;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/** The table of migrations (V89): who moved which cases from which version to which. */
@Component
class MigrationRecords {

    record Migration(long id, String key, String sourceDefinitionId, int sourceVersion, String targetDefinitionId,
                     int targetVersion, String batchId, int cases, String requestedBy, OffsetDateTime requestedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    MigrationRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long add(MigrationCheck check, String batchId, List<String> instanceIds, String user) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into model_migration (process_key, source_definition_id, source_version, target_definition_id,"
                        + " target_version, batch_id, cases, requested_by, requested_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(check.key(), check.sourceDefinitionId(), check.sourceVersion(), check.targetDefinitionId(),
                        check.targetVersion(), batchId, instanceIds.size(), user, OffsetDateTime.now(clock))
                .update(key, "id");
        long id = key.getKey().longValue();
        for (String instanceId : instanceIds) {
            jdbc.sql("insert into model_migration_case (migration_id, process_instance_id) values (?, ?)")
                    .params(id, instanceId).update();
        }
        return id;
    }

    Optional<Migration> find(long id) {
        return jdbc.sql("select id, process_key, source_definition_id, source_version, target_definition_id,"
                        + " target_version, batch_id, cases, requested_by, requested_at from model_migration where id = ?")
                .param(id)
                .query((rs, n) -> new Migration(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getInt(6), rs.getString(7), rs.getInt(8), rs.getString(9),
                        rs.getObject(10, OffsetDateTime.class)))
                .optional();
    }

    List<String> cases(long id) {
        return jdbc.sql("select process_instance_id from model_migration_case where migration_id = ?")
                .param(id).query(String.class).list();
    }

    List<Long> latestIds(int limit) {
        return jdbc.sql("select id from model_migration order by id desc limit ?").param(limit).query(Long.class).list();
    }

    long count() {
        return jdbc.sql("select count(*) from model_migration").query(Long.class).single();
    }
}
