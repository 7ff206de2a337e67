package org.reliefclearance.registry.api;

import java.io.IOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.reliefclearance.registry.Authority;
import org.reliefclearance.registry.Holiday;
import org.reliefclearance.registry.OperatingHours;
import org.reliefclearance.registry.Organisation;
import org.reliefclearance.registry.OrganisationKind;
import org.reliefclearance.registry.OrganisationStatus;
import org.reliefclearance.registry.Port;
import org.reliefclearance.registry.PortKind;
import org.reliefclearance.registry.Registry;
import org.reliefclearance.registry.RegistryAdministration;
import org.reliefclearance.registry.RegistryAudit;
import org.reliefclearance.registry.RegistryEditor;
import org.reliefclearance.registry.RegistryEntity;
import org.reliefclearance.registry.RegistryEntryNotFoundException;
import org.reliefclearance.registry.RegistryInputException;
import org.reliefclearance.registry.RegistryRefusedException;
import org.reliefclearance.registry.RegistrySnapshot;
import org.reliefclearance.words.Languages;
import org.reliefclearance.words.Vocabulary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The registry's pages ({@code templates/registry/}): lists, one page per port, authority and
 * organisation with its history, holidays by year, import and export. Same rules as the API
 * ({@link RegistryCallers}, {@link RegistryAdministration}); a bad field is shown beside it and
 * nothing is written.
 */
@Controller
@RequestMapping("/registry")
class RegistryPageController {

    private final Registry registry;
    private final RegistryAdministration administration;
    private final RegistryAudit audit;
    private final RegistryCallers callers;
    private final ObjectMapper json;
    private final Clock clock;
    private final Vocabulary vocabulary;

    RegistryPageController(Registry registry, RegistryAdministration administration, RegistryAudit audit,
                           RegistryCallers callers, ObjectMapper json, Clock clock, Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.registry = registry;
        this.administration = administration;
        this.audit = audit;
        this.callers = callers;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/login")
    String login() {
        return "registry/login";
    }

    @GetMapping
    String index(@RequestParam(required = false) Integer year, Authentication authentication, Model model) {
        return index(callers.reader(authentication), year, Map.of(), Map.of(), null, model);
    }

    // --- ports

    @PostMapping("/ports")
    String addPort(@RequestParam Map<String, String> form, Authentication authentication, Model model) {
        RegistryEditor editor = callers.editor(authentication);
        try {
            Port port = administration.savePort(editor, port(form.get("code"), form));
            return "redirect:/registry/ports/" + port.code() + "?saved";
        } catch (RegistryInputException e) {
            return index(editor, null, form, errors(e), "port", model);
        }
    }

    @GetMapping("/ports/{code}")
    String port(@PathVariable String code, @RequestParam(required = false) Integer year,
                Authentication authentication, Model model) {
        RegistryEditor editor = callers.reader(authentication);
        Port port = registry.port(code).orElseThrow(() -> new RegistryEntryNotFoundException(RegistryEntity.PORT, code));
        return portPage(editor, port, values(port), Map.of(), year(year), model);
    }

    @PostMapping("/ports/{code}")
    String savePort(@PathVariable String code, @RequestParam Map<String, String> form, Authentication authentication,
                    Model model) {
        RegistryEditor editor = callers.editor(authentication);
        Port port = registry.port(code).orElseThrow(() -> new RegistryEntryNotFoundException(RegistryEntity.PORT, code));
        try {
            administration.savePort(editor, port(code, form));
            return "redirect:/registry/ports/" + code + "?saved";
        } catch (RegistryInputException e) {
            return portPage(editor, port, form, errors(e), year(null), model);
        }
    }

    /** One window per weekday ({@code opens-MONDAY}, {@code closes-MONDAY}); a weekday left blank is closed. */
    @PostMapping("/ports/{code}/hours")
    String saveHours(@PathVariable String code, @RequestParam int year, @RequestParam Map<String, String> form,
                     Authentication authentication, Model model) {
        RegistryEditor editor = callers.editor(authentication);
        Port port = registry.port(code).orElseThrow(() -> new RegistryEntryNotFoundException(RegistryEntity.PORT, code));
        Map<String, String> errors = new LinkedHashMap<>();
        List<OperatingHours> week = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            LocalTime opens = time(form, "opens-" + day, errors);
            LocalTime closes = time(form, "closes-" + day, errors);
            if (opens != null || closes != null) {
                week.add(new OperatingHours(code, year, day, opens, closes));
            }
        }
        try {
            if (errors.isEmpty()) {
                administration.saveOperatingHours(editor, code, year, week);
                return "redirect:/registry/ports/" + code + "?year=" + year + "&hoursSaved";
            }
        } catch (RegistryInputException e) {
            // operatingHours[i].opens → opens-<weekday of the i-th open day>
            e.problems().forEach(p -> errors.put(hoursField(p.field(), week), p.message()));
        }
        model.addAttribute("hoursValues", form);
        return portPage(editor, port, values(port), errors, year, model);
    }

