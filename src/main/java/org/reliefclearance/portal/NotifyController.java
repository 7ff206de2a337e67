package org.reliefclearance.portal;

import static org.reliefclearance.portal.PortalCaller.organisation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.reliefclearance.clearance.ClearanceProcess;
import org.reliefclearance.clearance.ConsignmentRegistration;
import org.reliefclearance.clearance.api.NotificationRules;
import org.reliefclearance.consignment.Caller;
import org.reliefclearance.consignment.ConsignmentRules;
import org.reliefclearance.forms.FormSchema;
import org.reliefclearance.registry.Registry;
import org.reliefclearance.screening.GoodsCategories;
import org.reliefclearance.words.Vocabulary;
import org.reliefclearance.words.Words;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The organisations' portal, notifying: a consignment with any number of lines, typed or read from
 * a packing list, checked with the API's rules ({@link NotificationRules}) and registered through
 * the same service as {@code POST /api/consignments}.
 */
@Controller
@RequestMapping("/portal")
class NotifyController {

    static final int FIRST_ROWS = 3;
    static final String START_FORM = "forms/submit-notification.form";

    private final ConsignmentRegistration registration;
    private final NotificationRules rules;
    private final Registry registry;
    private final GoodsCategories categories;
    private final ConsignmentRules consignmentRules;
    private final Clock clock;
    private final Vocabulary vocabulary;
    /** The units the Tasklist start form offers (forms/submit-notification.form): one list for both doors. */
    private final List<String> units;

    NotifyController(ConsignmentRegistration registration, NotificationRules rules, Registry registry,
                     GoodsCategories categories, ConsignmentRules consignmentRules, Clock clock, Vocabulary vocabulary) {
        this.registration = registration;
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

    /** The label a person reads for each field of the form, by its name. */
    static final Map<String, String> LABELS = Map.ofEntries(
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
