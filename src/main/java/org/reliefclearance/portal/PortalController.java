package org.reliefclearance.portal;

import static org.reliefclearance.portal.PortalCaller.organisation;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.reliefclearance.consignment.Caller;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentAccess;
import org.reliefclearance.consignment.ConsignmentQueries;
import org.reliefclearance.consignment.ConsignmentRules;
import org.reliefclearance.documents.DocumentNotFoundException;
import org.reliefclearance.documents.DocumentStore;
import org.reliefclearance.reporting.CaseSummary;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The organisations' portal, following: the organisation's consignments and each one's page (what
 * it waits for, missing documents, timeline, release notes, dossier), for the caller's own
 * organisation only ({@link ConsignmentAccess}). Notifying is {@link NotifyController}, acting on a
 * case {@link CaseActionController}, reporting its distribution {@link DistributionController}.
 */
@Controller
@RequestMapping("/portal")
class PortalController {

    private final ConsignmentAccess access;
    private final ConsignmentQueries queries;
    private final CaseSummary cases;
    private final ConsignmentRules consignmentRules;
    private final DocumentStore documents;
    private final NotificationDrafts drafts;

    PortalController(ConsignmentAccess access, ConsignmentQueries queries, CaseSummary cases,
                     ConsignmentRules consignmentRules, DocumentStore documents, NotificationDrafts drafts) {
        this.drafts = drafts;
        this.access = access;
        this.queries = queries;
        this.cases = cases;
        this.consignmentRules = consignmentRules;
        this.documents = documents;
    }

    @GetMapping("/login")
    String login() {
        return "portal/login";
    }

    /** The organisation's consignments, and the notifications it keeps as drafts. */
    @GetMapping
    String consignments(Caller caller, Model model) {
        String organisation = organisation(caller);
        model.addAttribute("consignments", queries.list(access.listingScope(caller),
                new ConsignmentQueries.Filter(null, null), 0, 100).items());
        model.addAttribute("drafts", drafts.list(organisation));
        return "portal/consignments";
    }

    @GetMapping("/consignments/{reference}")
    String consignment(@PathVariable String reference, Caller caller, Model model) {
        organisation(caller);
        Consignment c = access.ownConsignment(reference, caller);
        model.addAllAttributes(cases.of(c));
        model.addAttribute("base", "/portal/consignments/" + c.reference());
        model.addAttribute("documentTypes", consignmentRules.documentTypes());
        return "portal/consignment";
    }

    @GetMapping(path = "/consignments/{reference}/dossier.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> dossier(@PathVariable String reference, Caller caller, Locale locale) {
        organisation(caller);
        Consignment c = access.ownConsignment(reference, caller);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename("dossier-" + reference + ".pdf").build().toString())
                .body(cases.dossier(c, locale));
    }

    @GetMapping("/consignments/{reference}/documents/{id}")
    ResponseEntity<byte[]> document(@PathVariable String reference, @PathVariable long id, Caller caller) {
        organisation(caller);
        Consignment c = access.ownConsignment(reference, caller);
        DocumentStore.Content content = documents.content(c.id(), id).orElseThrow(() -> new DocumentNotFoundException(id));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(content.document().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.document().fileName(), StandardCharsets.UTF_8).build().toString())
                .body(content.bytes());
    }
}
