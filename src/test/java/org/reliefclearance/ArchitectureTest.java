package org.reliefclearance;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The house's plan, kept by the build: one package per feature with no cycles between them; the data
 * of record and the reference data at the bottom; process glue in the package of its process;
 * controllers in a feature's {@code api} package (or reporting); Camunda's internals only behind the
 * doors that need them.
 */
class ArchitectureTest {

    private static final String ROOT = "org.reliefclearance";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void featurePackagesDependOnEachOtherWithoutCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theDataOfRecordAndTheReferenceDataKnowNoProcess() {
        ArchRule rule = noClasses().that().resideInAnyPackage(ROOT + ".consignment..", ROOT + ".registry..",
                        ROOT + ".forms..", ROOT + ".time..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".clearance..", ROOT + ".review..",
                        ROOT + ".screening..", ROOT + ".exemption..", ROOT + ".customs..", ROOT + ".documents..",
                        ROOT + ".emergency..", ROOT + ".deadlines..", ROOT + ".reporting..", ROOT + ".web..",
                        ROOT + ".enginedoor..");
        rule.check(CLASSES);
    }

    @Test
    void servicesDoNotReachUpIntoTheProcessesThatCallThem() {
        noClasses().that().resideInAnyPackage(ROOT + ".screening..", ROOT + ".exemption..", ROOT + ".customs..",
                        ROOT + ".documents..", ROOT + ".deadlines..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".clearance..", ROOT + ".reporting..",
                        ROOT + ".web..")
                .check(CLASSES);
    }

    @Test
    void processGlueLivesWithItsProcess() {
        classes().that().implement(JavaDelegate.class).or().implement(TaskListener.class)
                .or().implement(ExecutionListener.class)
                .should().resideInAnyPackage(ROOT + ".clearance", ROOT + ".review", ROOT + ".emergency",
                        ROOT + ".recognition")
                .check(CLASSES);
    }

    @Test
    void controllersLiveInAnApiPackageOrInReporting() {
        classes().that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
                // the portal is the organisations' browser door, as api/ is their systems'
                .should().resideInAnyPackage(ROOT + "..api", ROOT + ".reporting", ROOT + ".web", ROOT + ".portal")
                .check(CLASSES);
    }

    @Test
    void nothingButTheWebLayerDependsOnTheApiPackages() {
        noClasses().that().resideOutsideOfPackages(ROOT + "..api..", ROOT + ".web..", ROOT + ".portal..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + "..api..")
                .check(CLASSES);
    }

    @Test
    void camundaInternalsOnlyBehindTheDoorsThatNeedThem() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".enginedoor..", ROOT + ".modelguard..",
                        ROOT + ".identity..", ROOT + ".time..", ROOT + ".enginetuning..")
                // the engine's API hands out the current authentication as one of its internal classes
                .should().dependOnClassesThat(resideInAPackage("org.camunda.bpm.engine.impl..")
                        .and(not(name("org.camunda.bpm.engine.impl.identity.Authentication"))))
                .check(CLASSES);
    }

    @Test
    void onlyTheServiceClockTellsTheTime() {
        // one clock for Java and the engine, so a deadline computed in code and one fired by a timer agree
        noClasses().that().resideOutsideOfPackage(ROOT + ".time..")
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(ZoneId.class, "systemDefault")
                .check(CLASSES);
    }
}
