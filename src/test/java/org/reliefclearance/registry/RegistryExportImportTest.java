package org.reliefclearance.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reliefclearance.registry.RegistryClient.ADMIN;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ReliefClearanceApplication;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.ClearanceCases;
import org.reliefclearance.clearance.ConsignmentRegistration;
import org.reliefclearance.clearance.CustomsDeclarationWorker;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.documents.DocumentStore;
import org.reliefclearance.documents.DocumentsOnForms;
import org.reliefclearance.screening.ConsigneeEligibility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The export is the whole registry: imported into a service on an empty database it gives the same
 * rows, the same eligibility of every organisation, the same routing of goods to reviewers' groups,
 * and the Camunda groups follow.
 */
@ServiceTest
class RegistryExportImportTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Registry registry;
    @Autowired
    ConsigneeEligibility eligibility;
    @Autowired
    ClearanceCases cases;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ObjectMapper json;

    @Test
    void anExportImportedIntoAnEmptyDatabaseBehavesTheSame() throws Exception {
        RegistryClient api = new RegistryClient(http);
        api.put(ADMIN, "/ports/XIENG_KOK", Map.of("name", "Xieng Kok Mekong port", "kind", "RIVER"));
        api.put(ADMIN, "/ports/XIENG_KOK/hours/2031", List.of(Map.of("weekday", "MONDAY", "opens", "08:00",
                "closes", "16:30"), Map.of("weekday", "SATURDAY", "opens", "08:00", "closes", "12:00")));
        api.put(ADMIN, "/holidays/2031-10-15", Map.of("name", "Boun Ok Phansa"));
        api.put(ADMIN, "/organisations/ASIA_RELIEF", Map.of("name", "Asia Relief Network", "kind", "INGO",
                "status", "SUSPENDED", "mouValidUntil", "2030-01-01"));
        ResponseEntity<String> exported = http.withBasicAuth(ADMIN, "admin").getForEntity("/api/registry/export", String.class);
        assertThat(exported.getStatusCode()).isEqualTo(HttpStatus.OK);
        RegistrySnapshot file = json.readValue(exported.getBody(), RegistrySnapshot.class);
        assertThat(file.operatingHours()).extracting(OperatingHours::port).contains("XIENG_KOK");

        try (ConfigurableApplicationContext fresh = freshService()) {
            JdbcClient freshDb = fresh.getBean(JdbcClient.class);
            empty(freshDb);
            Registry freshRegistry = fresh.getBean(Registry.class);
            assertThat(freshRegistry.ports()).isEmpty();

            int changed = fresh.getBean(RegistryAdministration.class).importSnapshot(new RegistryEditor(ADMIN, true, false), file);

            assertThat(changed).isGreaterThan(file.ports().size());
            assertThat(freshRegistry.snapshot()).as("the same rows").isEqualTo(registry.snapshot());
            assertThat(freshDb.sql("select count(*) from registry_change where changed_by = 'admin'").query(Long.class)
                    .single()).as("every entry audited").isEqualTo(changed);
            ConsigneeEligibility freshEligibility = fresh.getBean(ConsigneeEligibility.class);
            for (Organisation o : registry.organisations()) {
                assertThat(freshEligibility.assess(o.code())).as(o.code()).isEqualTo(eligibility.assess(o.code()));
            }
            IdentityService freshIdentity = fresh.getBean(ProcessEngine.class).getIdentityService();
            assertThat(freshIdentity.createGroupQuery().groupIdIn("customs-port-xieng-kok", "org-asia-relief").count())
                    .as("Camunda groups follow the import").isEqualTo(2);
            assertThat(reviewGroups(fresh.getBean(ProcessEngine.class), casesOf(fresh)))
                    .as("the same routing").isEqualTo(reviewGroups(engine, cases)).isNotEmpty();
        }
    }

    /** The groups whose reviewers a consignment of medicines, seeds and milk powder reaches. */
    private static List<String> reviewGroups(ProcessEngine engine, ClearanceCases cases) {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("WFP", false, ClearanceCases.MEDICINE,
                ClearanceCases.SEEDS, ClearanceCases.MILK_POWDER));
        cases.endorse(instance);
        return engine.getTaskService().createTaskQuery().processDefinitionKey("line-ministry-review").active().list()
                .stream().filter(t -> engine.getRuntimeService().createProcessInstanceQuery()
                        .processInstanceId(t.getProcessInstanceId()).superProcessInstanceId(instance.getId()).count() == 1)
                .flatMap(t -> engine.getTaskService().getIdentityLinksForTask(t.getId()).stream())
                .map(link -> link.getGroupId()).filter(g -> g != null).sorted().toList();
    }

    private static ClearanceCases casesOf(ConfigurableApplicationContext context) {
        return new ClearanceCases(context.getBean(ConsignmentRegistration.class),
                context.getBean(ConsignmentRepository.class), context.getBean(ProcessEngine.class),
                context.getBean(DocumentStore.class), context.getBean(DocumentsOnForms.class),
                context.getBean(CustomsDeclarationWorker.class));
    }

    /** The service on a database of its own, under an engine name of its own (the JVM's engine registry). */
    private static ConfigurableApplicationContext freshService() {
        return new SpringApplicationBuilder(ReliefClearanceApplication.class).run(
                "--spring.profiles.active=test,demo",
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:registry-import-" + UUID.randomUUID()
                        + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
                "--camunda.bpm.process-engine-name=registryimport",
                // Tasklist, Cockpit and Admin keep JVM-wide state: only the shared context serves them
                "--camunda.bpm.webapp.enabled=false",
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off");
    }

    /** What the seed migrations put in the registry, gone. */
    private static void empty(JdbcClient db) {
        for (String table : List.of("registry_change", "port_operating_hours", "public_holiday", "organisation",
                "authority", "port", "official_group")) {
            db.sql("delete from " + table).update();
        }
    }
}
