package org.reliefclearance.registry.api;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.reliefclearance.registry.Authority;
import org.reliefclearance.registry.Holiday;
import org.reliefclearance.registry.OperatingHours;
import org.reliefclearance.registry.Organisation;
import org.reliefclearance.registry.Port;
import org.reliefclearance.registry.Registry;
import org.reliefclearance.registry.RegistryAdministration;
import org.reliefclearance.registry.RegistryAudit;
import org.reliefclearance.registry.RegistryChange;
import org.reliefclearance.registry.RegistryEntity;
import org.reliefclearance.registry.RegistryEntryNotFoundException;
import org.reliefclearance.registry.RegistryInputException;
import org.reliefclearance.registry.RegistryRefusedException;
import org.reliefclearance.registry.RegistrySnapshot;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry through the API: officials and administrators read it; administrators change ports,
 * authorities, holidays and port hours, administrators and MoLSW organisations. {@code PUT} adds or
 * replaces the entry named in the path. Every change is in the entry's {@code history}.
 */
@Tag(name = "Registry", description = "Ports, authorities, organisations, holidays and port hours, edited at run time")
@RestController
@RequestMapping("/api/registry")
class RegistryController {

    private final Registry registry;
    private final RegistryAdministration administration;
    private final RegistryAudit audit;
    private final RegistryCallers callers;

    RegistryController(Registry registry, RegistryAdministration administration, RegistryAudit audit,
                       RegistryCallers callers) {
        this.registry = registry;
        this.administration = administration;
        this.audit = audit;
        this.callers = callers;
    }

    record PortEntry(String name, String kind, String customsGroup, String headGroup) {
    }

    record AuthorityEntry(String name, String ministry, String groupId, boolean tacitApprovalInEmergency,
                          String headGroupId) {
    }

    record OrganisationEntry(String name, String kind, String groupId, String status, LocalDate mouValidUntil,
                             String counterpartMinistry, LocalDate operatingPermitValidUntil, String contactName,
                             String contactEmail, String contactPhone) {
    }

    record HolidayEntry(String name) {
    }

    record DayHours(DayOfWeek weekday, LocalTime opens, LocalTime closes) {
    }

    record PortView(Port port, List<OperatingHours> operatingHours) {
    }

    record ImportResult(int changed) {
    }

    // --- ports

    @Operation(summary = "Every port of entry")
    @GetMapping("/ports")
    List<Port> ports(Authentication authentication) {
        callers.reader(authentication);
        return registry.ports();
    }

    @Operation(summary = "A port and its operating hours")
    @GetMapping("/ports/{code}")
    PortView port(@PathVariable String code, Authentication authentication) {
        callers.reader(authentication);
        Port port = registry.port(code).orElseThrow(() -> new RegistryEntryNotFoundException(RegistryEntity.PORT, code));
        return new PortView(port, registry.operatingHours(code));
    }

    @Operation(summary = "Adds or replaces a port (administrators); blank groups are derived from the code")
    @PutMapping("/ports/{code}")
    ResponseEntity<Port> savePort(@PathVariable String code, @RequestBody PortEntry entry, Authentication authentication) {
        boolean isNew = registry.port(code).isEmpty();
        Port saved = administration.savePort(callers.editor(authentication),
                new Port(code, entry.name(), entry.kind(), entry.customsGroup(), entry.headGroup()));
        return saved(isNew, "/api/registry/ports/" + code, saved);
    }

    @Operation(summary = "Replaces a port's hours for one year (administrators); weekdays not given are closed")
    @PutMapping("/ports/{code}/hours/{year}")
    List<OperatingHours> saveHours(@PathVariable String code, @PathVariable int year, @RequestBody List<DayHours> week,
                                   Authentication authentication) {
        return administration.saveOperatingHours(callers.editor(authentication), code, year, week.stream()
                .map(d -> d == null ? null : new OperatingHours(code, year, d.weekday(), d.opens(), d.closes()))
                .toList());
    }

    @Operation(summary = "Every change of a port: who, when, before and after")
    @GetMapping("/ports/{code}/history")
    List<RegistryChange> portHistory(@PathVariable String code, Authentication authentication) {
        return history(RegistryEntity.PORT, code, authentication);
    }

    // --- authorities

    @Operation(summary = "Every line-ministry authority")
    @GetMapping("/authorities")
    List<Authority> authorities(Authentication authentication) {
        callers.reader(authentication);
        return registry.authorities();
    }

    @Operation(summary = "An authority: its groups and tacit-approval agreement")
    @GetMapping("/authorities/{code}")
    Authority authority(@PathVariable String code, Authentication authentication) {
        callers.reader(authentication);
        return registry.authority(code).orElseThrow(() -> new RegistryEntryNotFoundException(RegistryEntity.AUTHORITY, code));
    }

    @Operation(summary = "Adds or replaces an authority (administrators); its goods rules are goods-approvals.dmn's")
    @PutMapping("/authorities/{code}")
    ResponseEntity<Authority> saveAuthority(@PathVariable String code, @RequestBody AuthorityEntry entry,
                                            Authentication authentication) {
        boolean isNew = registry.authority(code).isEmpty();
        Authority saved = administration.saveAuthority(callers.editor(authentication), new Authority(code, entry.name(),
                entry.ministry(), entry.groupId(), entry.tacitApprovalInEmergency(), entry.headGroupId()));
        return saved(isNew, "/api/registry/authorities/" + code, saved);
    }