    // --- authorities

    @PostMapping("/authorities")
    String addAuthority(@RequestParam Map<String, String> form, Authentication authentication, Model model) {
        RegistryEditor editor = callers.editor(authentication);
        try {
            Authority authority = administration.saveAuthority(editor, authority(form.get("code"), form));
            return "redirect:/registry/authorities/" + authority.code() + "?saved";
        } catch (RegistryInputException e) {
            return index(editor, null, form, errors(e), "authority", model);
        }
    }

    @GetMapping("/authorities/{code}")
    String authority(@PathVariable String code, Authentication authentication, Model model) {
        RegistryEditor editor = callers.reader(authentication);
        Authority authority = registry.authority(code)
                .orElseThrow(() -> new RegistryEntryNotFoundException(RegistryEntity.AUTHORITY, code));
        return entryPage(editor, RegistryEntity.AUTHORITY, code, values(authority), Map.of(), model);
    }

    @PostMapping("/authorities/{code}")
    String saveAuthority(@PathVariable String code, @RequestParam Map<String, String> form,
                         Authentication authentication, Model model) {
        RegistryEditor editor = callers.editor(authentication);
        registry.authority(code).orElseThrow(() -> new RegistryEntryNotFoundException(RegistryEntity.AUTHORITY, code));
        try {
            administration.saveAuthority(editor, authority(code, form));
            return "redirect:/registry/authorities/" + code + "?saved";
        } catch (RegistryInputException e) {
            return entryPage(editor, RegistryEntity.AUTHORITY, code, form, errors(e), model);
        }
    }

    // --- organisations

