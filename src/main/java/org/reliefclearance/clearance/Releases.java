package org.reliefclearance.clearance;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.reliefclearance.consignment.Actors;
import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.consignment.ConsignmentMilestones;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.ReferenceGenerator;
import org.reliefclearance.consignment.TimelineEvent;
import org.reliefclearance.notifications.Notices;
import org.reliefclearance.review.ReviewOutcomes;
import org.reliefclearance.review.ReviewOutcomes.LineState;
import org.springframework.stereotype.Service;

/**
 * Issues a release note for some lines of a case: a unique number per port, written on each line and
 * on the timeline. The case shows them released once customs has declared them ({@link CustomsDeclarations}).
 */
@Service
class Releases {

    private final ReferenceGenerator references;
    private final ConsignmentMilestones milestones;
    private final ConsignmentRepository consignments;
    private final ReviewOutcomes reviews;
    private final Notices notices;

    Releases(ReferenceGenerator references, ConsignmentMilestones milestones, ConsignmentRepository consignments,
             ReviewOutcomes reviews, Notices notices) {
        this.notices = notices;
        this.references = references;
        this.milestones = milestones;
        this.consignments = consignments;
        this.reviews = reviews;
    }

    /**
     * @param lineNos the lines to release; those no longer ready (released meanwhile) are left out
     * @return the release number, or null when none of the lines is ready any more
     */
    String release(String reference, String portCode, Collection<Integer> lineNos, boolean beforeDeclaration,
                   String actor, String why) {
        consignments.lockForUpdate(reference);
        Map<ConsignmentLine, LineState> states = reviews.lineStates(reference);
        List<ConsignmentLine> ready = states.entrySet().stream()
                .filter(e -> ReleasePlan.releasable(e) && lineNos.contains(e.getKey().lineNo()))
                .map(Map.Entry::getKey).toList();
        if (ready.isEmpty()) {
            return null;
        }
        String releaseNumber = references.nextReleaseNumber(portCode);
        OffsetDateTime releasedAt = milestones.released(reference, releaseNumber,
                ready.stream().map(ConsignmentLine::lineNo).toList(), beforeDeclaration);
        boolean othersWait = ReleasePlan.linesStillWait(reviews.lineStates(reference));
        consignments.addEvent(reference, actor, TimelineEvent.RELEASED, null,
                "Release note " + releaseNumber + " issued at " + releasedAt + " for lines " + describe(ready)
                        + (othersWait ? "; other lines still wait" : "") + (why == null ? "" : ". " + why));
        notices.released(reference, releaseNumber, ready.stream().map(ConsignmentLine::lineNo).toList());
        return releaseNumber;
    }

    static String describe(List<ConsignmentLine> lines) {
        return String.join(", ", lines.stream().map(l -> l.lineNo() + " " + l.description()).toList());
    }
}
