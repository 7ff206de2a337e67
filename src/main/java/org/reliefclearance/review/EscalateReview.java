package org.reliefclearance.review;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.reliefclearance.notifications.Notices;
import org.reliefclearance.review.LineMinistryReview.Vars;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Task_EscalateReview: the review is overdue; marked escalated before the head of the authority takes
 * it, and mailed to the reviewing group and the head's group. The head's and the coordinators' forms
 * get the authority's officials the review may be handed back to, as they are now.
 */
@Component("escalateReview")
class EscalateReview implements JavaDelegate {

    private final AuthorityReviews reviews;
    private final Notices notices;
    private final IdentityService identity;
    private final ObjectMapper json;

    EscalateReview(AuthorityReviews reviews, Notices notices, IdentityService identity, ObjectMapper json) {
        this.reviews = reviews;
        this.notices = notices;
        this.identity = identity;
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) throws JsonProcessingException {
        String reference = ReviewExecution.reference(execution);
        String authority = Vars.AUTHORITY.require(execution);
        // an overdue review goes back only to one of the authority's own officials, chosen from a list
        String group = Vars.REVIEW_GROUP.require(execution);
        List<Map<String, String>> officials = identity.createUserQuery().memberOfGroup(group).orderByUserId().asc()
                .list().stream()
                .map(u -> Map.of("label", (u.getFirstName() + " " + u.getLastName()).strip() + " (" + u.getId() + ")",
                        "value", u.getId()))
                .toList();
        Vars.REVIEW_OFFICIALS.set(execution, SpinValues.jsonValue(json.writeValueAsString(officials)).create());
        reviews.escalate(reference, authority, Vars.REVIEW_DUE_AT.get(execution));
        notices.reviewEscalated(reference, authority, execution.getProcessInstanceId(), Vars.REVIEW_DUE_AT.get(execution),
                Vars.REVIEW_GROUP.get(execution), Vars.REVIEW_ASSIGNEE.get(execution), Vars.REVIEW_HEAD_GROUP.get(execution));
    }

}
