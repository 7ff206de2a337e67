package org.reliefclearance.portal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.reliefclearance.clearance.ClearanceProcess;
import org.reliefclearance.clearance.ConsignmentActions;
import org.reliefclearance.clearance.ConsignmentRegistration;
import org.reliefclearance.clearance.api.ActionRules;
import org.reliefclearance.clearance.api.NotificationRules;
import org.reliefclearance.consignment.ActionForbiddenException;
import org.reliefclearance.consignment.Caller;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentAccess;
import org.reliefclearance.consignment.ConsignmentQueries;
import org.reliefclearance.consignment.ConsignmentRules;
import org.reliefclearance.consignment.InvalidInputException;
import org.reliefclearance.consignment.WrongStateException;
import org.reliefclearance.documents.DocumentNotFoundException;
import org.reliefclearance.documents.DocumentStore;
import org.reliefclearance.documents.DocumentsOnForms;
import org.reliefclearance.forms.FormSchema;
import org.reliefclearance.registry.Registry;
import org.reliefclearance.reporting.CaseSummary;
import org.reliefclearance.screening.GoodsCategories;
import org.reliefclearance.words.Vocabulary;
import org.reliefclearance.words.Words;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organisations' portal: notify a consignment with any number of lines, follow each one (what
 * it waits for, missing documents, timeline, release notes, dossier) and act when the case allows
 * it, through the same application services and rules as {@code /api}, for the caller's own
 * organisation only ({@link ConsignmentAccess}).
 */
@Controller
@RequestMapping("/portal")
class PortalController {

    static final int FIRST_ROWS = 3;
    static final String DISTRIBUTED = "distributed-";
    static final String START_FORM = "forms/submit-notification.form";

    private final ConsignmentAccess access;
    private final ConsignmentQueries queries;
    private final ConsignmentRegistration registration;
    private final ConsignmentActions actions;
    private final NotificationRules rules;
    private final ActionRules actionRules;
    private final CaseSummary cases;
    private final Registry registry;
    private final GoodsCategories categories;
    private final ConsignmentRules consignmentRules;
    private final Clock clock;
    private final DocumentStore documents;
    private final Vocabulary vocabulary;
    private final DocumentsOnForms documentsOnForms;
    /** The units the Tasklist start form offers (forms/submit-notification.form): one list for both doors. */
    private final List<String> units;

    PortalController(ConsignmentAccess access, ConsignmentQueries queries, ConsignmentRegistration registration,
                     ConsignmentActions actions, NotificationRules rules, ActionRules actionRules,
                     CaseSummary cases, Registry registry, GoodsCategories categories, ConsignmentRules consignmentRules, Clock clock,
                     DocumentStore documents, Vocabulary vocabulary, DocumentsOnForms documentsOnForms) {
        this.documents = documents;
        this.documentsOnForms = documentsOnForms;
        this.units = startFormUnits();
        this.vocabulary = vocabulary;
        this.access = access;
        this.queries = queries;
        this.registration = registration;
        this.actions = actions;
        this.rules = rules;
        this.actionRules = actionRules;
        this.cases = cases;
        this.registry = registry;
        this.categories = categories;
        this.consignmentRules = consignmentRules;
        this.clock = clock;
    }

    @GetMapping("/login")
    String login() {
        return "portal/login";
    }

    @GetMapping
    String consignments(Caller caller, Model model) {
        organisation(caller);
        model.addAttribute("consignments", queries.list(access.listingScope(caller),
                new ConsignmentQueries.Filter(null, null), 0, 100).items());
        return "portal/consignments";
    }

    @GetMapping("/notify")
    String notifyForm(Caller caller, Model model) {
        organisation(caller);
        return notifyPage(NotificationForm.blank(UUID.randomUUID().toString(), FIRST_ROWS), Map.of(), model);
    }

    /** One form, three buttons: add a row, remove a row, notify. Nothing is stored until "notify" passes every rule. */
    @PostMapping("/notify")
    String notifyConsignment(@ModelAttribute("form") NotificationForm form,
                             @RequestParam(required = false) String addLine,
                             @RequestParam(required = false) Integer removeLine,
                             @RequestParam(required = false) String readPackingList,
                             @RequestParam(required = false) MultipartFile packingList,
                             Caller caller, Model model) throws IOException {
        String organisation = organisation(caller);
        if (readPackingList != null) {
            return readPackingList(form, packingList, organisation, model);
        }
        if (addLine != null) {
            form.getLines().add(new NotificationForm.LineForm());
            return notifyPage(form, Map.of(), model);
        }
        if (removeLine != null) {
            if (removeLine >= 0 && removeLine < form.getLines().size()) {
                form.getLines().remove((int) removeLine);
            }
            return notifyPage(form, Map.of(), model);
        }
        NotificationReading reading = NotificationReading.of(form, organisation, clock.getZone());
        reading = reading.withProblems(rules.problems(reading.notification()));
        if (!reading.errors().isEmpty()) {
            return notifyPage(form, reading.errors(), model);
        }
        // the form's token makes a second press of the button (or a reload) the same notification
        String reference = registration.register(reading.notification(), caller.userId(), "portal:" + form.getToken())
                .consignment().reference();
        return "redirect:/portal/consignments/" + reference + "?notified";
    }

