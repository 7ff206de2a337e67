package org.reliefclearance.consignment;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** A pre-arrival notification as submitted (API or Tasklist start form), already validated. */
public record NewConsignment(
        String organisationCode,
        String portCode,
        /** ISO 3166-2:LA code of the province the goods are bound for. */
        String destinationProvince,
        OffsetDateTime expectedArrival,
        String transportDocumentType,
        String transportDocumentNumber,
        String donor,
        boolean provisionalDeclaration,
        List<Line> lines) {

    public NewConsignment {
        lines = List.copyOf(lines);
    }

    /**
     * A digest of what was notified, so that a retry with the same Idempotency-Key can be told from
     * a different notification under a reused key. Numbers compare by value (1200 = 1200.00).
     */
    public String fingerprint() {
        StringBuilder canonical = new StringBuilder();
        Stream.of(organisationCode, portCode, destinationProvince, expectedArrival == null ? null : expectedArrival.toInstant(),
                transportDocumentType, transportDocumentNumber, donor, provisionalDeclaration)
                .forEach(v -> canonical.append(v).append('\u001f'));
        for (Line l : lines) {
            Stream.of(l.description(), l.hsCode(), l.category(), plain(l.quantity()), l.unit(), plain(l.valueUsd()),
                    plain(l.grossWeightKg())).forEach(v -> canonical.append(v).append('\u001f'));
            canonical.append('\u001e');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static String plain(BigDecimal number) {
        return number == null ? null : number.stripTrailingZeros().toPlainString();
    }

    public record Line(String description, String hsCode, String category, BigDecimal quantity, String unit,
                       BigDecimal valueUsd, BigDecimal grossWeightKg) {
    }
}
