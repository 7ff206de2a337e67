package org.reliefclearance.reporting;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;

import org.reliefclearance.consignment.Consignment;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The clearance dossier PDF, for whoever may read the consignment through the API. */
@RestController
class DossierController {

    private final ReportAccess access;
    private final DossierPdf dossier;

    DossierController(ReportAccess access, DossierPdf dossier) {
        this.access = access;
        this.dossier = dossier;
    }

    @Operation(summary = "Clearance dossier of one consignment as PDF (whoever may read the consignment)",
            description = "In English or Lao: ?lang=en|lo, else the Accept-Language header")
    @GetMapping(path = "/api/consignments/{reference}/dossier.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> dossier(@PathVariable String reference, Authentication authentication, Locale locale) {
        Consignment consignment = access.dossierConsignment(authentication, reference);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename("dossier-" + reference + ".pdf").build().toString())
                .body(dossier.render(consignment, locale));
    }
}
