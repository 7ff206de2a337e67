package org.reliefclearance.clearance;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.reliefclearance.clearance.ClearanceProcess.Vars;
import org.reliefclearance.consignment.Actors;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.TimelineEvent;
import org.reliefclearance.modelguard.ModelBean;
import org.reliefclearance.registry.Authority;
import org.reliefclearance.registry.Registry;
import org.reliefclearance.review.AuthorityReview;
import org.reliefclearance.review.AuthorityReviewRepository;
import org.reliefclearance.words.Languages;
import org.reliefclearance.words.Vocabulary;
import org.reliefclearance.words.Words;
import org.springframework.stereotype.Component;

/**
 * The conditions the ministries attached to their permits, put before the port officer on Task_ClearAtPort
 * ({@code ${permitConditionsAtPort.show(execution)}}), and how the port observed them, on the timeline
 * ({@code ${permitConditionsAtPort.record(task)}}). The text is written from the registry's and the
 * service's own words, never from what a person typed.
 */
@ModelBean
@Component("permitConditionsAtPort")
public class PermitConditionsAtPort {

    private final ConsignmentRepository consignments;
    private final AuthorityReviewRepository reviews;
    private final Registry registry;
    private final Vocabulary vocabulary;
    private final IdentityService identity;

    PermitConditionsAtPort(ConsignmentRepository consignments, AuthorityReviewRepository reviews, Registry registry,
                           Vocabulary vocabulary, IdentityService identity) {
        this.consignments = consignments;
        this.reviews = reviews;
        this.registry = registry;
        this.vocabulary = vocabulary;
        this.identity = identity;
    }

    public void show(DelegateExecution execution) {
        long id = consignments.findByReference(Vars.CONSIGNMENT_REFERENCE.get(execution)).orElseThrow().id();
        Words en = vocabulary.in(Languages.ENGLISH);
        Words lo = vocabulary.in(Languages.LAO);
        List<String> lines = reviews.ofConsignment(id).stream()
                .filter(r -> r.permitConditions() != null && !r.permitConditions().isBlank())
                .map(r -> "- " + authorityName(r) + ": " + en.permitConditions(r.permitConditions()) + " / "
                        + lo.permitConditions(r.permitConditions()))
                .toList();
        Vars.HAS_PERMIT_CONDITIONS.set(execution, !lines.isEmpty());
        Vars.PERMIT_CONDITIONS_AT_PORT.set(execution, lines.isEmpty() ? null : String.join("\n", lines));
    }

    public void record(DelegateTask task) {
        String note = Vars.PERMIT_CONDITIONS_NOTE.get(task);
        if (note != null && !note.isBlank()) {
            consignments.addEvent(Vars.CONSIGNMENT_REFERENCE.get(task), Actors.current(identity, task.getAssignee()),
                    TimelineEvent.PERMIT_CONDITIONS_OBSERVED, null, note);
        }
    }

    private String authorityName(AuthorityReview review) {
        return registry.authority(review.authorityCode()).map(Authority::name).orElse(review.authorityCode());
    }
}
