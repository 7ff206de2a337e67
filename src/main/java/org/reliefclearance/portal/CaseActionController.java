package org.reliefclearance.portal;

import static org.reliefclearance.portal.PortalCaller.organisation;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import org.reliefclearance.clearance.ConcurrentChangeRetry;
import org.reliefclearance.clearance.ConsignmentActions;
import org.reliefclearance.clearance.api.ActionRules;
import org.reliefclearance.consignment.ActionForbiddenException;
import org.reliefclearance.consignment.Caller;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentAccess;
import org.reliefclearance.consignment.InvalidInputException;
import org.reliefclearance.consignment.WrongStateException;
import org.reliefclearance.documents.DocumentStore;
import org.reliefclearance.documents.DocumentsOnForms;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organisations' portal, acting on a case: each action only when the case allows it, through
 * the same application services and request rules as {@code /api} ({@link ActionRules}); what the
 * case refuses comes back beside the action's form and nothing changes. The distribution report has
 * a page of its own, {@link DistributionController}.
 */
@Controller
@RequestMapping("/portal")
class CaseActionController {

    private final ConsignmentAccess access;
    private final ConsignmentActions actions;
    private final ActionRules actionRules;
    private final DocumentStore documents;
    private final DocumentsOnForms documentsOnForms;
    private final ConcurrentChangeRetry retry;

    CaseActionController(ConsignmentAccess access, ConsignmentActions actions, ActionRules actionRules,
                         DocumentStore documents, DocumentsOnForms documentsOnForms, ConcurrentChangeRetry retry) {
        this.access = access;
        this.actions = actions;
        this.actionRules = actionRules;
        this.documents = documents;
        this.documentsOnForms = documentsOnForms;
        this.retry = retry;
    }

    @PostMapping("/consignments/{reference}/arrival")
    String reportArrival(@PathVariable String reference, Caller caller, RedirectAttributes outcome) {
        return act(reference, caller, outcome, "arrival", access::arrivalReportable, c -> actions.reportArrival(c, caller.userId()));
    }

    @PostMapping("/consignments/{reference}/withdrawal")
    String withdraw(@PathVariable String reference, @RequestParam(defaultValue = "") String reason, Caller caller,
                    RedirectAttributes outcome) {
        return act(reference, caller, outcome, "withdrawal", access::ownConsignment, c -> {
            actionRules.withdrawal(reason);
            actions.withdraw(c, reason.trim(), caller.userId());
        });
    }

    /**
     * The answer to a ministry, and optionally a document with it, as one step: both are checked
     * first, then the document is stored and the answer given in one transaction, so an answer the
     * case refuses (it no longer asks) leaves no document behind.
     */
    @PostMapping("/consignments/{reference}/information")
    String provideInformation(@PathVariable String reference, @RequestParam(defaultValue = "") String authority,
                              @RequestParam(defaultValue = "") String response,
                              @RequestParam(defaultValue = "") String type,
                              @RequestParam(required = false) MultipartFile file, Caller caller,
                              RedirectAttributes outcome) {
        return act(reference, caller, outcome, "information", access::ownConsignment, c -> {
            actionRules.information(authority, response);
            if (!NotificationForm.chosen(file) && !type.isBlank()) {
                throw new InvalidInputException("file", NotificationForm.FILE_FORGOTTEN);
            }
            Optional<DocumentStore.Upload> document = NotificationForm.chosen(file)
                    ? Optional.of(documents.check(type, file.getOriginalFilename(), bytes(file)))
                    : Optional.empty();
            // the actions' own transaction joins this one; a conflict retries both
            retry.inTransaction(() -> {
                document.ifPresent(d -> documents.store(c, d.documentType(), d.fileName(), d.content(), caller.userId()));
                actions.provideInformation(c, authority.trim(), response.trim(), caller.userId());
            });
            if (document.isPresent()) {
                documentsOnForms.refresh(c);
            }
        });
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException unreadable) {
            throw new InvalidInputException("file", "could not be read");
        }
    }

    /** A document for the case (a missing one, or one a ministry asked for), through the API's document store. */
    @PostMapping("/consignments/{reference}/documents")
    String lodgeDocument(@PathVariable String reference, @RequestParam(defaultValue = "") String type,
                         @RequestParam(required = false) MultipartFile file, Caller caller,
                         RedirectAttributes outcome) {
        return act(reference, caller, outcome, "document", access::ownConsignment, c -> {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "is required");
            }
            documents.store(c, type, file.getOriginalFilename(), bytes(file), caller.userId());
            documentsOnForms.refresh(c);
        });
    }

    /**
     * An action on the caller's own consignment; what the case does not allow comes back as a
     * message beside the action's form, and nothing changes.
     */
    private String act(String reference, Caller caller, RedirectAttributes outcome, String action,
                       java.util.function.BiFunction<String, Caller, Consignment> find,
                       java.util.function.Consumer<Consignment> change) {
        organisation(caller);
        Consignment c = find.apply(reference, caller);
        try {
            change.accept(c);
            outcome.addFlashAttribute("done", action);
        } catch (InvalidInputException e) {
            outcome.addFlashAttribute("problem", Map.of("action", action, "field", e.field(),
                    "message", e.field() + " " + e.getMessage()));
        } catch (WrongStateException | ActionForbiddenException e) {
            outcome.addFlashAttribute("problem", Map.of("action", action, "field", "", "message", e.getMessage()));
        }
        return "redirect:/portal/consignments/" + reference + "#" + action;
    }
}