    @Operation(summary = "Every change of an authority: who, when, before and after")
    @GetMapping("/authorities/{code}/history")
    List<RegistryChange> authorityHistory(@PathVariable String code, Authentication authentication) {
        return history(RegistryEntity.AUTHORITY, code, authentication);
    }

    // --- organisations

    @Operation(summary = "Every organisation")
    @GetMapping("/organisations")
    List<Organisation> organisations(Authentication authentication) {
        callers.reader(authentication);
        return registry.organisations();
    }

    @Operation(summary = "An organisation: kind, status, agreements, permit and contacts")
    @GetMapping("/organisations/{code}")
    Organisation organisation(@PathVariable String code, Authentication authentication) {
        callers.reader(authentication);
        return registry.organisation(code)
                .orElseThrow(() -> new RegistryEntryNotFoundException(RegistryEntity.ORGANISATION, code));
    }

    @Operation(summary = "Adds or replaces an organisation, e.g. suspends it (administrators and MoLSW)")
    @PutMapping("/organisations/{code}")
    ResponseEntity<Organisation> saveOrganisation(@PathVariable String code, @RequestBody OrganisationEntry entry,
                                                  Authentication authentication) {
        boolean isNew = registry.organisation(code).isEmpty();
        Organisation saved = administration.saveOrganisation(callers.editor(authentication), new Organisation(code,
                entry.name(), entry.kind(), entry.groupId(), entry.status(), entry.mouValidUntil(),
                entry.counterpartMinistry(), entry.operatingPermitValidUntil(), entry.contactName(),
                entry.contactEmail(), entry.contactPhone()));
        return saved(isNew, "/api/registry/organisations/" + code, saved);
    }

    @Operation(summary = "Every change of an organisation: who, when, before and after")
    @GetMapping("/organisations/{code}/history")
    List<RegistryChange> organisationHistory(@PathVariable String code, Authentication authentication) {
        return history(RegistryEntity.ORGANISATION, code, authentication);
    }

    // --- holidays

    @Operation(summary = "Public holidays, of one year if given")
    @GetMapping("/holidays")
    List<Holiday> holidays(@RequestParam(required = false) Integer year, Authentication authentication) {
        callers.reader(authentication);
        return registry.holidays().stream().filter(h -> year == null || h.date().getYear() == year).toList();
    }

    @Operation(summary = "Adds or renames a public holiday (administrators); deadlines computed afterwards skip it")
    @PutMapping("/holidays/{date}")
    ResponseEntity<Holiday> saveHoliday(@PathVariable LocalDate date, @RequestBody HolidayEntry entry,
                                        Authentication authentication) {
        boolean isNew = registry.holidays().stream().noneMatch(h -> h.date().equals(date));
        Holiday saved = administration.saveHoliday(callers.editor(authentication), new Holiday(date, entry.name()));
        return saved(isNew, "/api/registry/holidays/" + date, saved);
    }

    @Operation(summary = "Removes a public holiday (administrators); deadlines computed afterwards count it again")
    @DeleteMapping("/holidays/{date}")
    ResponseEntity<Void> deleteHoliday(@PathVariable LocalDate date, Authentication authentication) {
        administration.deleteHoliday(callers.editor(authentication), date);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Every change of a public holiday: who, when, before and after")
    @GetMapping("/holidays/{date}/history")
    List<RegistryChange> holidayHistory(@PathVariable LocalDate date, Authentication authentication) {
        return history(RegistryEntity.HOLIDAY, date.toString(), authentication);
    }

    // --- the whole registry

    @Operation(summary = "The latest changes of the registry, newest first")
    @GetMapping("/history")
    List<RegistryChange> latest(@RequestParam(defaultValue = "100") int limit, Authentication authentication) {
        callers.reader(authentication);
        return audit.latest(Math.min(limit, 1000));
    }

    @Operation(summary = "The whole registry as one JSON file (administrators)")
    @GetMapping("/export")
    ResponseEntity<RegistrySnapshot> export(Authentication authentication) {
        callers.administrator(authentication);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"registry.json\"")
                .body(registry.snapshot());
    }

    @Operation(summary = "Merges a registry file (administrators): all checked first, then written in one transaction")
    @PostMapping("/import")
    ImportResult importFile(@RequestBody RegistrySnapshot file, Authentication authentication) {
        return new ImportResult(administration.importSnapshot(callers.administrator(authentication), file));
    }

    // --- answers

    private List<RegistryChange> history(RegistryEntity entity, String key, Authentication authentication) {
        callers.reader(authentication);
        return audit.of(entity, key);
    }

    private static <T> ResponseEntity<T> saved(boolean isNew, String location, T entry) {
        return isNew ? ResponseEntity.created(URI.create(location)).body(entry) : ResponseEntity.ok(entry);
    }

    @ExceptionHandler(RegistryInputException.class)
    ResponseEntity<ProblemDetail> invalid(RegistryInputException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.problems().size() == 1 ? "1 field is invalid" : e.problems().size() + " fields are invalid");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", e.problems());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(RegistryRefusedException.class)
    ResponseEntity<ProblemDetail> refused(RegistryRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Not allowed");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    @ExceptionHandler(RegistryEntryNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(RegistryEntryNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}
