package org.reliefclearance.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reliefclearance.emergency.EmergencyState;
import org.reliefclearance.recognition.ApplicationRefused;
import org.reliefclearance.recognition.RecognitionApplication;
import org.reliefclearance.recognition.RecognitionApplications;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The public page where an organisation not yet registered applies for recognition during a
 * national emergency: the same rules as {@code POST /api/recognition-applications}, each refusal
 * shown next to its field, nothing written until every rule holds.
 */
@Controller
@RequestMapping("/portal/apply")
class ApplyController {

    /** The form's fields in page order, as the API names them. */
    static final List<String> FIELDS = List.of("name", "kind", "country", "counterpartMinistry", "contactName",
            "contactEmail", "contactPhone", "email", "password");

    private final RecognitionApplications applications;
    private final EmergencyState emergencyState;

    ApplyController(RecognitionApplications applications, EmergencyState emergencyState) {
        this.applications = applications;
        this.emergencyState = emergencyState;
    }

    record ApplyForm(String name, String kind, String country, String counterpartMinistry, String contactName,
                     String contactEmail, String contactPhone, String email, String password) {

        RecognitionApplication application() {
            return new RecognitionApplication(name, kind, country, counterpartMinistry, contactName, contactEmail,
                    contactPhone, email, password);
        }

        /** What the page shows again after a refusal: everything but the password. */
        ApplyForm withoutPassword() {
            return new ApplyForm(name, kind, country, counterpartMinistry, contactName, contactEmail, contactPhone,
                    email, null);
        }
    }

    @GetMapping
    String form(Model model) {
        return page(model, new ApplyForm(null, null, null, null, null, null, null, null, null), Map.of(), null);
    }

    @PostMapping
    String apply(@ModelAttribute ApplyForm form, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("applied", applications.apply(form.application()));
            return "portal/applied";
        } catch (ApplicationRefused refused) {
            Map<String, String> errors = new LinkedHashMap<>();
            refused.problems().forEach(p -> errors.merge(p.field(), p.message(), (a, b) -> a + "; " + b));
            response.setStatus(switch (refused.reason()) {
                case INVALID -> HttpStatus.BAD_REQUEST.value();
                case DUPLICATE, NO_EMERGENCY -> HttpStatus.CONFLICT.value();
                case TOO_MANY_PENDING -> HttpStatus.TOO_MANY_REQUESTS.value();
            });
            return page(model, form.withoutPassword(), errors, errors.isEmpty() ? refused.getMessage() : null);
        }
    }

    private String page(Model model, ApplyForm form, Map<String, String> errors, String problem) {
        model.addAttribute("form", form);
        model.addAttribute("fields", FIELDS);
        model.addAttribute("kinds", List.of("UN_AGENCY", "NATIONAL_SOCIETY", "INGO", "FOREIGN_GOVERNMENT"));
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("emergency", emergencyState.active().orElse(null));
        return "portal/apply";
    }
}
