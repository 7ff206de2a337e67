package org.reliefclearance.review;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
        ReviewExecution review = ReviewExecution.of(execution);
        AuthorityReviews.Opened opened = reviews.open(review.reference(), review.authority());
        Deadline deadline = opened.deadline();

        review.set(Vars.CONSIGNMENT_REFERENCE, review.reference());
        review.set(Vars.REVIEW_GROUP, opened.authority().groupId());
        review.set(Vars.REVIEW_ASSIGNEE, null);
        review.set(Vars.AUTHORITY_NAME, opened.authority().name() + ", " + opened.authority().ministry());
        review.set(Vars.ORGANISATION, opened.organisationName());
        review.set(Vars.PORT, opened.portName());
        review.set(Vars.LINES, caseLines.variable(opened.lines()));
        List<Map<String, String>> options = opened.lines().stream()
                .map(l -> Map.of("label", l.lineNo() + ": " + l.description(), "value", String.valueOf(l.lineNo())))
                .toList();
        review.set(Vars.LINE_OPTIONS, SpinValues.jsonValue(json.writeValueAsString(options)).create());
        review.set(Vars.LINES_SUMMARY, opened.lines().stream()
                .map(l -> "%d. %s (HS %s, %s %s)".formatted(l.lineNo(), l.description(), l.hsCode(),
                        l.quantity().stripTrailingZeros().toPlainString(), l.unit()))
                .collect(Collectors.joining("\n")));
        review.setClock(deadline.dueAt(), deadline.reminderAt(),
                deadlines.display(deadline.dueAt()) + ", " + deadline.description());
        review.set(Vars.REVIEW_WORKING_TIME, deadline.workingTime());
        review.set(Vars.TACIT_APPROVAL_ALLOWED, opened.tacitApprovalAllowed());
        review.set(Vars.INFORMATION_REQUEST, null);
        review.set(Vars.INFORMATION_RESPONSE, null);
        review.set(Vars.INFORMATION_ASKED, null);
        review.clearDecision();
    }
}
