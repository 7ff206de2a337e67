package org.reliefclearance.review;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.reliefclearance.consignment.CaseLines;
import org.reliefclearance.deadlines.Deadline;
import org.reliefclearance.deadlines.Deadlines;
import org.reliefclearance.review.LineMinistryReview.Vars;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Task_PrepareReview: opens the review with its deadline and gives the reviewer's task what it shows. */
@Component("prepareReview")
class PrepareReview implements JavaDelegate {

    private final AuthorityReviews reviews;
    private final Deadlines deadlines;
    private final ObjectMapper json;
    private final CaseLines caseLines;

    PrepareReview(AuthorityReviews reviews, Deadlines deadlines, ObjectMapper json, CaseLines caseLines) {
        this.caseLines = caseLines;
        this.reviews = reviews;
        this.deadlines = deadlines;
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) throws JsonProcessingException {
        String reference = ReviewExecution.reference(execution);
        AuthorityReviews.Opened opened = reviews.open(reference, Vars.AUTHORITY.require(execution));
        Deadline deadline = opened.deadline();

        Vars.CONSIGNMENT_REFERENCE.set(execution, reference);
        Vars.REVIEW_GROUP.set(execution, opened.authority().groupId());
        Vars.REVIEW_HEAD_GROUP.set(execution, opened.authority().headGroupId());
        Vars.REVIEW_ASSIGNEE.set(execution, null);
        // an authority that is its own ministry (MTC) is named once
        Vars.AUTHORITY_NAME.set(execution, opened.authority().name().equals(opened.authority().ministry())
                ? opened.authority().name() : opened.authority().name() + ", " + opened.authority().ministry());
        Vars.ORGANISATION.set(execution, opened.organisationName());
        Vars.PORT.set(execution, opened.portName());
        Vars.LINES.set(execution, caseLines.variable(opened.lines()));
        List<Map<String, String>> options = opened.lines().stream()
                .map(l -> Map.of("label", l.lineNo() + ": " + l.description(), "value", String.valueOf(l.lineNo())))
                .toList();
        Vars.LINE_OPTIONS.set(execution, SpinValues.jsonValue(json.writeValueAsString(options)).create());
        ReviewExecution.setClock(execution, deadline.dueAt(), deadline.reminderAt(),
                deadlines.display(deadline.dueAt()) + ", " + deadline.description());
        Vars.REVIEW_WORKING_TIME.set(execution, deadline.workingTime());
        Vars.TACIT_APPROVAL_ALLOWED.set(execution, opened.tacitApprovalAllowed());
        Vars.INFORMATION_REQUEST.clear(execution);
        Vars.INFORMATION_RESPONSE.clear(execution);
        Vars.INFORMATION_ASKED.clear(execution);
        ReviewExecution.clearDecision(execution);
    }

}
