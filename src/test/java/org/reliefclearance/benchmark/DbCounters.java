package org.reliefclearance.benchmark;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariDataSource;

/**
 * PostgreSQL's cumulative counters for this database (pg_stat_database) and the whole server's
 * WAL (pg_stat_wal). Backends publish their counters when they end or go idle, so a snapshot first
 * retires the pool's connections: what they did is then in the views.
 */
final class DbCounters {

    record Snapshot(long commits, long inserted, long updated, long deleted, long walBytes,
            java.util.Map<String, Long> rowsByTable) {

        Snapshot minus(Snapshot before) {
            java.util.Map<String, Long> byTable = new java.util.HashMap<>();
            rowsByTable.forEach((table, rows) -> byTable.put(table, rows - before.rowsByTable.getOrDefault(table, 0L)));
            return new Snapshot(commits - before.commits, inserted - before.inserted, updated - before.updated,
                    deleted - before.deleted, walBytes - before.walBytes, byTable);
        }

        long rowsWritten() {
            return inserted + updated + deleted;
        }
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    DbCounters(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    Snapshot snapshot() throws InterruptedException {
        if (dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
            hikari.getHikariPoolMXBean().softEvictConnections();
        }
        // ended backends flush their statistics at exit; give them a moment
        Thread.sleep(1500);
        // rows inserted, updated and deleted per table of the service's schema
        java.util.Map<String, Long> byTable = new java.util.HashMap<>();
        jdbc.sql("""
                select relname, n_tup_ins + n_tup_upd + n_tup_del from pg_stat_user_tables
                where schemaname = current_schema()""")
                .query(rs -> {
                    byTable.put(rs.getString(1), rs.getLong(2));
                });
        return jdbc.sql("""
                select d.xact_commit, d.tup_inserted, d.tup_updated, d.tup_deleted, w.wal_bytes::bigint
                from pg_stat_database d, pg_stat_wal w where d.datname = current_database()""")
                .query((rs, n) -> new Snapshot(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), byTable))
                .single();
    }
}
