package org.reliefclearance.enginetuning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * On PostgreSQL the groups holding grants, which Camunda reads at every command of a signed-in
 * caller, are read by walking the group index (enginetuning/task-authorization.xml), and are the
 * groups Camunda's own statement finds.
 */
@Tag("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=${PG_TEST_URL:jdbc:postgresql://127.0.0.1:5432/relief_clearance_test}",
        "spring.datasource.username=${PG_TEST_USER:relief}",
        "spring.datasource.password=${PG_TEST_PASSWORD:relief_ci_password}",
        "relief.admin.password=Str0ng-relief-passphrase",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("postgres")
class AuthorizedGroupsOnPostgresTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theGroupsHoldingGrantsAreReadThroughTheIndexAndAreCamundasOwn() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration();
        assertThat(configuration.getDbSqlSessionFactory().getStatementMappings()).containsEntry(
                "selectAuthorizedGroupIds", TaskQueryAuthorization.CHECK_NAMESPACE + ".selectAuthorizedGroupIdsByIndex");

        List<String> camundas = jdbc.sql("select distinct GROUP_ID_ from ACT_RU_AUTHORIZATION where GROUP_ID_ is not null")
                .query(String.class).list();
        assertThat(camundas).isNotEmpty();
        List<String> asked = new ArrayList<>(camundas);
        asked.add("a-group-without-grants");
        List<String> filtered = configuration.getCommandExecutorTxRequired()
                .execute(context -> context.getAuthorizationManager().filterAuthenticatedGroupIds(asked));
        assertThat(filtered).containsExactlyInAnyOrderElementsOf(camundas);
    }
}
