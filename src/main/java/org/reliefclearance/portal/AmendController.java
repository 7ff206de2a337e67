package org.reliefclearance.portal;

import static org.reliefclearance.portal.PortalCaller.organisation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import jakarta.servlet.http.HttpSession;

import org.reliefclearance.clearance.ConsignmentActions;
import org.reliefclearance.clearance.api.ActionRules;
import org.reliefclearance.consignment.Caller;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentAccess;
import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.ConsignmentRules;
import org.reliefclearance.consignment.InvalidInputException;
import org.reliefclearance.consignment.WrongStateException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;

/**
 * The organisations' portal, amending a notification before release: the form comes filled with the
 * notification as it is, and only what the organisation changed goes to the API's rules
 * ({@link ActionRules#amendment}) and the same service as {@code POST .../amendments}, which has the
 * last word. A refusal comes back on the form, as typed, and nothing changes.
 */
@Controller
@RequestMapping("/portal/consignments/{reference}/amend")
class AmendController {

    /** Where the error of an amendment that changes nothing goes: the top of the form. */
    static final String CHANGES = "changes";

    private final ConsignmentAccess access;
    private final ConsignmentRepository consignments;
    private final ConsignmentActions actions;
    private final ActionRules rules;
    private final GoodsCategories categories;
    private final ConsignmentRules consignmentRules;
    private final Clock clock;
    private final Vocabulary vocabulary;
    private final List<String> units;

    AmendController(ConsignmentAccess access, ConsignmentRepository consignments, ConsignmentActions actions,
                    ActionRules rules, GoodsCategories categories, ConsignmentRules consignmentRules, Clock clock,
                    Vocabulary vocabulary) {
        this.access = access;
        this.consignments = consignments;
        this.actions = actions;
        this.rules = rules;
        this.categories = categories;
        this.consignmentRules = consignmentRules;
        this.clock = clock;
        this.vocabulary = vocabulary;
        this.units = NotifyController.startFormUnits();
    }

    @GetMapping
    String amendForm(@PathVariable String reference, Caller caller, Model model) {
        organisation(caller);
        Consignment c = access.ownConsignment(reference, caller);
        List<ConsignmentLine> lines = consignments.lines(c.id());
        return amendPage(c, lines, AmendmentForm.of(c, lines, clock.getZone()), Map.of(), null, model);
    }

    /** One form, three buttons: add a row, remove a new row, amend. Nothing is stored unless the service accepts it. */
    @PostMapping
    String amend(@PathVariable String reference, @ModelAttribute("form") AmendmentForm form,
                 @RequestParam(required = false) String addLine, @RequestParam(required = false) Integer removeLine,
                 Caller caller, HttpSession session, Model model, RedirectAttributes outcome) {
        organisation(caller);
        Consignment c = access.ownConsignment(reference, caller);
        if (addLine != null || removeLine != null) {
            if (addLine != null) {
                form.getLines().add(new AmendmentForm.Row());
            } else if (removeLine >= 0 && removeLine < form.getLines().size()
                    && form.getLines().get(removeLine).getLineNo() == null) {
                // a line of the case is not removed by an amendment: only a row added here
                form.getLines().remove((int) removeLine);
            }
            return amendPage(c, consignments.lines(c.id()), form, Map.of(), null, model);
        }
        Words words = words();
        // one amendment at a time per session: a second press of the button finds the notification changed
        synchronized (WebUtils.getSessionMutex(session)) {
            c = access.ownConsignment(reference, caller);
            List<ConsignmentLine> lines = consignments.lines(c.id());
            if (!AmendmentForm.basis(c, lines).equals(form.getBasis())) {
                AmendmentForm now = AmendmentForm.of(c, lines, clock.getZone());
                now.setReason(form.getReason());
                return amendPage(c, lines, now, Map.of(), words.text("portal.amend.stale"), model);
            }
            AmendmentReading reading = AmendmentReading.of(form, c, lines, clock.getZone());
            if (reading.changesNothing()) {
                reading = reading.withProblems(Map.of(CHANGES, words.text("portal.amend.nothingChanged")));
            }
            reading = reading.withProblems(rules.amendment(reading.amendment()));
            if (!reading.errors().isEmpty()) {
                return amendPage(c, lines, form, reading.errors(), null, model);
            }
            try {
                actions.amend(c, reading.amendment(), caller.userId());
            } catch (InvalidInputException refused) {
                return amendPage(c, lines, form, reading.withProblems(Map.of(refused.field(), refused.getMessage()))
                        .errors(), null, model);
            } catch (WrongStateException refused) {
                return amendPage(c, lines, form, Map.of(), refused.getMessage(), model);
            }
        }
        outcome.addFlashAttribute("done", "amendment");
        return "redirect:/portal/consignments/" + c.reference();
    }

