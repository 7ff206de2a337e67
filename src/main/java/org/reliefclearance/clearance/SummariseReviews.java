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
                reviews.summarise(ClearanceProcess.Vars.CONSIGNMENT_REFERENCE.get(execution));

        ClearanceProcess.Vars.REVIEW_OUTCOME.set(execution, summary.outcome());
        ClearanceProcess.Vars.REVIEW_SUMMARY.set(execution, summary.text());
        ClearanceProcess.Vars.LINES.set(execution, caseLines.variable(summary.lines()));
    }
}
