package org.reliefclearance.exercise;

import java.time.Clock;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.reliefclearance.clearance.ConsignmentActions;
import org.reliefclearance.clearance.ConsignmentRegistration;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.customs.simulator.SimulatorBehaviour;
import org.reliefclearance.documents.DocumentStore;
import org.reliefclearance.documents.DocumentsOnForms;
import org.reliefclearance.identity.ServiceReads;
import org.reliefclearance.pages.ExerciseMode;
import org.reliefclearance.registry.Registry;
import org.reliefclearance.reporting.HtmlPdf;
import org.reliefclearance.time.SimulatedTime;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Exercise mode, only in the {@code exercise} profile (application-exercise.yaml: its own database,
 * the customs-system simulator). Outside it none of these beans exist and /exercise answers 404.
 */
@Profile(ExerciseMode.PROFILE)
@Configuration
class ExerciseConfiguration {

    @Bean
    SimulatedTime simulatedTime(ProcessEngine engine) {
        return new SimulatedTime(engine);
    }

    @Bean
    ExerciseClock exerciseClock(SimulatedTime time) {
        return new ExerciseClock(time);
    }

    @Bean
    Scenarios scenarios(@Value("${relief.exercise.scenarios}") String locations,
                        com.fasterxml.jackson.databind.ObjectMapper json) {
        return new Scenarios(locations, json);
    }

    @Bean
    ExerciseRuns exerciseRuns(JdbcClient jdbc) {
        return new ExerciseRuns(jdbc);
    }

    @Bean
    SimulatedConsignee simulatedConsignee(ConsignmentRegistration registration, ConsignmentActions actions,
                                          ConsignmentRepository consignments, DocumentStore documents,
                                          DocumentsOnForms documentsOnForms, HtmlPdf pdf) {
        return new SimulatedConsignee(registration, actions, consignments, documents, documentsOnForms, pdf);
    }

    @Bean
    Exercise exercise(Scenarios scenarios, ExerciseClock clock, ExerciseRuns runs, SimulatedConsignee consignee,
                      RuntimeService runtime, ObjectProvider<SimulatorBehaviour> customsSimulator) {
        return new Exercise(scenarios, clock, runs, consignee, new ExerciseEmergency(runtime),
                new Injects(customsSimulator));
    }

    @Bean
    Debriefs debriefs(ExerciseRuns runs, HistoryService history, ServiceReads reads, ConsignmentRepository consignments,
                      Registry registry, Clock clock) {
        return new Debriefs(runs, history, reads, consignments, registry, clock);
    }

    @Bean
    DebriefPdf debriefPdf(org.thymeleaf.ITemplateEngine templates, org.reliefclearance.words.Vocabulary vocabulary,
                          HtmlPdf pdf) {
        return new DebriefPdf(templates, vocabulary, pdf);
    }

    @Bean
    ExerciseTicker exerciseTicker(Exercise exercise, @Value("${relief.exercise.ticking:true}") boolean ticking) {
        return new ExerciseTicker(exercise, ticking);
    }

    /** Moves the exercise's clock every second (tests tick by hand: relief.exercise.ticking=false). */
    static class ExerciseTicker {

        private final Exercise exercise;
        private final boolean ticking;

        ExerciseTicker(Exercise exercise, boolean ticking) {
            this.exercise = exercise;
            this.ticking = ticking;
        }

        @Scheduled(fixedDelayString = "${relief.exercise.tick:PT1S}")
        void tick() {
            if (ticking) {
                exercise.tick();
            }
        }
    }
}
