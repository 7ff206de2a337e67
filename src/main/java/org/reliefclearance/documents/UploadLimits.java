package org.reliefclearance.documents;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The server's upload limits, read once from the multipart settings that make the server refuse a
 * larger request: what the document store checks and what the pages tell a person.
 */
@Component
public class UploadLimits {

    private final DataSize perFile;
    private final DataSize perSending;

    public UploadLimits(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize perFile,
                        @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize perSending) {
        this.perFile = perFile;
        this.perSending = perSending;
    }

    /** The limits as a person reads them: "10 MB" per file and for everything sent at once. */
    public record Shown(String perFile, String perSending) {
    }

    public DataSize perFile() {
        return perFile;
    }

    public Shown shown() {
        return new Shown(readable(perFile), readable(perSending));
    }

    /** Whole megabytes or kilobytes as such, anything else in bytes. */
    static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= DataSize.ofMegabytes(1).toBytes() && bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + " MB";
        }
        if (bytes >= DataSize.ofKilobytes(1).toBytes() && bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
            return size.toKilobytes() + " KB";
        }
        return bytes + " bytes";
    }
}
