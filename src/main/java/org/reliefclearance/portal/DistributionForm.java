package org.reliefclearance.portal;

import java.util.ArrayList;
import java.util.List;

import org.reliefclearance.consignment.ConsignmentLine;

/**
 * The portal's distribution report as the browser posts it: the report and rows of line, quantity,
 * province and place, every value as typed so that a quantity that is no number comes back with its
 * error. A row with neither quantity, province nor place is no row.
 */
public class DistributionForm {

    private String report;
    private List<Row> rows = new ArrayList<>();

    /** One row per line of the case, to start with. */
    static DistributionForm forLines(List<ConsignmentLine> lines) {
        DistributionForm form = new DistributionForm();
        lines.forEach(l -> {
            Row row = new Row();
            row.setLine(String.valueOf(l.lineNo()));
            form.getRows().add(row);
        });
        return form;
    }

    /** A quantity of one line at one location. */
    public static class Row {
        private String line;
        private String quantity;
        private String province;
        private String place;

        boolean blank() {
            return NotificationForm.isBlank(quantity) && NotificationForm.isBlank(province)
                    && NotificationForm.isBlank(place);
        }

        public String getLine() {
            return line;
        }

        public void setLine(String line) {
            this.line = line;
        }

        public String getQuantity() {
            return quantity;
        }

        public void setQuantity(String quantity) {
            this.quantity = quantity;
        }

        public String getProvince() {
            return province;
        }

        public void setProvince(String province) {
            this.province = province;
        }

        public String getPlace() {
            return place;
        }

        public void setPlace(String place) {
            this.place = place;
        }
    }

    public String getReport() {
        return report;
    }

    public void setReport(String report) {
        this.report = report;
    }

    public List<Row> getRows() {
        return rows;
    }

    public void setRows(List<Row> rows) {
        this.rows = rows;
    }
}
