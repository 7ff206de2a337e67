package org.reliefclearance.portal;

import static org.reliefclearance.portal.PortalCaller.organisation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.reliefclearance.clearance.ClearanceProcess;
import org.reliefclearance.clearance.ConsignmentRegistration;
import org.reliefclearance.clearance.api.NotificationRules;
import org.reliefclearance.consignment.Caller;
import org.reliefclearance.consignment.ConsignmentRules;
import org.reliefclearance.consignment.InvalidInputException;
import org.reliefclearance.forms.FormSchema;
import org.reliefclearance.registry.Provinces;
import org.reliefclearance.registry.Registry;
import org.reliefclearance.screening.GoodsCategories;
import org.reliefclearance.words.Vocabulary;
import org.reliefclearance.words.Words;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The organisations' portal, notifying: a consignment with any number of lines, typed or read from
 * a packing list, checked with the API's rules ({@link NotificationRules}) and registered through
 * the same service as {@code POST /api/consignments}, with the documents chosen on the form lodged in
 * the same step ({@link NotificationDocuments}); or kept as a draft to finish later
 * ({@link NotificationDrafts}).
 */
@Controller
@RequestMapping("/portal")
class NotifyController {

    static final int FIRST_ROWS = 3;
    static final String START_FORM = "forms/submit-notification.form";

    private final ConsignmentRegistration registration;
    private final NotificationDocuments documents;
    private final NotificationDrafts drafts;
    private final NotificationRules rules;
    private final Registry registry;
    private final Provinces provinces;
    private final GoodsCategories categories;
    private final ConsignmentRules consignmentRules;
    private final Clock clock;
    private final Vocabulary vocabulary;
    /** The units the Tasklist start form offers (forms/submit-notification.form): one list for both doors. */
    private final List<String> units;

    NotifyController(ConsignmentRegistration registration, NotificationDocuments documents, NotificationDrafts drafts,
                     NotificationRules rules, Registry registry, GoodsCategories categories,
                     ConsignmentRules consignmentRules, Clock clock, Vocabulary vocabulary, Provinces provinces) {
        this.registration = registration;
        this.provinces = provinces;
        this.documents = documents;
        this.drafts = drafts;
        this.rules = rules;
        this.registry = registry;
        this.categories = categories;
        this.consignmentRules = consignmentRules;
        this.clock = clock;
        this.vocabulary = vocabulary;
        this.units = startFormUnits();
    }

    @GetMapping("/notify")
    String notifyForm(Caller caller, Model model) {
        String organisation = organisation(caller);
        return notifyPage(NotificationForm.blank(UUID.randomUUID().toString(), FIRST_ROWS), Map.of(), organisation, model);
    }

    /** A draft of the organisation's, on the notify form as it was saved, its documents listed. */
    @GetMapping("/drafts/{token}")
    String continueDraft(@PathVariable String token, Caller caller, Model model) {
        String organisation = organisation(caller);
        NotificationForm form = drafts.find(token, organisation).orElseThrow(NotificationDrafts::notFound).form();
        form.ensureDocumentRow();
        return notifyPage(form, Map.of(), organisation, model);
    }

    @PostMapping("/drafts/{token}/delete")
    String deleteDraft(@PathVariable String token, Caller caller) {
        if (!drafts.delete(token, organisation(caller))) {
            throw NotificationDrafts.notFound();
        }
        return "redirect:/portal?draftDeleted";
    }

