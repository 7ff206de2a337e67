package org.reliefclearance.screening;

import java.util.Optional;

import org.reliefclearance.deadlines.Deadline;
import org.reliefclearance.deadlines.DeadlineStep;
import org.reliefclearance.deadlines.Deadlines;
import org.reliefclearance.registry.Authority;
import org.reliefclearance.registry.Registry;
import org.springframework.stereotype.Service;

/**
 * What importing some goods takes, as the rules say today: the goods-classification decision,
 * the approving authority from the registry, and the deadline of its review (shorter while a
 * national emergency is in force).
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

    public record Requirements(GoodsRequirement goods, Optional<Authority> authority, Optional<Deadline> reviewDeadline) {
    }

    /** Empty when no rule covers these goods. */
    public Optional<Requirements> of(String hsCode, String category) {
        return goods.classify(hsCode, category).map(requirement -> {
            Optional<Authority> authority = Optional.ofNullable(requirement.authorityCode()).flatMap(registry::authority);
            Optional<Deadline> deadline = authority
                    .map(a -> deadlines.deadline(DeadlineStep.AUTHORITY_REVIEW, a.code()));
            return new Requirements(requirement, authority, deadline);
        });
    }
}
