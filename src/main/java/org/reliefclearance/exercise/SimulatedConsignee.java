package org.reliefclearance.exercise;

import java.time.Instant;
import java.time.ZoneOffset;

import org.reliefclearance.clearance.ConsignmentActions;
import org.reliefclearance.clearance.ConsignmentRegistration;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.NewConsignment;
import org.reliefclearance.documents.DocumentStore;
import org.reliefclearance.documents.DocumentsOnForms;
import org.reliefclearance.reporting.HtmlPdf;

/**
 * The organisations of a scenario, played by the service: they notify, lodge documents, answer
 * questions and report arrivals through the same application services as the API and the portal,
 * so the cases are real cases of the SOP. They never work an official's task.
 */
class SimulatedConsignee {

    private final ConsignmentRegistration registration;
    private final ConsignmentActions actions;
    private final ConsignmentRepository consignments;
    private final DocumentStore documents;
    private final DocumentsOnForms documentsOnForms;
    private final HtmlPdf pdf;
    private byte[] document;

    SimulatedConsignee(ConsignmentRegistration registration, ConsignmentActions actions,
                       ConsignmentRepository consignments, DocumentStore documents, DocumentsOnForms documentsOnForms,
                       HtmlPdf pdf) {
        this.registration = registration;
        this.actions = actions;
        this.consignments = consignments;
        this.documents = documents;
        this.documentsOnForms = documentsOnForms;
        this.pdf = pdf;
    }

    /** The timeline names the simulated organisation as actor, so no one mistakes it for a trainee. */
    static String actor(String organisation) {
        return "exercise-" + organisation.toLowerCase();
    }

    /** Notifies {@code planned} for {@code port} now; returns the case's reference. */
    String notify(long run, Scenario.Consignment planned, String port, Instant now) {
        NewConsignment notification = new NewConsignment(planned.organisation(), port, planned.destinationProvince(),
                now.plus(planned.arrivesAfter()).atOffset(ZoneOffset.UTC), planned.transportDocumentType(),
                "EX" + run + "-" + planned.key().toUpperCase(), planned.donor(), false,
                planned.lines().stream().map(l -> new NewConsignment.Line(l.description(), l.hsCode(), l.category(),
                        l.quantity(), l.unit(), l.valueUsd(), l.grossWeightKg())).toList());
        return registration.register(notification, actor(planned.organisation()), "exercise-" + run + "-" + planned.key())
                .consignment().reference();
    }

    void lodge(String reference, String organisation, String type) {
        Consignment c = consignment(reference);
        documents.store(c, type, type.toLowerCase() + ".pdf", document(), actor(organisation));
        documentsOnForms.refresh(consignment(reference));
    }

    void answer(String reference, String organisation, Scenario.Answer answer) {
        Consignment c = consignment(reference);
        switch (answer.action()) {
            case PROVIDE_INFORMATION -> actions.provideInformation(c, answer.authority(), answer.text(), actor(organisation));
            case REPORT_ARRIVAL -> actions.reportArrival(c, actor(organisation));
        }
    }

    private Consignment consignment(String reference) {
        return consignments.findByReference(reference).orElseThrow();
    }

    /** One small PDF marked as an exercise stands for every document a simulated consignee lodges. */
    private synchronized byte[] document() {
        if (document == null) {
            document = pdf.render("<html><body><h1>EXERCISE</h1><p>Simulated document of a training exercise."
                    + " Not valid for any real consignment.</p></body></html>");
        }
        return document;
    }
}
