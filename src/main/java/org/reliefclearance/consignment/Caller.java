package org.reliefclearance.consignment;

import java.util.List;
import java.util.Set;

/**
 * Who calls the application API, as the registry sees them: the organisation they act for
 * (if any), whether they belong to an official group, and which consignments their official
 * groups cover: all of them (MoLSW, Customs HQ, NLPWG coordinators, process owners), or those of
 * their ports and authorities. {@link ConsignmentAccess} turns this into the one visibility rule.
 */
public record Caller(String userId, List<String> groups, String organisationCode, boolean official,
                     boolean seesAll, Set<String> ports, Set<String> authorities) {

    public Caller {
        groups = List.copyOf(groups);
        ports = Set.copyOf(ports);
        authorities = Set.copyOf(authorities);
    }

    public boolean actsFor(String organisation) {
        return organisationCode != null && organisationCode.equals(organisation);
    }

    public boolean memberOf(String group) {
        return groups.contains(group);
    }
}
