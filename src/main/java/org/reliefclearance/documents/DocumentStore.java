package org.reliefclearance.documents;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.ConsignmentRules;
import org.reliefclearance.consignment.InvalidInputException;
import org.reliefclearance.consignment.TimelineEvent;
import org.reliefclearance.consignment.WrongStateException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents lodged before arrival. The file's own first bytes decide what it is, never its
 * name or the content type the client declared: only PDF, JPEG and PNG are accepted, and the
 * stored name ends in the extension of the format found ({@code poly.html} holding a PDF is kept
 * as {@code poly.pdf}). A file is at most spring.servlet.multipart.max-file-size (the server refuses a
 * larger upload before it is read; {@link #check} says so too, for a file that arrives another way), and a
 * consignment holds at most relief.consignment.max-documents documents.
 */
@Service
public class DocumentStore {

    private static final int MAX_NAME = 255;

    private final JdbcClient jdbc;
    private final ConsignmentRepository consignments;
    private final ConsignmentRules rules;
    private final Clock clock;
    private final UploadLimits limits;

    DocumentStore(JdbcClient jdbc, ConsignmentRepository consignments, ConsignmentRules rules, Clock clock,
                  UploadLimits limits) {
        this.jdbc = jdbc;
        this.consignments = consignments;
        this.rules = rules;
        this.clock = clock;
        this.limits = limits;
    }

    /** The file formats accepted, recognised by their signature. */
    enum FileFormat {
        PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}, "pdf"),
        JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "jpg", "jpeg"),
        PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, "png");

        final String contentType;
        private final byte[] signature;
        /** The extensions a file of this format may carry; the first is given to a name without one. */
        private final List<String> extensions;

        FileFormat(String contentType, byte[] signature, String... extensions) {
            this.contentType = contentType;
            this.signature = signature;
            this.extensions = List.of(extensions);
        }

        static Optional<FileFormat> of(byte[] content) {
            return Arrays.stream(values())
                    .filter(f -> content.length >= f.signature.length
                            && Arrays.equals(content, 0, f.signature.length, f.signature, 0, f.signature.length))
                    .findFirst();
        }
    }

    public record Content(StoredDocument document, byte[] bytes) {
    }

    /** A file that passed {@link #check}: its type, the name it will be stored under, and the format found. */
    public record Upload(String documentType, String fileName, String contentType, byte[] content) {
    }

    /**
     * The rules a file passes before anything is stored, for a form that checks every file first and
     * stores them later ({@link #store} applies them again): a known type, not empty, a PDF, JPEG or
     * PNG by its content, at most the upload limit.
     *
     * @throws InvalidInputException naming the field ({@code type} or {@code file}) and the limit
     */
    public Upload check(String documentType, String fileName, byte[] content) {
        if (documentType == null || !rules.documentTypes().contains(documentType)) {
            throw new InvalidInputException("type", "must be one of " + rules.documentTypes());
        }
        if (content.length == 0) {
            throw new InvalidInputException("file", "is empty");
        }
        if (content.length > limits.perFile().toBytes()) {
            throw new InvalidInputException("file", "is larger than the limit of " + limits.shown().perFile() + " per file");
        }
        FileFormat format = FileFormat.of(content)
                .orElseThrow(() -> new InvalidInputException("file", "is not a PDF, JPEG or PNG file"));
        return new Upload(documentType, safeName(fileName, format), format.contentType, content);
    }

    @Transactional
    public StoredDocument store(Consignment consignment, String documentType, String fileName, byte[] content,
                                String actor) {
        if (consignment.status().isTerminal()) {
            throw new WrongStateException(consignment.reference() + " has ended (status " + consignment.status() + ")");
        }
        Upload upload = check(documentType, fileName, content);
        // one upload at a time per consignment, so two at once cannot both take the last place
        jdbc.sql("select id from consignment where id = ? for update").param(consignment.id()).query(Long.class).single();
        long lodged = jdbc.sql("select count(*) from consignment_document where consignment_id = ?")
                .param(consignment.id()).query(Long.class).single();
        if (lodged >= rules.maxDocuments()) {
            throw new InvalidInputException("file", "exceeds the limit of " + rules.maxDocuments()
                    + " documents per consignment; " + consignment.reference() + " holds " + lodged);
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into consignment_document (consignment_id, document_type, file_name, content_type, size_bytes,
                    sha256, content, uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(consignment.id(), documentType, upload.fileName(), upload.contentType(), (long) content.length,
                        sha256(content), content, actor, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update(key, "id");
        consignments.addEvent(consignment.reference(), actor, TimelineEvent.DOCUMENT_LODGED, null,
                documentType + ": " + upload.fileName());
        return find(consignment.id(), key.getKey().longValue()).orElseThrow();
    }

    public List<StoredDocument> list(long consignmentId) {
        return jdbc.sql("""
                select id, document_type, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
                from consignment_document where consignment_id = ? order by uploaded_at, id""")
                .param(consignmentId).query(StoredDocument.class).list();
    }

    public Optional<Content> content(long consignmentId, long documentId) {
        return find(consignmentId, documentId).map(d -> new Content(d,
                jdbc.sql("select content from consignment_document where id = ?").param(documentId)
                        .query((rs, n) -> rs.getBytes(1)).single()));
    }

    private Optional<StoredDocument> find(long consignmentId, long documentId) {
        return jdbc.sql("""
                select id, document_type, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
                from consignment_document where consignment_id = ? and id = ?""")
                .params(consignmentId, documentId).query(StoredDocument.class).optional();
    }

    /**
     * A file name safe to store and to send back in Content-Disposition: no path, no control
     * characters, at most 255 characters, and an extension that matches the detected format.
     */
    static String safeName(String original, FileFormat format) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip().replaceAll("[. ]+$", "");
        String base = name;
        String extension = "." + format.extensions.get(0);
        int dot = name.lastIndexOf('.');
        if (dot >= 0 && name.substring(dot + 1).matches("[A-Za-z0-9]{1,10}")) {
            base = name.substring(0, dot);
            if (format.extensions.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
                extension = name.substring(dot);
            }
        }
        return shortened(base.isBlank() ? "document" : base, extension);
    }

    private static String shortened(String base, String extension) {
        int room = MAX_NAME - extension.length();
        return (base.length() > room ? base.substring(0, room) : base) + extension;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
