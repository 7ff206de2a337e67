package org.reliefclearance.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.web.multipart.MultipartFile;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The portal's notification form as the browser posts it: every value as typed, so that a value
 * that is not a number or a date comes back to the organisation with its error instead of failing
 * the binding. Any number of lines; a row left blank is no line. Documents are rows of a type and a
 * file; a draft keeps the form as JSON (Jackson) without them, its documents apart
 * ({@link NotificationDrafts}).
 */
public class NotificationForm {

    /** The registration's idempotency key is the form's token after this prefix. */
    static final String IDEMPOTENCY_PREFIX = "portal:";

    /** The shape of a token (the form hands out UUIDs), so it fits a draft's key and the idempotency key. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private String token;
    private String portOfEntry;
    private String destinationProvince;
    private String expectedArrival;
    private String transportDocumentType;
    private String transportDocumentNumber;
    private String donor;
    private boolean provisionalDeclaration;
    private List<LineForm> lines = new ArrayList<>();
    private List<DocumentRow> documents = new ArrayList<>();
    /** Documents kept in the draft that the organisation ticked to leave out. */
    private List<Long> removeDocuments = new ArrayList<>();

    static NotificationForm blank(String token, int rows) {
        NotificationForm form = new NotificationForm();
        form.setToken(token);
        for (int i = 0; i < rows; i++) {
            form.getLines().add(new LineForm());
        }
        form.getDocuments().add(new DocumentRow());
        return form;
    }

    String idempotencyKey() {
        return IDEMPOTENCY_PREFIX + token;
    }

    /** The form's token, or a new one when the browser sent none or one of another shape. */
    String ensureToken() {
        if (token == null || !TOKEN.matcher(token).matches()) {
            token = UUID.randomUUID().toString();
        }
        return token;
    }

    /** At least one row for a document, so there is always a file input to choose with. */
    void ensureDocumentRow() {
        if (documents.isEmpty()) {
            documents.add(new DocumentRow());
        }
    }

    /** How many lines are filled in. */
    int filledLines() {
        return (int) lines.stream().filter(l -> !l.blank()).count();
    }

    /** One row of the documents: a type and a file; neither chosen, it is no document. */
    public static class DocumentRow {
        private String type;
        private MultipartFile file;

        boolean hasFile() {
            return chosen(file);
        }

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }

        public MultipartFile getFile() {
            return file;
        }

        public void setFile(MultipartFile file) {
            this.file = file;
        }
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

    /** A type chosen without a file: forgotten, or a file the browser did not send again. */
    static final String FILE_FORGOTTEN = "choose the file, or set the type back to Choose to send none";

    /** Whether a file was chosen: a browser posts an empty part, without a name, for a file input left alone. */
    static boolean chosen(MultipartFile file) {
        return file != null && !(file.isEmpty() && isBlank(file.getOriginalFilename()));
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

    public String getDestinationProvince() {
        return destinationProvince;
    }

    public void setDestinationProvince(String destinationProvince) {
        this.destinationProvince = destinationProvince;
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

    /** Files cannot be kept as JSON; a draft keeps its documents in their own table. */
    @JsonIgnore
    public List<DocumentRow> getDocuments() {
        return documents;
    }

    public void setDocuments(List<DocumentRow> documents) {
        this.documents = documents;
    }

    @JsonIgnore
    public List<Long> getRemoveDocuments() {
        return removeDocuments;
    }

    public void setRemoveDocuments(List<Long> removeDocuments) {
        this.removeDocuments = removeDocuments;
    }
}
