package org.reliefclearance.consignment;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Year;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/**
 * Human-readable, unique numbers from database sequences, so every node of a cluster
 * hands out distinct ones without coordination: RC-2026-000123 and RN-WATTAY-2026-000045.
 */
@Component
public class ReferenceGenerator {

    private final DataFieldMaxValueIncrementer consignments;
    private final DataFieldMaxValueIncrementer releases;
    private final Clock clock;

    ReferenceGenerator(DataSource dataSource, Clock clock) throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        boolean postgres = product.toLowerCase().contains("postgres");
        this.consignments = postgres ? new PostgresSequenceMaxValueIncrementer(dataSource, "consignment_number_seq")
                : new H2SequenceMaxValueIncrementer(dataSource, "consignment_number_seq");
        this.releases = postgres ? new PostgresSequenceMaxValueIncrementer(dataSource, "release_number_seq")
                : new H2SequenceMaxValueIncrementer(dataSource, "release_number_seq");
        this.clock = clock;
    }

    public String nextConsignmentReference() {
        return "RC-%d-%06d".formatted(Year.now(clock).getValue(), consignments.nextLongValue());
    }

    public String nextReleaseNumber(String portCode) {
        return "RN-%s-%d-%06d".formatted(portCode, Year.now(clock).getValue(), releases.nextLongValue());
    }
}
