package org.reliefclearance.consignment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents lodged before arrival. The file's own first bytes decide what it is, never its
 * name or the content type the client declared: only PDF, JPEG and PNG are accepted.
 */
@Service
public class DocumentStore {

    private final JdbcClient jdbc;
    private final ConsignmentRepository consignments;
    private final ConsignmentRules rules;
    private final Clock clock;

    DocumentStore(JdbcClient jdbc, ConsignmentRepository consignments, ConsignmentRules rules, Clock clock) {
        this.jdbc = jdbc;
        this.consignments = consignments;
        this.rules = rules;
        this.clock = clock;
    }

    /** The file formats accepted, recognised by their signature. */
    enum FileFormat {
        PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
        JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
        PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

        final String contentType;
        private final byte[] signature;

        FileFormat(String contentType, byte[] signature) {
            this.contentType = contentType;
            this.signature = signature;
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

    @Transactional
    public StoredDocument store(Consignment consignment, String documentType, String fileName, byte[] content,
                                String actor) {
        if (consignment.status().isTerminal()) {
            throw new WrongStateException(consignment.reference() + " has ended (status " + consignment.status() + ")");
        }
        if (documentType == null || !rules.documentTypes().contains(documentType)) {
            throw new InvalidInputException("type", "must be one of " + rules.documentTypes());
        }
        if (content.length == 0) {
            throw new InvalidInputException("file", "is empty");
        }
        FileFormat format = FileFormat.of(content)
                .orElseThrow(() -> new InvalidInputException("file", "is not a PDF, JPEG or PNG file"));
        String name = safeName(fileName, format);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into consignment_document (consignment_id, document_type, file_name, content_type, size_bytes,
                    sha256, content, uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(consignment.id(), documentType, name, format.contentType, (long) content.length,
                        sha256(content), content, actor, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update(key, "id");
        consignments.addEvent(consignment.reference(), actor, "DOCUMENT_LODGED", null, documentType + ": " + name);
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

    /** A file name safe to store and to send back in Content-Disposition: no path, no control characters. */
    static String safeName(String original, FileFormat format) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty()) {
            name = "document." + format.name().toLowerCase();
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
