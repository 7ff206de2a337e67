package org.reliefclearance.consignment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.reliefclearance.identity.CurrentUser;
import org.reliefclearance.registry.Authority;
import org.reliefclearance.registry.OfficialGroup;
import org.reliefclearance.registry.OfficialGroup.Role;
import org.reliefclearance.registry.Organisation;
import org.reliefclearance.registry.Port;
import org.reliefclearance.registry.Registry;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what with a consignment, decided by the application (engine calls of the
 * API run without a Camunda user, see {@link ClearanceEngine}). One rule decides what a caller
 * sees, for the listing, the details, the documents, the dossier and every action:
 * <ul>
 *   <li>MoLSW, Customs HQ, NLPWG coordinators and process owners: every consignment;
 *   <li>a port's customs officers: the consignments entering through their port;
 *   <li>a line ministry's reviewers: the consignments their authority reviews (a review row, or
 *       a line classified for the authority);
 *   <li>an organisation: its own.
 * </ul>
 * Any other consignment answers "not found", exactly as one that does not exist.
 */
@Component
public class ConsignmentAccess {

    private static final Set<Role> SEE_ALL = EnumSet.of(Role.MOLSW, Role.CUSTOMS_HQ, Role.COORDINATOR,
            Role.PROCESS_OWNER);

    private final Registry registry;
    private final ConsignmentRepository consignments;
    private final ConsignmentQueries queries;

    ConsignmentAccess(Registry registry, ConsignmentRepository consignments, ConsignmentQueries queries) {
        this.registry = registry;
        this.consignments = consignments;
        this.queries = queries;
    }

    /** Consignments a caller may see, as a condition on the consignment table aliased {@code c}. */
    public record Visibility(String sql, List<Object> params) {

        static final Visibility ALL = new Visibility("1 = 1", List.of());
        static final Visibility NONE = new Visibility("1 = 0", List.of());

        public Visibility {
            params = List.copyOf(params);
        }
    }

    public Caller caller(CurrentUser user) {
        Map<String, Role> roleOfGroup = registry.groups().stream()
                .collect(Collectors.toMap(OfficialGroup::id, OfficialGroup::role));
        Set<Role> roles = user.groups().stream().map(roleOfGroup::get).filter(Objects::nonNull)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        String organisation = registry.organisationOfGroups(user.groups()).map(Organisation::code).orElse(null);
        boolean official = roles.stream().anyMatch(r -> r != Role.ORGANISATION);
        boolean seesAll = roles.stream().anyMatch(SEE_ALL::contains);
        Set<String> ports = roles.contains(Role.PORT_CUSTOMS)
                ? registry.ports().stream().filter(p -> user.memberOf(p.customsGroup())).map(Port::code)
                        .collect(Collectors.toSet())
                : Set.of();
        Set<String> authorities = roles.contains(Role.AUTHORITY)
                ? registry.authorities().stream().filter(a -> user.memberOf(a.groupId())).map(Authority::code)
                        .collect(Collectors.toSet())
                : Set.of();
        return new Caller(user.id(), user.groups(), organisation, official, seesAll, ports, authorities);
    }

    /** The organisation a new notification is submitted for. */
    public String submittingOrganisation(Caller caller) {
        if (caller.organisationCode() == null) {
            throw new ActionForbiddenException("Only a member of a registered organisation may notify a consignment");
        }
        return caller.organisationCode();
    }

    /** The consignments a listing may show the caller; neither official nor organisation: none at all. */
    public Visibility listingScope(Caller caller) {
        if (!caller.official() && caller.organisationCode() == null) {
            throw new ActionForbiddenException("Neither an official nor a member of an organisation");
        }
        return visibility(caller);
    }

    /** The rule itself: what the caller may see, as SQL, so a listing and a single read agree. */
    Visibility visibility(Caller caller) {
        if (caller.seesAll()) {
            return Visibility.ALL;
        }
        List<String> any = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (caller.organisationCode() != null) {
            any.add("c.organisation_code = ?");
            params.add(caller.organisationCode());
        }
        if (!caller.ports().isEmpty()) {
            any.add("c.port_code in (" + placeholders(caller.ports()) + ")");
            params.addAll(caller.ports());
        }
        if (!caller.authorities().isEmpty()) {
            any.add("exists (select 1 from authority_review r where r.consignment_id = c.id and r.authority_code in ("
                    + placeholders(caller.authorities()) + "))");
            params.addAll(caller.authorities());
            // any of the authorities a line needs, not only its lead one
            any.add("exists (select 1 from consignment_line l join line_authority la on la.line_id = l.id"
                    + " where l.consignment_id = c.id and la.authority_code in (" + placeholders(caller.authorities()) + "))");
            params.addAll(caller.authorities());
        }
        return any.isEmpty() ? Visibility.NONE : new Visibility("(" + String.join(" or ", any) + ")", params);
    }

    public Consignment readable(String reference, Caller caller) {
        Consignment c = consignments.findByReference(reference)
                .orElseThrow(() -> new ConsignmentNotFoundException(reference));
        Visibility visibility = visibility(caller);
        if (visibility.equals(Visibility.ALL) || queries.isVisible(c.id(), visibility)) {
            return c;
        }
        throw new ConsignmentNotFoundException(reference);
    }

    /** Whether {@link #readable} would let the caller read it. */
    public boolean mayRead(String reference, Caller caller) {
        try {
            readable(reference, caller);
            return true;
        } catch (ConsignmentNotFoundException hidden) {
            return false;
        }
    }

    /** For what only the consignee does: answer, upload, withdraw, report distribution. */
    public Consignment ownConsignment(String reference, Caller caller) {
        Consignment c = readable(reference, caller);
        if (!caller.actsFor(c.organisationCode())) {
            throw new ActionForbiddenException("Only the consignee organisation may do this");
        }
        return c;
    }

    /** The customs officers of the consignment's port. */
    public Consignment portOfficer(String reference, Caller caller) {
        Consignment c = readable(reference, caller);
        String portGroup = registry.port(c.portCode()).orElseThrow().customsGroup();
        if (!caller.memberOf(portGroup)) {
            throw new ActionForbiddenException("Only customs officers of port " + c.portCode() + " may do this");
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

    /** The head of the case's port of entry (the port's head group in the registry). */
    public Consignment headOfCheckpoint(String reference, Caller caller) {
        Consignment c = readable(reference, caller);
        String headGroup = registry.port(c.portCode()).orElseThrow().headGroup();
        if (headGroup == null || !caller.memberOf(headGroup)) {
            throw new ActionForbiddenException("Only the head of checkpoint " + c.portCode() + " may do this");
        }
        return c;
    }

    private static String placeholders(Collection<?> values) {
        return String.join(", ", values.stream().map(v -> "?").toList());
    }
}