    /**
     * One form, several buttons: add or remove a line or a document row, read a packing list, save as
     * draft, notify. Nothing is stored until "notify" passes every rule, or "save as draft" every file.
     */
    @PostMapping("/notify")
    String notifyConsignment(@ModelAttribute("form") NotificationForm form,
                             @RequestParam(required = false) String addLine,
                             @RequestParam(required = false) Integer removeLine,
                             @RequestParam(required = false) String readPackingList,
                             @RequestParam(required = false) MultipartFile packingList,
                             @RequestParam(required = false) String addDocument,
                             @RequestParam(required = false) String saveDraft,
                             Caller caller, Model model) throws IOException {
        String organisation = organisation(caller);
        form.ensureToken();
        drafts.ensureNotElsewhere(form.getToken(), organisation);
        if (readPackingList != null) {
            return readPackingList(form, packingList, organisation, model);
        }
        if (addLine != null) {
            form.getLines().add(new NotificationForm.LineForm());
            return notifyPage(form, Map.of(), organisation, model);
        }
        if (removeLine != null) {
            if (removeLine >= 0 && removeLine < form.getLines().size()) {
                form.getLines().remove((int) removeLine);
            }
            return notifyPage(form, Map.of(), organisation, model);
        }
        if (addDocument != null) {
            form.getDocuments().add(new NotificationForm.DocumentRow());
            return notifyPage(form, Map.of(), organisation, model);
        }
        List<NotificationDrafts.DraftDocument> kept = documents.kept(form, organisation);
        NotificationDocuments.Chosen chosen = documents.check(form, kept);
        if (saveDraft != null) {
            return saveDraft(form, chosen, organisation, caller, model);
        }
        NotificationReading reading = NotificationReading.of(form, organisation, clock.getZone());
        reading = reading.withProblems(rules.problems(reading.notification()));
        Map<String, String> errors = new LinkedHashMap<>(reading.errors());
        errors.putAll(chosen.errors());
        if (!errors.isEmpty()) {
            return notifyPage(form, errors, organisation, model);
        }
        // the form's token makes a second press of the button (or a reload) the same notification: its
        // documents are lodged, and its draft deleted, only with the consignment created first
        ConsignmentRegistration.Registered registered;
        try {
            registered = registration.register(reading.notification(), caller.userId(), form.idempotencyKey(),
                    stored -> {
                        documents.lodge(stored, kept, chosen.uploads(), caller.userId());
                        drafts.delete(form.getToken(), organisation);
                    });
        } catch (InvalidInputException refused) {
            // the store's last word (another post took the last place for a document): nothing was stored
            return notifyPage(form, Map.of("documents", refused.getMessage()), organisation, model);
        }
        if (registered.created() && !(kept.isEmpty() && chosen.uploads().isEmpty())) {
            documents.showOnForms(registered.consignment());
        }
        drafts.delete(form.getToken(), organisation);
        return "redirect:/portal/consignments/" + registered.consignment().reference() + "?notified";
    }

    /** The form as typed, and the documents chosen in this post once each passes the upload rules. */
    private String saveDraft(NotificationForm form, NotificationDocuments.Chosen chosen, String organisation,
                             Caller caller, Model model) {
        if (!chosen.errors().isEmpty()) {
            return notifyPage(form, chosen.errors(), organisation, model);
        }
        String token;
        try {
            token = drafts.save(form, organisation, caller.userId(), form.getRemoveDocuments(), chosen.uploads());
        } catch (InvalidInputException full) {
            return notifyPage(form, Map.of(full.field(), full.getMessage()), organisation, model);
        }
        return "redirect:/portal/drafts/" + token + "?saved";
    }

