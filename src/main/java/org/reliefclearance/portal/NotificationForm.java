package org.reliefclearance.portal;

import java.util.ArrayList;
import java.util.List;

/**
 * The portal's notification form as the browser posts it: every value as typed, so that a value
 * that is not a number or a date comes back to the organisation with its error instead of failing
 * the binding. Any number of lines; a row left blank is no line.
 */
public class NotificationForm {

    private String token;
    private String portOfEntry;
    private String expectedArrival;
    private String transportDocumentType;
    private String transportDocumentNumber;
    private String donor;
    private boolean provisionalDeclaration;
    private List<LineForm> lines = new ArrayList<>();

    static NotificationForm blank(String token, int rows) {
        NotificationForm form = new NotificationForm();
        form.setToken(token);
        for (int i = 0; i < rows; i++) {
            form.getLines().add(new LineForm());
        }
        return form;
    }

    /** One row of the lines table. */
    public static class LineForm {
        private String description;
        private String hsCode;
        private String category;
        private String quantity;
        private String unit;
        private String valueUsd;
        private String grossWeightKg;

        boolean blank() {
            return isBlank(description) && isBlank(hsCode) && isBlank(category) && isBlank(quantity)
                    && isBlank(valueUsd) && isBlank(grossWeightKg);
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public String getHsCode() {
            return hsCode;
        }

        public void setHsCode(String hsCode) {
            this.hsCode = hsCode;
        }

        public String getCategory() {
            return category;
        }

        public void setCategory(String category) {
            this.category = category;
        }

        public String getQuantity() {
            return quantity;
        }

        public void setQuantity(String quantity) {
            this.quantity = quantity;
        }

        public String getUnit() {
            return unit;
        }

        public void setUnit(String unit) {
            this.unit = unit;
        }

        public String getValueUsd() {
            return valueUsd;
        }

        public void setValueUsd(String valueUsd) {
            this.valueUsd = valueUsd;
        }

        public String getGrossWeightKg() {
            return grossWeightKg;
        }

        public void setGrossWeightKg(String grossWeightKg) {
            this.grossWeightKg = grossWeightKg;
        }
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getPortOfEntry() {
        return portOfEntry;
    }

    public void setPortOfEntry(String portOfEntry) {
        this.portOfEntry = portOfEntry;
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

    public String getDonor() {
        return donor;
    }

    public void setDonor(String donor) {
        this.donor = donor;
    }

    public boolean isProvisionalDeclaration() {
        return provisionalDeclaration;
    }

    public void setProvisionalDeclaration(boolean provisionalDeclaration) {
        this.provisionalDeclaration = provisionalDeclaration;
    }

    public List<LineForm> getLines() {
        return lines;
    }

    public void setLines(List<LineForm> lines) {
        this.lines = lines;
    }
}