    @PostMapping("/organisations")
    String addOrganisation(@RequestParam Map<String, String> form, Authentication authentication, Model model) {
        RegistryEditor editor = callers.editor(authentication);
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            Organisation organisation = organisation(form.get("code"), form, errors);
            if (errors.isEmpty()) {
                administration.saveOrganisation(editor, organisation);
                return "redirect:/registry/organisations/" + organisation.code() + "?saved";
            }
        } catch (RegistryInputException e) {
            errors.putAll(errors(e));
        }
        return index(editor, null, form, errors, "organisation", model);
    }

    @GetMapping("/organisations/{code}")
    String organisation(@PathVariable String code, Authentication authentication, Model model) {
        RegistryEditor editor = callers.reader(authentication);
        Organisation organisation = registry.organisation(code)
                .orElseThrow(() -> new RegistryEntryNotFoundException(RegistryEntity.ORGANISATION, code));
        return entryPage(editor, RegistryEntity.ORGANISATION, code, values(organisation), Map.of(), model);
    }

    @PostMapping("/organisations/{code}")
    String saveOrganisation(@PathVariable String code, @RequestParam Map<String, String> form,
                            Authentication authentication, Model model) {
        RegistryEditor editor = callers.editor(authentication);
        registry.organisation(code)
                .orElseThrow(() -> new RegistryEntryNotFoundException(RegistryEntity.ORGANISATION, code));
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            Organisation organisation = organisation(code, form, errors);
            if (errors.isEmpty()) {
                administration.saveOrganisation(editor, organisation);
                return "redirect:/registry/organisations/" + code + "?saved";
            }
        } catch (RegistryInputException e) {
            errors.putAll(errors(e));
        }
        return entryPage(editor, RegistryEntity.ORGANISATION, code, form, errors, model);
    }

    // --- holidays

    @PostMapping("/holidays")
    String addHoliday(@RequestParam Map<String, String> form, Authentication authentication, Model model) {
        RegistryEditor editor = callers.editor(authentication);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate date = date(form, "date", errors);
        try {
            if (errors.isEmpty()) {
                administration.saveHoliday(editor, new Holiday(date, form.getOrDefault("name", "")));
                return "redirect:/registry?year=" + date.getYear() + "#holidays";
            }
        } catch (RegistryInputException e) {
            errors.putAll(errors(e));
        }
        return index(editor, date == null ? null : date.getYear(), form, errors, "holiday", model);
    }

    @PostMapping("/holidays/{date}/delete")
    String deleteHoliday(@PathVariable LocalDate date, Authentication authentication) {
        administration.deleteHoliday(callers.editor(authentication), date);
        return "redirect:/registry?year=" + date.getYear() + "#holidays";
    }

    // --- the whole registry

    @GetMapping(path = "/export", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RegistrySnapshot> export(Authentication authentication) {
        callers.administrator(authentication);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"registry.json\"")
                .body(registry.snapshot());
    }

    @PostMapping("/import")
    String importFile(@RequestParam("file") MultipartFile file, Authentication authentication, Model model) {
        RegistryEditor editor = callers.administrator(authentication);
        RegistrySnapshot snapshot;
        try {
            snapshot = json.readValue(file.getBytes(), RegistrySnapshot.class);
        } catch (IOException e) {
            return index(editor, null, Map.of(), Map.of("file", "is not a registry file (JSON as exported)"), "import", model);
        }
        try {
            int changed = administration.importSnapshot(editor, snapshot);
            return "redirect:/registry?imported=" + changed;
        } catch (RegistryInputException e) {
            return index(editor, null, Map.of(), Map.of("file", e.problems().stream()
                    .map(p -> p.field() + " " + p.message()).reduce((a, b) -> a + "; " + b).orElse("")),
                    "import", model);
        }
    }

    @ExceptionHandler(RegistryRefusedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String refused(Locale locale, Model model) {
        return refusal("403", locale, model);
    }

    @ExceptionHandler(RegistryEntryNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Locale locale, Model model) {
        return refusal("404", locale, model);
    }

    /** An exception's page gets no words from pages/PageModelInterceptor (no handler completed): its own. */
    private String refusal(String status, Locale locale, Model model) {
        model.addAttribute("status", status);
        model.addAttribute("words", vocabulary.in(Languages.closest(locale)));
        return "registry/refused";
    }

    // --- pages

    private String index(RegistryEditor editor, Integer year, Map<String, String> values, Map<String, String> errors,
                         String form, Model model) {
        int shown = year(year);
        model.addAttribute("editor", editor);
        model.addAttribute("ports", registry.ports());
        model.addAttribute("authorities", registry.authorities());
        model.addAttribute("organisations", registry.organisations());
        model.addAttribute("year", shown);
        model.addAttribute("holidays", registry.holidays().stream().filter(h -> h.date().getYear() == shown).toList());
        model.addAttribute("changes", audit.latest(20));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        choices(model);
        return "registry/index";
    }

    private String portPage(RegistryEditor editor, Port port, Map<String, String> values, Map<String, String> errors,
                            int year, Model model) {
        model.addAttribute("editor", editor);
        model.addAttribute("port", port);
        model.addAttribute("year", year);
        Map<String, String> hours = new LinkedHashMap<>();
        registry.operatingHours(port.code()).stream().filter(h -> h.year() == year).forEach(h -> {
            hours.put("opens-" + h.weekday(), h.opens().toString());
            hours.put("closes-" + h.weekday(), h.closes().toString());
        });
        model.addAttribute("hours", registry.operatingHours(port.code()));
        if (!model.containsAttribute("hoursValues")) {
            model.addAttribute("hoursValues", hours);
        }
        model.addAttribute("weekdays", DayOfWeek.values());
        return entryPage(editor, RegistryEntity.PORT, port.code(), values, errors, model);
    }

    private String entryPage(RegistryEditor editor, RegistryEntity entity, String code, Map<String, String> values,
                             Map<String, String> errors, Model model) {
        model.addAttribute("editor", editor);
        model.addAttribute("entity", entity.name());
        model.addAttribute("mayEdit", editor.mayEdit(entity));
        model.addAttribute("code", code);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("history", audit.of(entity, code));
        choices(model);
        return "registry/" + entity.name().toLowerCase().replace("_", "-");
    }

    private static void choices(Model model) {
        model.addAttribute("portKinds", names(PortKind.values()));
        model.addAttribute("organisationKinds", names(OrganisationKind.values()));
        model.addAttribute("organisationStatuses", names(OrganisationStatus.values()));
    }

    // --- forms to entries and back

    private static Port port(String code, Map<String, String> form) {
        return new Port(code == null ? "" : code.strip(), form.getOrDefault("name", ""), form.get("kind"),
                form.get("customsGroup"), form.get("headGroup"));
    }

    private static Authority authority(String code, Map<String, String> form) {
        return new Authority(code == null ? "" : code.strip(), form.getOrDefault("name", ""),
                form.getOrDefault("ministry", ""), form.get("groupId"), form.containsKey("tacitApprovalInEmergency"),
                form.get("headGroupId"));
    }

    private static Organisation organisation(String code, Map<String, String> form, Map<String, String> errors) {
        return new Organisation(code == null ? "" : code.strip(), form.getOrDefault("name", ""), form.get("kind"),
                form.get("groupId"), form.get("status"), date(form, "mouValidUntil", errors),
                form.get("counterpartMinistry"), date(form, "operatingPermitValidUntil", errors),
                form.get("contactName"), form.get("contactEmail"), form.get("contactPhone"));
    }

    private static Map<String, String> values(Port p) {
        return text("code", p.code(), "name", p.name(), "kind", p.kind(), "customsGroup", p.customsGroup(),
                "headGroup", p.headGroup());
    }

    private static Map<String, String> values(Authority a) {
        Map<String, String> values = text("code", a.code(), "name", a.name(), "ministry", a.ministry(),
                "groupId", a.groupId(), "headGroupId", a.headGroupId());
        if (a.tacitApprovalInEmergency()) {
            values.put("tacitApprovalInEmergency", "on");
        }
        return values;
    }

    private static Map<String, String> values(Organisation o) {
        return text("code", o.code(), "name", o.name(), "kind", o.kind(), "groupId", o.groupId(), "status", o.status(),
                "mouValidUntil", o.mouValidUntil(), "counterpartMinistry", o.counterpartMinistry(),
                "operatingPermitValidUntil", o.operatingPermitValidUntil(), "contactName", o.contactName(),
                "contactEmail", o.contactEmail(), "contactPhone", o.contactPhone());
    }

    private static Map<String, String> text(Object... pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1].toString());
        }
        return values;
    }

    private static Map<String, String> errors(RegistryInputException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
        return errors;
    }

    private static String hoursField(String field, List<OperatingHours> week) {
        int open = field.indexOf('[');
        int close = field.indexOf(']');
        if (open < 0 || close < open) {
            return field;
        }
        OperatingHours day = week.get(Integer.parseInt(field.substring(open + 1, close)));
        String name = field.substring(close + 2);
        return (name.equals("opens") ? "opens-" : "closes-") + day.weekday();
    }

    private static LocalDate date(Map<String, String> form, String field, Map<String, String> errors) {
        String value = form.get(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "must be a date (yyyy-mm-dd)");
            return null;
        }
    }

    private static LocalTime time(Map<String, String> form, String field, Map<String, String> errors) {
        String value = form.get(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "must be a time (hh:mm)");
            return null;
        }
    }

    private int year(Integer year) {
        return Optional.ofNullable(year).orElse(LocalDate.now(clock).getYear());
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
