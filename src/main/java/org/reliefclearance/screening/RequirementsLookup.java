package org.reliefclearance.screening;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.reliefclearance.deadlines.Deadline;
import org.reliefclearance.deadlines.DeadlineStep;
import org.reliefclearance.deadlines.Deadlines;
import org.reliefclearance.enginetuning.RuleLookups;
import org.reliefclearance.registry.Authority;
import org.reliefclearance.registry.Registry;
import org.springframework.stereotype.Service;

/**
 * What importing some goods takes, as the rules say today: the goods decisions, the approving
 * authorities from the registry, and the deadline of each review (shorter while a national
 * emergency is in force).
 */
@Service
public class RequirementsLookup {

    private final GoodsClassification goods;
    private final Registry registry;
    private final Deadlines deadlines;

    RequirementsLookup(GoodsClassification goods, Registry registry, Deadlines deadlines) {
        this.goods = goods;
        this.registry = registry;
        this.deadlines = deadlines;
    }

    /** One authority's approval of the goods and the deadline of its review. */
    public record Approval(Authority authority, GoodsRequirement.Approval requirement, Deadline reviewDeadline) {
    }

    /**
     * @param authority      the lead authority
     * @param reviewDeadline the latest of the approvals' deadlines: the reviews run in parallel, the goods
     *                       wait for the last
     */
    public record Requirements(GoodsRequirement goods, Optional<Authority> authority, Optional<Deadline> reviewDeadline,
                               List<Approval> approvals) {
    }

    /** Empty when no rule covers these goods. */
    public Optional<Requirements> of(String hsCode, String category) {
        // anyone may ask, without signing in: the answer decides no case and leaves no history
        return RuleLookups.lookUp(() -> goods.classify(hsCode, category).map(requirement -> {
            List<Approval> approvals = requirement.approvals().stream()
                    .flatMap(a -> registry.authority(a.authorityCode()).stream().map(authority -> new Approval(authority,
                            a, deadlines.deadline(DeadlineStep.AUTHORITY_REVIEW, authority.code()))))
                    .toList();
            Optional<Authority> lead = approvals.stream().findFirst().map(Approval::authority);
            Optional<Deadline> deadline = approvals.stream().map(Approval::reviewDeadline)
                    .max(Comparator.comparing(Deadline::dueAt));
            return new Requirements(requirement, lead, deadline, approvals);
        }));
    }
}
