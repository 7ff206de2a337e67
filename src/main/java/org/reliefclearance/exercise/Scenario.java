package org.reliefclearance.exercise;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * An exercise as its file describes it ({@code exercises/*.yaml}): the emergency, the consignments the
 * simulated consignees notify, what they answer and when, and the facilitator's injects. Every time is
 * an offset from the exercise's start (T+0) in simulated time, written as an ISO duration (PT6H, P1DT2H).
 */
public record Scenario(String id, String title, String description, int speed, EmergencyPlan emergency,
                       List<Consignment> consignments, List<Inject> injects) {

    public Scenario {
        consignments = consignments == null ? List.of() : List.copyOf(consignments);
        injects = injects == null ? List.of() : List.copyOf(injects);
        speed = speed <= 0 ? 60 : speed;
    }

    /** Declared through the service's emergency declarations, as MoLSW would. */
    public record EmergencyPlan(Duration at, String name, List<String> provinces, Duration lasts) {
    }

    /** One consignment: notified at {@code at}, arriving {@code arrivesAfter} later at the port. */
    public record Consignment(String key, Duration at, String organisation, String port, String destinationProvince,
                              Duration arrivesAfter,
                              String transportDocumentType, String donor, List<Line> lines,
                              List<DocumentDue> documents, List<Answer> answers) {
        public Consignment {
            documents = documents == null ? List.of() : List.copyOf(documents);
            answers = answers == null ? List.of() : List.copyOf(answers);
        }
    }

    public record Line(String description, String hsCode, String category, BigDecimal quantity, String unit,
                       BigDecimal valueUsd, BigDecimal grossWeightKg) {
    }

    /** A document the consignee lodges at {@code at} (later than the notification: a late document). */
    public record DocumentDue(String type, Duration at) {
    }

    /** What the simulated consignee does at {@code at}: answer a ministry's question, report the arrival. */
    public record Answer(Duration at, AnswerKind action, String authority, String text) {
    }

    public enum AnswerKind { PROVIDE_INFORMATION, REPORT_ARRIVAL }

    /** Something the facilitator throws in, at {@code at} or whenever they fire it from the page. */
    public record Inject(Duration at, InjectKind kind, String port, String divertTo, String user,
                         String consignment, String documentType, String note) {
    }

    public enum InjectKind {
        /** consignments notified from now on for {@code port} go to {@code divertTo} */
        PORT_CLOSED,
        PORT_REOPENED,
        /** {@code user} may not work until the facilitator says so: heads and coordinators must act */
        REVIEWER_ABSENT,
        /** the consignee never lodges {@code documentType} of {@code consignment} */
        DOCUMENT_MISSING,
        /** the customs-system simulator answers 503 until it is up again */
        CUSTOMS_SYSTEM_DOWN,
        CUSTOMS_SYSTEM_UP
    }
}
