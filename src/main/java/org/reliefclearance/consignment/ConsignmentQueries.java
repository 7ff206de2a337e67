package org.reliefclearance.consignment;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Read models of the API: listings with filters and paging, and the reviews of a consignment. */
@Repository
public class ConsignmentQueries {

    private final JdbcClient jdbc;

    ConsignmentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Filter(ConsignmentStatus status, String portCode) {
    }

    public record Summary(String reference, String organisationCode, String portCode, ConsignmentStatus status,
                          OffsetDateTime expectedArrival, OffsetDateTime createdAt,
                          OffsetDateTime updatedAt) {
    }

    public record Page(List<Summary> items, int page, int size, long total) {
    }

    /** The consignments the caller may see (see {@link ConsignmentAccess}) that match the filter, newest first. */
    public Page list(ConsignmentAccess.Visibility visible, Filter filter, int page, int size) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        conditions.add(visible.sql());
        params.addAll(visible.params());
        if (filter.status() != null) {
            conditions.add("c.status = ?");
            params.add(filter.status().name());
        }
        if (filter.portCode() != null) {
            conditions.add("c.port_code = ?");
            params.add(filter.portCode());
        }
        String where = " where " + String.join(" and ", conditions);
        long total = jdbc.sql("select count(*) from consignment c" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<Summary> items = jdbc.sql("select c.reference, c.organisation_code, c.port_code, c.status,"
                        + " c.expected_arrival, c.created_at, c.updated_at from consignment c" + where
                        + " order by c.created_at desc, c.id desc limit ? offset ?")
                .params(pageParams).query(Summary.class).list();
        return new Page(items, page, size, total);
    }

    /** Whether the caller may see this consignment: the same condition as the listing's. */
    boolean isVisible(long consignmentId, ConsignmentAccess.Visibility visible) {
        List<Object> params = new ArrayList<>();
        params.add(consignmentId);
        params.addAll(visible.params());
        return jdbc.sql("select count(*) from consignment c where c.id = ? and " + visible.sql())
                .params(params).query(Long.class).single() > 0;
    }

}