    /**
     * The label a person reads for each field of the form: a line by its number in the case, a new row
     * as "New line 2", as their legends on the page read.
     */
    private static String label(String field, AmendmentForm form, Words words) {
        Matcher line = NotificationReading.LINE_FIELD.matcher(field);
        if (line.matches()) {
            int row = Integer.parseInt(line.group(1));
            String name = line.group(2) == null ? null : line.group(2).substring(1);
            String rowLabel = row < form.getLines().size() ? rowLabel(form, row, words) : words.text("portal.lines");
            return name == null || name.equals("lineNo") ? rowLabel
                    : rowLabel + " · " + words.text(NotifyController.LABELS.getOrDefault(name, name));
        }
        return switch (field) {
            case "reason" -> words.text("portal.amend.reason");
            case CHANGES -> words.text("portal.amend.changes");
            default -> words.text(NotifyController.LABELS.getOrDefault(field, field));
        };
    }

    /** The fields in the order the page shows them, so the error summary reads from the top. */
    private static final List<String> PAGE_ORDER = List.of(CHANGES, "expectedArrival", "transportDocumentType",
            "transportDocumentNumber", "lines");
    private static final List<String> ROW_ORDER = List.of("lineNo", "description", "hsCode", "category", "quantity",
            "unit", "valueUsd", "grossWeightKg");

    private static int position(String field) {
        Matcher line = NotificationReading.LINE_FIELD.matcher(field);
        if (line.matches()) {
            int within = line.group(2) == null ? 0 : ROW_ORDER.indexOf(line.group(2).substring(1)) + 1;
            return 100 + Integer.parseInt(line.group(1)) * 10 + within;
        }
        return PAGE_ORDER.contains(field) ? PAGE_ORDER.indexOf(field) : Integer.MAX_VALUE;
    }

    /** "Line 2" for a line of the case, "New line 1" for the first new row. */
    static String rowLabel(AmendmentForm form, int row, Words words) {
        Integer lineNo = form.getLines().get(row).getLineNo();
        if (lineNo != null) {
            return words.text("portal.line", lineNo);
        }
        long newBefore = form.getLines().subList(0, row).stream().filter(r -> r.getLineNo() == null).count();
        return words.text("portal.amend.newLine", newBefore + 1);
    }

    private String amendPage(Consignment c, List<ConsignmentLine> lines, AmendmentForm form, Map<String, String> errors,
                             String problem, Model model) {
        Words words = words();
        Map<String, String> inPageOrder = new LinkedHashMap<>();
        errors.keySet().stream().sorted(Comparator.comparingInt(AmendController::position))
                .forEach(field -> inPageOrder.put(field, errors.get(field)));
        Map<String, String> labels = new LinkedHashMap<>();
        inPageOrder.keySet().forEach(field -> labels.put(field, label(field, form, words)));
        List<String> rowLabels = new ArrayList<>();
        List<String> removeLabels = new ArrayList<>();
        int newRows = 0;
        for (int i = 0; i < form.getLines().size(); i++) {
            rowLabels.add(rowLabel(form, i, words));
            removeLabels.add(form.getLines().get(i).getLineNo() == null
                    ? words.text("portal.amend.removeLine", ++newRows) : null);
        }
        // a unit the API took that the start form does not list stays choosable on its own line
        List<String> offered = new ArrayList<>(units);
        form.getLines().stream().map(AmendmentForm.Row::getUnit)
                .filter(u -> u != null && !u.isBlank() && !offered.contains(u)).distinct().forEach(offered::add);
        model.addAttribute("c", c);
        model.addAttribute("form", form);
        model.addAttribute("errors", inPageOrder);
        model.addAttribute("labels", labels);
        model.addAttribute("rowLabels", rowLabels);
        model.addAttribute("removeLabels", removeLabels);
        model.addAttribute("problem", problem);
        model.addAttribute("fixedLines", lines.stream().filter(AmendmentForm::fixed).toList());
        model.addAttribute("categories", categories.all());
        model.addAttribute("transportTypes", consignmentRules.transportDocumentTypes());
        model.addAttribute("units", offered);
        return "portal/amend";
    }

    private Words words() {
        return vocabulary.in(LocaleContextHolder.getLocale());
    }
}
