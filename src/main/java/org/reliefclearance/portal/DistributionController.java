package org.reliefclearance.portal;

import static org.reliefclearance.portal.PortalCaller.organisation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.reliefclearance.clearance.ConsignmentActions;
import org.reliefclearance.clearance.api.ActionRules;
import org.reliefclearance.consignment.ActionForbiddenException;
import org.reliefclearance.consignment.Caller;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentAccess;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.ConsignmentStatus;
import org.reliefclearance.consignment.InvalidInputException;
import org.reliefclearance.consignment.WrongStateException;
import org.reliefclearance.registry.Province;
import org.reliefclearance.registry.Provinces;
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

/**
 * The organisations' portal, reporting the distribution of released goods: what went to which
 * province and place, line by line, a line at as many places as it went to. The API's request
 * rules ({@link ActionRules#distributionReport}) and then its service
 * ({@link ConsignmentActions#reportDistribution}) decide; each problem comes back beside its row's
 * field, nothing is stored until both accept.
 */
@Controller
@RequestMapping("/portal/consignments/{reference}/distribution")
class DistributionController {

    static final String ACTION = "distribution";

    /** A field of a row, {@code rows[2].province}: the row and the field. */
    private static final Pattern ROW_FIELD = Pattern.compile("rows\\[(\\d+)]\\.(\\w+)");
    private static final Map<String, String> LABELS = Map.of("report", "portal.action.report",
            "rows", "portal.distribution.rows", "line", "portal.distribution.line", "quantity",
            "portal.distribution.quantity", "province", "portal.distribution.province", "place",
            "portal.distribution.place");

    private final ConsignmentAccess access;
    private final ConsignmentRepository consignments;
    private final ConsignmentActions actions;
    private final ActionRules actionRules;
    private final Provinces provinces;
    private final Vocabulary vocabulary;

    DistributionController(ConsignmentAccess access, ConsignmentRepository consignments, ConsignmentActions actions,
                           ActionRules actionRules, Provinces provinces, Vocabulary vocabulary) {
        this.access = access;
        this.consignments = consignments;
        this.actions = actions;
        this.actionRules = actionRules;
        this.provinces = provinces;
        this.vocabulary = vocabulary;
    }

    /** Only while the case waits for the report; at any other step the case page says why. */
    @GetMapping
    String distributionForm(@PathVariable String reference, Caller caller, Model model, RedirectAttributes outcome) {
        organisation(caller);
        Consignment c = access.ownConsignment(reference, caller);
        if (c.status() != ConsignmentStatus.AWAITING_DISTRIBUTION_REPORT) {
            outcome.addFlashAttribute("problem", Map.of("action", ACTION, "field", "", "message",
                    c.reference() + " is not waiting for a distribution report (status " + c.status() + ")"));
            return "redirect:/portal/consignments/" + c.reference() + "#actions";
        }
        return page(c, DistributionForm.forLines(consignments.lines(c.id())), Map.of(), model);
    }

    /** One form, three kinds of button: add a row, remove a row, report. Only "report" may store anything. */
    @PostMapping
    String reportDistribution(@PathVariable String reference, @ModelAttribute("form") DistributionForm form,
                              @RequestParam(required = false) String addRow,
                              @RequestParam(required = false) Integer removeRow,
                              Caller caller, Model model, RedirectAttributes outcome) {
        organisation(caller);
        Consignment c = access.ownConsignment(reference, caller);
        if (addRow != null) {
            form.getRows().add(new DistributionForm.Row());
            return page(c, form, Map.of(), model);
        }
        if (removeRow != null) {
            if (removeRow >= 0 && removeRow < form.getRows().size()) {
                form.getRows().remove((int) removeRow);
            }
            return page(c, form, Map.of(), model);
        }
        String report = form.getReport() == null ? "" : form.getReport();
        DistributionReading reading = DistributionReading.of(form);
        reading = reading.withProblems(actionRules.distributionReport(report, reading.quantities()));
        if (!reading.errors().isEmpty()) {
            return page(c, form, reading.errors(), model);
        }
        try {
            actions.reportDistribution(c, report.trim(), reading.quantities(), caller.userId());
        } catch (InvalidInputException e) {
            return page(c, form, Map.of(reading.formField(e.field()), e.getMessage()), model);
        } catch (WrongStateException | ActionForbiddenException e) {
            model.addAttribute("problem", e.getMessage());
            return page(c, form, Map.of(), model);
        }
        outcome.addFlashAttribute("done", ACTION);
        return "redirect:/portal/consignments/" + c.reference() + "#distributed";
    }

    private String page(Consignment c, DistributionForm form, Map<String, String> errors, Model model) {
        Words words = vocabulary.in(LocaleContextHolder.getLocale());
        Map<String, String> labels = new LinkedHashMap<>();
        errors.keySet().forEach(field -> labels.put(field, label(field, words)));
        model.addAttribute("c", c);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("labels", labels);
        model.addAttribute("lines", consignments.lines(c.id()));
        List<Province> all = provinces.all();
        model.addAttribute("provinces", all);
        model.addAttribute("provinceCodes", all.stream().map(Province::code).toList());
        return "portal/distribution";
    }

    /** "Location 2 · Province" for {@code rows[1].province}: the error summary names fields as the form does. */
    private static String label(String field, Words words) {
        Matcher row = ROW_FIELD.matcher(field);
        if (row.matches()) {
            return words.text("portal.distribution.row", Integer.parseInt(row.group(1)) + 1) + " · "
                    + words.text(LABELS.getOrDefault(row.group(2), row.group(2)));
        }
        return words.text(LABELS.getOrDefault(field, field));
    }
}
