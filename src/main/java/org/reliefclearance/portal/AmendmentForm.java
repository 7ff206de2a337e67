package org.reliefclearance.portal;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.consignment.NewConsignment;

/**
 * The portal's amendment form as the browser posts it: every value as typed, the lines that may still
 * change with their {@code lineNo}, new rows without one. {@code basis} is the notification the form
 * was filled from, so that a form posted after the notification changed (a second press of the
 * button, a colleague's amendment) is not read as changes against a notification it never showed.
 */
public class AmendmentForm {

    static final DateTimeFormatter DATETIME_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private String basis;
    private String reason;
    private String expectedArrival;
    private String transportDocumentType;
    private String transportDocumentNumber;
    private List<Row> lines = new ArrayList<>();

    /** The notification as it is, its lines that may still change each on a row. */
    static AmendmentForm of(Consignment c, List<ConsignmentLine> lines, ZoneId zone) {
        AmendmentForm form = new AmendmentForm();
        form.setBasis(basis(c, lines));
        form.setExpectedArrival(arrival(c, zone));
        form.setTransportDocumentType(c.transportDocumentType());
        form.setTransportDocumentNumber(c.transportDocumentNumber());
        for (ConsignmentLine line : lines) {
            if (!fixed(line)) {
                form.getLines().add(Row.of(line));
            }
        }
        return form;
    }

    /** The expected arrival as a datetime-local field shows it: in the service's zone, to the minute. */
    static String arrival(Consignment c, ZoneId zone) {
        return c.expectedArrival() == null ? null : c.expectedArrival().atZoneSameInstant(zone).toLocalDateTime()
                .truncatedTo(ChronoUnit.MINUTES).format(DATETIME_LOCAL);
    }

    /** A released line has left the border and a refused one is out of the case: shown, not offered for change. */
    static boolean fixed(ConsignmentLine line) {
        return line.releaseNumber() != null || "REJECTED".equals(line.reviewStatus());
    }

    /** What an amendment may change, as a digest: any amendment since changes it. */
    static String basis(Consignment c, List<ConsignmentLine> lines) {
        return new NewConsignment(c.organisationCode(), c.portCode(), c.destinationProvince(), c.expectedArrival(), c.transportDocumentType(),
                c.transportDocumentNumber(), c.donor(), c.provisionalDeclaration(), lines.stream()
                .map(l -> new NewConsignment.Line(l.description(), l.hsCode(), l.category(), l.quantity(), l.unit(),
                        l.valueUsd(), l.grossWeightKg())).toList()).fingerprint();
    }

    /** A row of the lines: a line of the case ({@code lineNo}) or a new one (none). */
    public static class Row extends NotificationForm.LineForm {
        private Integer lineNo;

        static Row of(ConsignmentLine line) {
            Row row = new Row();
            row.setLineNo(line.lineNo());
            row.setDescription(line.description());
            row.setHsCode(line.hsCode());
            row.setCategory(line.category());
            row.setQuantity(plain(line.quantity()));
            row.setUnit(line.unit());
            row.setValueUsd(plain(line.valueUsd()));
            row.setGrossWeightKg(plain(line.grossWeightKg()));
            return row;
        }

        private static String plain(BigDecimal number) {
            return number == null ? null : number.stripTrailingZeros().toPlainString();
        }

        public Integer getLineNo() {
            return lineNo;
        }

        public void setLineNo(Integer lineNo) {
            this.lineNo = lineNo;
        }
    }

    public String getBasis() {
        return basis;
    }

    public void setBasis(String basis) {
        this.basis = basis;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getExpectedArrival() {
        return expectedArrival;
    }

    public void setExpectedArrival(String expectedArrival) {
        this.expectedArrival = expectedArrival;
    }

    public String getTransportDocumentType() {
        return transportDocumentType;
    }

    public void setTransportDocumentType(String transportDocumentType) {
        this.transportDocumentType = transportDocumentType;
    }

    public String getTransportDocumentNumber() {
        return transportDocumentNumber;
    }

    public void setTransportDocumentNumber(String transportDocumentNumber) {
        this.transportDocumentNumber = transportDocumentNumber;
    }

    public List<Row> getLines() {
        return lines;
    }

    public void setLines(List<Row> lines) {
        this.lines = lines;
    }
}
