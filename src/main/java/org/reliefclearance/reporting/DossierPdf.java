package org.reliefclearance.reporting;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.consignment.ConsignmentMilestones;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.DistributionReports;
import org.reliefclearance.documents.DocumentChecklist;
import org.reliefclearance.documents.DocumentStore;
import org.reliefclearance.documents.StoredDocument;
import org.reliefclearance.pages.ExerciseMode;
import org.reliefclearance.registry.Authority;
import org.reliefclearance.registry.Organisation;
import org.reliefclearance.registry.Port;
import org.reliefclearance.registry.Provinces;
import org.reliefclearance.registry.Registry;
import org.reliefclearance.review.AuthorityReviewRepository;
import org.reliefclearance.words.Vocabulary;
import org.reliefclearance.words.Words;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The clearance dossier of one consignment as a PDF ({@code templates/reports/dossier.html}): the
 * notification, its lines and their classification, every review and timeline event with official,
 * time and reason, the documents lodged (never their content), the exemption decision and the
 * release note. Headings in English and Lao, codes in the reader's language, times in the service's zone.
 */
@Component
class DossierPdf {

    static final String TEMPLATE = "reports/dossier";

    private final ConsignmentRepository consignments;
    private final AuthorityReviewRepository reviews;
    private final DocumentStore documents;
    private final Registry registry;
    private final Provinces provinces;
    private final Vocabulary vocabulary;
    private final ITemplateEngine templates;
    private final HtmlPdf pdf;

    private final ConsignmentMilestones milestones;
    private final DocumentChecklist checklist;
    private final DistributionReports distributionReports;
    private final ExerciseMode exerciseMode;

    DossierPdf(ConsignmentRepository consignments, AuthorityReviewRepository reviews, DocumentStore documents,
               Registry registry, Vocabulary vocabulary, ITemplateEngine templates, HtmlPdf pdf,
               ConsignmentMilestones milestones, DocumentChecklist checklist, DistributionReports distributionReports,
               Provinces provinces, ExerciseMode exerciseMode) {
        this.exerciseMode = exerciseMode;
        this.distributionReports = distributionReports;
        this.provinces = provinces;
        this.milestones = milestones;
        this.checklist = checklist;
        this.consignments = consignments;
        this.reviews = reviews;
        this.documents = documents;
        this.registry = registry;
        this.vocabulary = vocabulary;
        this.templates = templates;
        this.pdf = pdf;
    }

    byte[] render(Consignment c, Locale locale) {
        Words words = vocabulary.in(locale);
        Context page = new Context(words.locale());
        page.setVariable("words", words);
        page.setVariables(model(c));
        page.setVariable("exercise", exerciseMode.isOn());
        return pdf.render(templates.process(TEMPLATE, page));
    }

    /** What the dossier shows of a case, also the case page's (words come with the page). */
    Map<String, Object> model(Consignment c) {
        Map<String, Object> model = new HashMap<>();
        model.put("c", c);
        model.put("organisationName", registry.organisation(c.organisationCode())
                .map(Organisation::name).orElse(c.organisationCode()));
        model.put("portName", registry.port(c.portCode()).map(Port::name).orElse(null));
        model.put("destination", c.destinationProvince() == null ? null
                : provinces.find(c.destinationProvince()).orElse(null));
        model.put("authorityNames", registry.authorities().stream()
                .collect(Collectors.toMap(Authority::code, Authority::name)));
        List<ConsignmentLine> lines = consignments.lines(c.id());
        List<StoredDocument> lodged = documents.list(c.id());
        model.put("lines", lines);
        model.put("reviews", reviews.ofConsignment(c.id()));
        model.put("events", consignments.events(c.id()));
        model.put("documents", lodged);
        model.put("checklist", checklist.of(lines, lodged));
        model.put("releases", milestones.releases(c.id()));
        model.put("distribution", distributionReports.ofConsignment(c.id()));
        return model;
    }
}
