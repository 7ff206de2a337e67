package org.reliefclearance.reporting;

import io.swagger.v3.oas.annotations.Operation;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The clearance dossier PDF: for officials, and for the organisation that owns the consignment. */
@RestController
class DossierController {

    private final ConsignmentRepository consignments;
    private final ReportAccess access;
    private final DossierPdf dossier;

    DossierController(ConsignmentRepository consignments, ReportAccess access, DossierPdf dossier) {
        this.consignments = consignments;
        this.access = access;
        this.dossier = dossier;
    }

    @Operation(summary = "Clearance dossier of one consignment as PDF (officials, or the owning organisation)")
    @GetMapping(path = "/api/consignments/{reference}/dossier.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> dossier(@PathVariable String reference, Authentication authentication) {
        Consignment consignment = consignments.findByReference(reference)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        access.checkDossier(authentication, consignment);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename("dossier-" + reference + ".pdf").build().toString())
                .body(dossier.render(consignment));
    }
}
