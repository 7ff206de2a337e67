package org.reliefclearance.consignment;

import java.util.Optional;

import org.reliefclearance.approval.Deadline;
import org.reliefclearance.approval.Deadlines;
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

    private final ClearanceEngine engine;
    private final Registry registry;
    private final Deadlines deadlines;

    RequirementsLookup(ClearanceEngine engine, Registry registry, Deadlines deadlines) {
        this.engine = engine;
        this.registry = registry;
        this.deadlines = deadlines;
    }

    public record Requirements(GoodsRequirement goods, Optional<Authority> authority, Optional<Deadline> reviewDeadline) {
    }

    /** Empty when no rule covers these goods. */
    public Optional<Requirements> of(String hsCode, String category) {
        return engine.classify(hsCode, category).map(goods -> {
            Optional<Authority> authority = Optional.ofNullable(goods.authorityCode()).flatMap(registry::authority);
            Optional<Deadline> deadline = authority
                    .map(a -> deadlines.deadline(Deadlines.Steps.AUTHORITY_REVIEW, a.code()));
            return new Requirements(goods, authority, deadline);
        });
    }
}
