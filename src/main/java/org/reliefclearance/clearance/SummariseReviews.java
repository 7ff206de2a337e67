package org.reliefclearance.clearance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.reliefclearance.consignment.CaseLines;
import org.reliefclearance.review.ReviewOutcomes;
import org.springframework.stereotype.Component;

/** Reads what the ministries decided (authority_review, line review status) into one outcome. */
@Component("summariseReviews")
class SummariseReviews implements JavaDelegate {

    private final ReviewOutcomes reviews;
    private final CaseLines caseLines;

    SummariseReviews(ReviewOutcomes reviews, CaseLines caseLines) {
        this.reviews = reviews;
        this.caseLines = caseLines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReviewOutcomes.Summary summary =
                reviews.summarise((String) execution.getVariable(ClearanceProcess.Vars.CONSIGNMENT_REFERENCE));

        execution.setVariable(ClearanceProcess.Vars.REVIEW_OUTCOME, summary.outcome());
        execution.setVariable(ClearanceProcess.Vars.REVIEW_SUMMARY, summary.text());
        execution.setVariable(ClearanceProcess.Vars.LINES, caseLines.variable(summary.lines()));
    }
}