    /**
     * The packing list's rows take the place of the blank rows (typed ones stay); they are checked
     * at once, so a wrong HS code shows on its row before the organisation goes on.
     */
    private String readPackingList(NotificationForm form, MultipartFile file, String organisation, Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            return notifyPage(form, Map.of("packingList", "choose a CSV or XLSX file"), organisation, model);
        }
        List<NotificationForm.LineForm> read;
        try (var content = file.getInputStream()) {
            read = PackingList.read(file.getOriginalFilename(), content);
        } catch (IllegalArgumentException unusable) {
            return notifyPage(form, Map.of("packingList", unusable.getMessage()), organisation, model);
        }
        form.getLines().removeIf(NotificationForm.LineForm::blank);
        form.getLines().addAll(read);
        Map<String, String> lineProblems = new LinkedHashMap<>();
        NotificationReading reading = NotificationReading.of(form, organisation, clock.getZone());
        reading.withProblems(rules.problems(reading.notification())).errors().forEach((field, message) -> {
            if (field.startsWith("lines[")) {
                lineProblems.put(field, message);
            }
        });
        return notifyPage(form, lineProblems, organisation, model);
    }

    /** The label a person reads for each field of the form, by its name. */
    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("portOfEntry", "field.port"), Map.entry("destinationProvince", "field.destinationProvince"),
            Map.entry("expectedArrival", "portal.arrival"),
            Map.entry("transportDocumentType", "field.transportDocument"),
            Map.entry("transportDocumentNumber", "portal.transportNumber"), Map.entry("donor", "field.donor"),
            Map.entry("lines", "portal.lines"), Map.entry("description", "line.description"),
            Map.entry("hsCode", "line.hsCode"), Map.entry("category", "line.category"),
            Map.entry("quantity", "line.quantity"), Map.entry("unit", "portal.unit"), Map.entry("valueUsd", "line.value"),
            Map.entry("grossWeightKg", "portal.weight"), Map.entry("packingList", "portal.packingList"),
            Map.entry("documents", "portal.documents"), Map.entry("type", "documents.type"),
            Map.entry("file", "portal.action.file"), Map.entry("draft", "portal.draft.save"));

    /** A field of a row: {@code lines[2].hsCode}, {@code documents[0].file}. */
    private static final Pattern ROW_FIELD = Pattern.compile("(lines|documents)\\[(\\d+)]\\.(.+)");

    /** "Line 2 · HS code" for {@code lines[1].hsCode}: the error summary names fields as the form does. */
    private String label(String field, Words words) {
        Matcher row = ROW_FIELD.matcher(field);
        if (row.matches()) {
            String name = row.group(3);
            return words.text(row.group(1).equals("lines") ? "portal.line" : "portal.document",
                    Integer.parseInt(row.group(2)) + 1) + " · " + words.text(LABELS.getOrDefault(name, name));
        }
        return words.text(LABELS.getOrDefault(field, field));
    }

    /**
     * The form with its errors; the documents kept in its draft, if it is one; the files chosen in
     * this post, which the browser will not send again.
     */
    private String notifyPage(NotificationForm form, Map<String, String> errors, String organisation, Model model) {
        Words words = vocabulary.in(LocaleContextHolder.getLocale());
        Map<String, String> labels = new LinkedHashMap<>();
        errors.keySet().forEach(field -> labels.put(field, label(field, words)));
        form.ensureDocumentRow();
        model.addAttribute("form", form);
        model.addAttribute("draft", drafts.find(form.getToken(), organisation).orElse(null));
        model.addAttribute("draftDocuments", drafts.documents(form.getToken(), organisation));
        model.addAttribute("droppedFiles", NotificationDocuments.dropped(form));
        model.addAttribute("documentTypes", consignmentRules.documentTypes());
        model.addAttribute("maxDrafts", drafts.maxDrafts());
        model.addAttribute("errors", errors);
        model.addAttribute("labels", labels);
        model.addAttribute("ports", registry.ports());
        model.addAttribute("provinces", provinces.all());
        model.addAttribute("categories", categories.all());
        model.addAttribute("transportTypes", consignmentRules.transportDocumentTypes());
        model.addAttribute("units", units);
        return "portal/notify";
    }

    static List<String> startFormUnits() {
        try (var form = NotifyController.class.getClassLoader().getResourceAsStream(START_FORM)) {
            if (form == null) {
                throw new IllegalStateException(START_FORM + " is not packaged");
            }
            return FormSchema.parse(new String(form.readAllBytes(), StandardCharsets.UTF_8))
                    .field(ClearanceProcess.Vars.lineField(1, "Unit")).values();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
