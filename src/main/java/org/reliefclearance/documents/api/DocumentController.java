package org.reliefclearance.documents.api;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.reliefclearance.consignment.Caller;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentAccess;
import org.reliefclearance.consignment.InvalidInputException;
import org.reliefclearance.documents.DocumentNotFoundException;
import org.reliefclearance.documents.DocumentStore;
import org.reliefclearance.documents.DocumentsOnForms;
import org.reliefclearance.documents.StoredDocument;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "Documents", description = "Documents lodged before arrival: transport document, packing list, permits...")
@RestController
@RequestMapping("/api/consignments/{reference}/documents")
class DocumentController {

    private final ConsignmentAccess access;
    private final DocumentStore documents;
    private final DocumentsOnForms forms;

    DocumentController(ConsignmentAccess access, DocumentStore documents, DocumentsOnForms forms) {
        this.access = access;
        this.documents = documents;
        this.forms = forms;
    }

    @Operation(summary = "Lodge a document (PDF, JPEG or PNG, recognised by content; size limit "
            + "spring.servlet.multipart.max-file-size, 413 above it; at most relief.consignment.max-documents "
            + "per consignment, 400 above it)")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DocumentResponse> upload(@PathVariable String reference,
            @Parameter(description = "Document type, e.g. PACKING_LIST or IMPORT_PERMIT")
            @RequestParam(name = "type", required = false) String type,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @Parameter(hidden = true) Caller caller) throws IOException {
        Consignment c = access.ownConsignment(reference, caller);
        if (file == null) {
            throw new InvalidInputException("file", "is required");
        }
        StoredDocument stored = documents.store(c, type, file.getOriginalFilename(), file.getBytes(), caller.userId());
        forms.refresh(c);
        DocumentResponse body = DocumentResponse.of(reference, stored);
        return ResponseEntity.created(URI.create(body.href())).body(body);
    }

    @Operation(summary = "Documents lodged for a consignment")
    @GetMapping
    List<DocumentResponse> list(@PathVariable String reference, @Parameter(hidden = true) Caller caller) {
        Consignment c = access.readable(reference, caller);
        return documents.list(c.id()).stream().map(d -> DocumentResponse.of(reference, d)).toList();
    }

    @Operation(summary = "Download a lodged document")
    @GetMapping("/{id}")
    ResponseEntity<byte[]> download(@PathVariable String reference, @PathVariable long id,
                                    @Parameter(hidden = true) Caller caller) {
        Consignment c = access.readable(reference, caller);
        DocumentStore.Content content = documents.content(c.id(), id).orElseThrow(() -> new DocumentNotFoundException(id));
        StoredDocument d = content.document();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(d.contentType()))
                .contentLength(d.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(content.bytes());
    }
}
