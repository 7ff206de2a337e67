package org.reliefclearance.benchmark;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Grows the history to the size of years of service quickly: clones finished cases that really
 * ran through the SOP, row by row in Camunda's history tables and the application's tables, with
 * new ids (an md5 of id and copy; references and business keys {@code reference~copy}) and times
 * moved back by {@code copy} hours. Plain SQL
 * (INSERT ... SELECT ... generate_series), so 100,000 cases take minutes, not days.
 */
final class HistorySeeder {

    /** Camunda history tables of a case, all keyed by root process instance. */
    static final List<String> ALL_CAMUNDA_TABLES = List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst",
            "act_hi_varinst", "act_hi_detail", "act_hi_identitylink", "act_hi_job_log", "act_hi_decinst",
            "act_hi_dec_in", "act_hi_dec_out", "act_hi_op_log");
    /**
     * What Tasklist's and Cockpit's lists of cases and tasks read. A case writes about 140 KB to all
     * of them, 14 GB for 100,000 cases: more than a benchmark run should seed.
     */
    static final List<String> DEFAULT_CAMUNDA_TABLES = List.of("act_hi_procinst", "act_hi_taskinst",
            "act_hi_identitylink");

    /** Columns holding ids of instances, tasks, variables and jobs: made unique per copy, same length. */
    private static final Set<String> INSTANCE_COLUMNS = Set.of("id_", "proc_inst_id_", "root_proc_inst_id_",
            "execution_id_", "act_inst_id_", "parent_act_inst_id_", "super_process_instance_id_",
            "call_proc_inst_id_", "task_id_", "parent_task_id_", "var_inst_id_", "dec_inst_id_",
            "root_dec_inst_id_", "job_id_", "operation_id_");
    /** The consignment's reference and what is derived from it: readable copies. */
    private static final Set<String> REFERENCE_COLUMNS = Set.of("business_key_", "reference", "release_number",
            "idempotency_key");

    private final JdbcClient jdbc;
    private final String schema;
    private final List<String> camundaTables;

    HistorySeeder(JdbcClient jdbc, String schema, List<String> camundaTables) {
        this.jdbc = jdbc;
        this.schema = schema;
        this.camundaTables = camundaTables;
    }

    /**
     * Clones every finished case of {@code processKey} {@code copies} times.
     *
     * @return rows inserted
     */
    long cloneFinishedCases(String processKey, int copies) {
        jdbc.sql("drop table if exists bench_template").update();
        jdbc.sql("""
                create table bench_template as
                select distinct p.root_proc_inst_id_ as root_id, p.business_key_ as reference from act_hi_procinst p
                where p.proc_def_key_ = :key and p.end_time_ is not null and p.id_ = p.root_proc_inst_id_""")
                .param("key", processKey).update();
        long rows = 0;
        for (String table : camundaTables) {
            rows += insertCopies(table, "t.root_proc_inst_id_ in (select root_id from bench_template)", copies, Set.of());
        }
        rows += insertCopies("consignment", "t.reference in (select reference from bench_template)", copies,
                Set.of("id"));
        jdbc.sql("drop table if exists bench_consignment_map").update();
        jdbc.sql("""
                create table bench_consignment_map as
                select n.id as new_id, o.id as old_id from consignment n
                join consignment o on o.reference = split_part(n.reference, '~', 1)
                where n.reference like '%~%'""").update();
        for (String child : List.of("consignment_line", "authority_review")) {
            rows += insertChildren(child);
        }
        jdbc.sql("drop table bench_consignment_map").update();
        jdbc.sql("drop table bench_template").update();
        return rows;
    }

    private long insertCopies(String table, String where, int copies, Set<String> skipped) {
        List<Column> columns = columns(table).stream().filter(c -> !skipped.contains(c.name())).toList();
        String targets = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        String values = columns.stream().map(HistorySeeder::copied).collect(Collectors.joining(", "));
        long rows = 0;
        int chunk = 100;
        for (int from = 1; from <= copies; from += chunk) {
            int to = Math.min(copies, from + chunk - 1);
            rows += jdbc.sql("insert into " + table + " (" + targets + ") select " + values + " from " + table
                    + " t, generate_series(" + from + ", " + to + ") g where " + where).update();
        }
        return rows;
    }

    private long insertChildren(String table) {
        List<Column> columns = columns(table).stream().filter(c -> !c.name().equals("id")).toList();
        String targets = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        String values = columns.stream()
                .map(c -> c.name().equals("consignment_id") ? "m.new_id" : "t." + c.name())
                .collect(Collectors.joining(", "));
        return jdbc.sql("insert into " + table + " (" + targets + ") select " + values + " from " + table
                + " t join bench_consignment_map m on m.old_id = t.consignment_id").update();
    }

    private static String copied(Column c) {
        if (INSTANCE_COLUMNS.contains(c.name()) && c.type().startsWith("character")) {
            return "md5(t." + c.name() + " || '~' || g)";
        }
        if (REFERENCE_COLUMNS.contains(c.name())) {
            return "t." + c.name() + " || '~' || g";
        }
        if (c.type().startsWith("timestamp")) {
            return "t." + c.name() + " - g * interval '1 hour'";
        }
        return "t." + c.name();
    }

    private record Column(String name, String type) {
    }

    private List<Column> columns(String table) {
        return jdbc.sql("""
                select column_name, data_type from information_schema.columns
                where table_schema = :schema and table_name = :table order by ordinal_position""")
                .param("schema", schema).param("table", table)
                .query((rs, n) -> new Column(rs.getString(1), rs.getString(2))).list();
    }
}
