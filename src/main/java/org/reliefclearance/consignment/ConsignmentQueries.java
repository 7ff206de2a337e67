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

    public record Filter(String organisationCode, ConsignmentStatus status, String portCode) {
    }

    public record Summary(String reference, String organisationCode, String portCode, ConsignmentStatus status,
                          OffsetDateTime expectedArrival, OffsetDateTime createdAt,
                          OffsetDateTime updatedAt) {
    }

    public record Page(List<Summary> items, int page, int size, long total) {
    }

    public Page list(Filter filter, int page, int size) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (filter.organisationCode() != null) {
            conditions.add("organisation_code = ?");
            params.add(filter.organisationCode());
        }
        if (filter.status() != null) {
            conditions.add("status = ?");
            params.add(filter.status().name());
        }
        if (filter.portCode() != null) {
            conditions.add("port_code = ?");
            params.add(filter.portCode());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        long total = jdbc.sql("select count(*) from consignment" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<Summary> items = jdbc.sql("select reference, organisation_code, port_code, status, expected_arrival,"
                        + " created_at, updated_at from consignment" + where
                        + " order by created_at desc, id desc limit ? offset ?")
                .params(pageParams).query(Summary.class).list();
        return new Page(items, page, size, total);
    }

    public List<AuthorityReview> reviews(long consignmentId) {
        return jdbc.sql("""
                select authority_code, status, due_at, decided_by, decided_at, reason, tacit
                from authority_review where consignment_id = ? order by authority_code""")
                .param(consignmentId).query(AuthorityReview.class).list();
    }
}