    /**
     * The packing list's rows take the place of the blank rows (typed ones stay); they are checked
     * at once, so a wrong HS code shows on its row before the organisation goes on.
     */
    private String readPackingList(NotificationForm form, MultipartFile file, String organisation, Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            return notifyPage(form, Map.of("packingList", "choose a CSV or XLSX file"), model);
        }
        List<NotificationForm.LineForm> read;
        try (var content = file.getInputStream()) {
            read = PackingList.read(file.getOriginalFilename(), content);
        } catch (IllegalArgumentException unusable) {
            return notifyPage(form, Map.of("packingList", unusable.getMessage()), model);
        }
        form.getLines().removeIf(NotificationForm.LineForm::blank);
        form.getLines().addAll(read);
        Map<String, String> lineProblems = new java.util.LinkedHashMap<>();
        NotificationReading reading = NotificationReading.of(form, organisation, clock.getZone());
        reading.withProblems(rules.problems(reading.notification())).errors().forEach((field, message) -> {
            if (field.startsWith("lines[")) {
                lineProblems.put(field, message);
            }
        });
        return notifyPage(form, lineProblems, model);
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

    /** The report, and for each line the quantity distributed ({@code distributed-<lineNo>}, optional). */
    @PostMapping("/consignments/{reference}/distribution-report")
    String reportDistribution(@PathVariable String reference, @RequestParam(defaultValue = "") String report,
                              @RequestParam Map<String, String> form, Caller caller, RedirectAttributes outcome) {
        return act(reference, caller, outcome, "distribution", access::ownConsignment, c -> {
            List<ConsignmentActions.DistributedQuantity> quantities = distributed(form);
            actionRules.distributionReport(report, quantities);
            actions.reportDistribution(c, report.trim(), quantities, caller.userId());
        });
    }

    private static List<ConsignmentActions.DistributedQuantity> distributed(Map<String, String> form) {
        List<ConsignmentActions.DistributedQuantity> quantities = new java.util.ArrayList<>();
        form.forEach((name, value) -> {
            if (name.startsWith(DISTRIBUTED) && value != null && !value.isBlank()) {
                String line = name.substring(DISTRIBUTED.length());
                try {
                    java.math.BigDecimal quantity = new java.math.BigDecimal(value.trim());
                    if (quantity.signum() < 0) {
                        throw new NumberFormatException();
                    }
                    quantities.add(new ConsignmentActions.DistributedQuantity(Integer.parseInt(line), quantity));
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("distributedQuantities", "line " + line
                            + ": must be a number, zero or more");
                }
            }
        });
        return quantities;
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

    /** The label a person reads for each field of the form, by its name. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("portOfEntry", "field.port"), Map.entry("expectedArrival", "portal.arrival"),
            Map.entry("transportDocumentType", "field.transportDocument"),
            Map.entry("transportDocumentNumber", "portal.transportNumber"), Map.entry("donor", "field.donor"),
            Map.entry("lines", "portal.lines"), Map.entry("description", "line.description"),
            Map.entry("hsCode", "line.hsCode"), Map.entry("category", "line.category"),
            Map.entry("quantity", "line.quantity"), Map.entry("unit", "portal.unit"), Map.entry("valueUsd", "line.value"),
            Map.entry("grossWeightKg", "portal.weight"), Map.entry("packingList", "portal.packingList"));

    /** "Line 2 · HS code" for {@code lines[1].hsCode}: the error summary names fields as the form does. */
    private String label(String field, Words words) {
        java.util.regex.Matcher line = NotificationReading.LINE_FIELD.matcher(field);
        if (line.matches() && line.group(2) != null) {
            String name = line.group(2).substring(1);
            return words.text("portal.line", Integer.parseInt(line.group(1)) + 1) + " · "
                    + words.text(LABELS.getOrDefault(name, name));
        }
        return words.text(LABELS.getOrDefault(field, field));
    }

    private String notifyPage(NotificationForm form, Map<String, String> errors, Model model) {
        Words words = vocabulary.in(LocaleContextHolder.getLocale());
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        errors.keySet().forEach(field -> labels.put(field, label(field, words)));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("labels", labels);
        model.addAttribute("ports", registry.ports());
        model.addAttribute("categories", categories.all());
        model.addAttribute("transportTypes", consignmentRules.transportDocumentTypes());
        model.addAttribute("units", units);
        return "portal/notify";
    }

    private static List<String> startFormUnits() {
        try (var form = PortalController.class.getClassLoader().getResourceAsStream(START_FORM)) {
            if (form == null) {
                throw new IllegalStateException(START_FORM + " is not packaged");
            }
            return FormSchema.parse(new String(form.readAllBytes(), StandardCharsets.UTF_8))
                    .field(ClearanceProcess.Vars.lineField(1, "Unit")).values();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The portal is for members of a registered organisation; officials work in Tasklist. */
    private static String organisation(Caller caller) {
        if (caller.organisationCode() == null) {
            throw new ActionForbiddenException("The portal is for members of a registered organisation");
        }
        return caller.organisationCode();
    }
}
