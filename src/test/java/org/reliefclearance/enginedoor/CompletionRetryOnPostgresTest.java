package org.reliefclearance.enginedoor;

import org.junit.jupiter.api.Tag;
import org.reliefclearance.cluster.PostgresSchema;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The completion races of {@link CompletionRetryEngineTest} on PostgreSQL, as production runs them:
 * which statement fails, and how, when a task's execution is deleted or its row changed by another
 * transaction is the database's doing, and the retry must recognise it there too. In a schema of its
 * own, with the demo users, closed after the class so no engine of it outlives the class.
 */
@Tag("postgres")
@ActiveProfiles("postgres")
@DirtiesContext
class CompletionRetryOnPostgresTest extends CompletionRetryEngineTest {

    @DynamicPropertySource
    static void ownSchema(DynamicPropertyRegistry registry) throws Exception {
        PostgresSchema schema = new PostgresSchema("completion_race");
        schema.recreate();
        registry.add("spring.datasource.url", schema::schemaUrl);
        registry.add("spring.datasource.username", () -> schema.user);
        registry.add("spring.datasource.password", () -> schema.password);
        registry.add("DB_SCHEMA", () -> schema.name);
    }
}
