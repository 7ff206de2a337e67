package org.reliefclearance.portal;

import static org.reliefclearance.portal.PortalCaller.organisation;

import java.io.IOException;
import java.util.Map;

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

    CaseActionController(ConsignmentAccess access, ConsignmentActions actions, ActionRules actionRules,
                         DocumentStore documents, DocumentsOnForms documentsOnForms) {
        this.access = access;
        this.actions = actions;
        this.actionRules = actionRules;
        this.documents = documents;
        this.documentsOnForms = documentsOnForms;
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

    @PostMapping("/consignments/{reference}/information")
    String provideInformation(@PathVariable String reference, @RequestParam(defaultValue = "") String authority,
                              @RequestParam(defaultValue = "") String response, Caller caller,
                              RedirectAttributes outcome) {
        return act(reference, caller, outcome, "information", access::ownConsignment, c -> {
            actionRules.information(authority, response);
            actions.provideInformation(c, authority.trim(), response.trim(), caller.userId());
        });
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
            try {
                documents.store(c, type, file.getOriginalFilename(), file.getBytes(), caller.userId());
            } catch (IOException unreadable) {
                throw new InvalidInputException("file", "could not be read");
            }
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
