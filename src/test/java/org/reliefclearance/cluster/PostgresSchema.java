package org.reliefclearance.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A schema of its own in the PostgreSQL test database (PG_TEST_URL), dropped and created for
 * each run, and the arguments that point a node of the service at it.
 */
public final class PostgresSchema {

    static final String ADMIN_PASSWORD = "Str0ng-relief-passphrase";

    public final String name;
    final String url;
    public final String user;
    public final String password;

    public PostgresSchema(String name) {
        this.name = name;
        this.url = env("PG_TEST_URL", "jdbc:postgresql://127.0.0.1:5432/relief_clearance_test");
        this.user = env("PG_TEST_USER", "relief");
        this.password = env("PG_TEST_PASSWORD", "relief_ci_password");
    }

    public void recreate() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + name + " cascade");
            s.execute("create schema " + name);
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(schemaUrl(), user, password);
    }

    public String schemaUrl() {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    /** Command-line arguments for a node on this schema, with demo users and the job executor on. */
    List<String> nodeArguments(int port, String engineName) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=postgres,demo",
                "--server.port=" + port,
                "--spring.datasource.url=" + schemaUrl(),
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--spring.datasource.hikari.maximum-pool-size=12",
                "--camunda.bpm.database.schema-name=" + name,
                "--camunda.bpm.database.table-prefix=" + name + ".",
                "--camunda.bpm.process-engine-name=" + engineName,
                "--camunda.bpm.job-execution.enabled=true",
                "--camunda.bpm.job-execution.deployment-aware=false",
                // jobs created by the other node are found within half a second
                "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--camunda.bpm.job-execution.max-wait=500",
                "--relief.admin.password=" + ADMIN_PASSWORD,
                "--logging.level.root=WARN",
                "--logging.level.org.camunda.bpm.engine.context=OFF",
                "--spring.main.banner-mode=off"));
        return args;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
