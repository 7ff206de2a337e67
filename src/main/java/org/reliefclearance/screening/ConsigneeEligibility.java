package org.reliefclearance.screening;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.reliefclearance.consignment.Actors;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.TimelineEvent;
import org.reliefclearance.registry.Organisation;
import org.reliefclearance.registry.Registry;
import org.springframework.stereotype.Service;

/** Step 3 of the SOP: only recognised organisations in good standing may import relief. */
@Service
public class ConsigneeEligibility {

    private final Registry registry;
    private final ConsignmentRepository consignments;
    private final Clock clock;

    ConsigneeEligibility(Registry registry, ConsignmentRepository consignments, Clock clock) {
        this.registry = registry;
        this.consignments = consignments;
        this.clock = clock;
    }

    public record Result(boolean eligible, String reason, String organisationName) {
    }

    /** Checks the consignee of the consignment and notes the outcome in its timeline. */
    public Result check(String reference, String organisationCode) {
        Result result = judge(registry.organisation(organisationCode), LocalDate.now(clock));
        consignments.addEvent(reference, Actors.SYSTEM, TimelineEvent.ELIGIBILITY_CHECKED, null,
                (result.eligible() ? "Eligible: " : "Not eligible: ") + result.reason());
        return result;
    }

    /** The same judgement without a case: whether this organisation may import relief today. */
    public Result assess(String organisationCode) {
        return judge(organisationCode == null ? Optional.empty() : registry.organisation(organisationCode),
                LocalDate.now(clock));
    }

    static Result judge(Optional<Organisation> found, LocalDate today) {
        if (found.isEmpty()) {
            return new Result(false, "The consignee is not a registered organisation", null);
        }
        Organisation o = found.get();
        if (o.isSuspended()) {
            return new Result(false, o.name() + " is suspended from the registry of relief organisations", o.name());
        }
        if (!o.hasValidMouOn(today)) {
            return new Result(false, o.name() + " has no valid MoU with a line ministry (valid until "
                    + o.mouValidUntil() + ")", o.name());
        }
        return new Result(true, o.name() + " is registered, in good standing, MoU valid until " + o.mouValidUntil(),
                o.name());
    }
}
