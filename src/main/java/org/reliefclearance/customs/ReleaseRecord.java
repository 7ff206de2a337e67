package org.reliefclearance.customs;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.consignment.Release;

/** What the national customs system receives for one release of a consignment. */
public record ReleaseRecord(String reference, String releaseNumber, String portCode, String organisationCode,
                            OffsetDateTime releasedAt, String exemptionDecision, List<Line> lines) {

    /** A line of this release: those released earlier or later, or refused, are not in it. */
    public record Line(int lineNo, String description, String hsCode, BigDecimal quantity, String unit,
                       BigDecimal valueUsd, String treatment) {
    }

    public static ReleaseRecord of(Consignment c, Release release, List<ConsignmentLine> lines) {
        return new ReleaseRecord(c.reference(), release.releaseNumber(), c.portCode(), c.organisationCode(),
                release.releasedAt(), c.exemptionDecision(), lines.stream()
                .filter(l -> release.releaseNumber().equals(l.releaseNumber()))
                // what the port tallied, when it released a short-landed line as received
                .map(l -> new Line(l.lineNo(), l.description(), l.hsCode(),
                        l.receivedQuantity() != null ? l.receivedQuantity() : l.quantity(), l.unit(), l.valueUsd(),
                        l.treatment()))
                .toList());
    }
}
