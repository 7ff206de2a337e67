package org.reliefclearance.customs;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentLine;

/** What the national customs system receives for a released consignment. */
public record ReleaseRecord(String reference, String releaseNumber, String portCode, String organisationCode,
                            OffsetDateTime releasedAt, String exemptionDecision, List<Line> lines) {

    /** A released line: those a ministry rejected stay out. */
    public record Line(int lineNo, String description, String hsCode, BigDecimal quantity, String unit,
                       BigDecimal valueUsd, String treatment) {
    }

    public static ReleaseRecord of(Consignment c, List<ConsignmentLine> lines) {
        return new ReleaseRecord(c.reference(), c.releaseNumber(), c.portCode(), c.organisationCode(), c.releasedAt(),
                c.exemptionDecision(), lines.stream()
                .filter(l -> !"REJECTED".equals(l.reviewStatus()))
                .map(l -> new Line(l.lineNo(), l.description(), l.hsCode(), l.quantity(), l.unit(), l.valueUsd(),
                        l.treatment()))
                .toList());
    }
}
