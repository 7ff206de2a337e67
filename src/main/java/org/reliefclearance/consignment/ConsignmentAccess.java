package org.reliefclearance.consignment;

import org.reliefclearance.identity.CurrentUser;
import org.reliefclearance.registry.OfficialGroup;
import org.reliefclearance.registry.Organisation;
import org.reliefclearance.registry.Registry;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what with a consignment, decided by the application (engine calls of the
 * API run without a Camunda user, see {@link ClearanceEngine}). An organisation sees only its
 * own consignments; anything else answers "not found". Officials read all.
 */
@Component
public class ConsignmentAccess {

    private final Registry registry;
    private final ConsignmentRepository consignments;

    ConsignmentAccess(Registry registry, ConsignmentRepository consignments) {
        this.registry = registry;
        this.consignments = consignments;
    }

    public Caller caller(CurrentUser user) {
        String organisation = registry.organisationOfGroups(user.groups()).map(Organisation::code).orElse(null);
        boolean official = registry.groups().stream()
                .anyMatch(g -> g.role() != OfficialGroup.Role.ORGANISATION && user.memberOf(g.id()));
        return new Caller(user.id(), user.groups(), organisation, official);
    }

    /** The organisation a new notification is submitted for. */
    public String submittingOrganisation(Caller caller) {
        if (caller.organisationCode() == null) {
            throw new ActionForbiddenException("Only a member of a registered organisation may notify a consignment");
        }
        return caller.organisationCode();
    }

    /** The organisation whose consignments a listing is limited to; null for officials (all). */
    public String listingScope(Caller caller) {
        if (caller.official()) {
            return null;
        }
        if (caller.organisationCode() != null) {
            return caller.organisationCode();
        }
        throw new ActionForbiddenException("Neither an official nor a member of an organisation");
    }

    public Consignment readable(String reference, Caller caller) {
        Consignment c = consignments.findByReference(reference)
                .orElseThrow(() -> new ConsignmentNotFoundException(reference));
        if (caller.official() || caller.actsFor(c.organisationCode())) {
            return c;
        }
        throw new ConsignmentNotFoundException(reference);
    }

    /** For what only the consignee does: answer, upload, withdraw, report distribution. */
    public Consignment ownConsignment(String reference, Caller caller) {
        Consignment c = readable(reference, caller);
        if (!caller.actsFor(c.organisationCode())) {
            throw new ActionForbiddenException("Only the consignee organisation may do this");
        }
        return c;
    }

    /** Arrival is reported by the customs officers of the consignment's port, or by the consignee. */
    public Consignment arrivalReportable(String reference, Caller caller) {
        Consignment c = readable(reference, caller);
        String portGroup = registry.port(c.portCode()).orElseThrow().customsGroup();
        if (!caller.actsFor(c.organisationCode()) && !caller.memberOf(portGroup)) {
            throw new ActionForbiddenException("Only customs officers of port " + c.portCode()
                    + " or the consignee may report arrival");
        }
        return c;
    }
}
