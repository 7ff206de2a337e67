package org.reliefclearance.registry;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes the registry at run time: who may is checked first, every field next, then the entry, its
 * groups ({@code official_group}) and the audit row are written in one transaction, and
 * {@link RegistryChanged} tells the rest of the service (Camunda groups and grants) in the same one.
 * A refusal or a bad field writes nothing. Group ids left blank are derived from the code
 * ({@code PAKSE_RIVER} → {@code customs-port-pakse-river} and {@code customs-port-pakse-river-heads}).
 */
@Service
public class RegistryAdministration {

    private final JdbcClient jdbc;
    private final Registry registry;
    private final RegistryAudit audit;
    private final ApplicationEventPublisher events;
    private final IdentityService camundaGroups;

    RegistryAdministration(JdbcClient jdbc, Registry registry, RegistryAudit audit, ApplicationEventPublisher events,
                           IdentityService camundaGroups) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.audit = audit;
        this.events = events;
        this.camundaGroups = camundaGroups;
    }

    @Transactional
    public Port savePort(RegistryEditor editor, Port port) {
        allow(editor, RegistryEntity.PORT);
        RegistryRules.check(port);
        Port saved = withGroups(port);
        changedPort(editor, saved, "");
        events.publishEvent(new RegistryChanged(RegistryEntity.PORT, saved.code()));
        return saved;
    }

    @Transactional
    public Authority saveAuthority(RegistryEditor editor, Authority authority) {
        allow(editor, RegistryEntity.AUTHORITY);
        RegistryRules.check(authority);
        Authority saved = withGroups(authority);
        changedAuthority(editor, saved, "");
        events.publishEvent(new RegistryChanged(RegistryEntity.AUTHORITY, saved.code()));
        return saved;
    }

    @Transactional
    public Organisation saveOrganisation(RegistryEditor editor, Organisation organisation) {
        allow(editor, RegistryEntity.ORGANISATION);
        RegistryRules.check(organisation);
        Organisation saved = withGroup(organisation);
        refuseGroupChoiceByNonAdministrator(editor, organisation, saved);
        changedOrganisation(editor, saved, "");
        events.publishEvent(new RegistryChanged(RegistryEntity.ORGANISATION, saved.code()));
        return saved;
    }

    @Transactional
    public Holiday saveHoliday(RegistryEditor editor, Holiday holiday) {
        allow(editor, RegistryEntity.HOLIDAY);
        RegistryRules.check(holiday);
        writeHoliday(editor, holiday);
        events.publishEvent(new RegistryChanged(RegistryEntity.HOLIDAY, holiday.date().toString()));
        return holiday;
    }

    @Transactional
    public void deleteHoliday(RegistryEditor editor, LocalDate date) {
        allow(editor, RegistryEntity.HOLIDAY);
        Holiday before = holiday(date).orElseThrow(() -> new RegistryEntryNotFoundException(RegistryEntity.HOLIDAY,
                String.valueOf(date)));
        jdbc.sql("delete from public_holiday where holiday_date = ?").param(date).update();
        audit.record(editor.userId(), RegistryEntity.HOLIDAY, date.toString(), before, null);
        events.publishEvent(new RegistryChanged(RegistryEntity.HOLIDAY, date.toString()));
    }

    /** Replaces a port's hours for one year: the weekdays given are open in their window, the others closed. */
    @Transactional
    public List<OperatingHours> saveOperatingHours(RegistryEditor editor, String port, int year,
                                                   List<OperatingHours> week) {
        allow(editor, RegistryEntity.OPERATING_HOURS);
        registry.port(port).orElseThrow(() -> new RegistryEntryNotFoundException(RegistryEntity.PORT, port));
        List<OperatingHours> hours = week.stream()
                .map(h -> h == null ? null : new OperatingHours(port, year, h.weekday(), h.opens(), h.closes()))
                .toList();
        RegistryRules.check(new RegistrySnapshot(null, null, hours, null, null, null));
        checkOneWindowPerWeekday(hours);
        writeHours(editor, port, year, hours);
        events.publishEvent(new RegistryChanged(RegistryEntity.OPERATING_HOURS, hoursKey(port, year)));
        return hours;
    }

    /**
     * Merges a whole registry file: every entry is checked before anything is written; entries of the
     * file are added or replace those with their key (a port's hours per year as a whole), entries not
     * in the file stay. One transaction, so a bad file changes nothing.
     *
     * @return how many entries changed
     */
    @Transactional
    public int importSnapshot(RegistryEditor editor, RegistrySnapshot file) {
        if (!editor.administrator()) {
            throw new RegistryRefusedException("Only administrators import the registry");
        }
        RegistryRules.check(file);
        checkReferences(file);
        int changed = 0;
        for (int i = 0; i < file.groups().size(); i++) {
            changed += changedGroup(editor, file.groups().get(i), "groups[" + i + "].");
        }
        for (int i = 0; i < file.ports().size(); i++) {
            changed += changedPort(editor, withGroups(file.ports().get(i)), "ports[" + i + "].");
        }
        for (int i = 0; i < file.authorities().size(); i++) {
            changed += changedAuthority(editor, withGroups(file.authorities().get(i)), "authorities[" + i + "].");
        }
        for (int i = 0; i < file.organisations().size(); i++) {
            changed += changedOrganisation(editor, withGroup(file.organisations().get(i)), "organisations[" + i + "].");
        }
        for (Holiday holiday : file.holidays()) {
            changed += writeHoliday(editor, holiday) ? 1 : 0;
        }
        Set<String> portYears = new LinkedHashSet<>();
        file.operatingHours().forEach(h -> portYears.add(hoursKey(h.port(), h.year())));
        for (String portYear : portYears) {
            List<OperatingHours> hours = file.operatingHours().stream()
                    .filter(h -> hoursKey(h.port(), h.year()).equals(portYear)).toList();
            changed += writeHours(editor, hours.get(0).port(), hours.get(0).year(), hours) ? 1 : 0;
        }
        events.publishEvent(RegistryChanged.imported());
        return changed;
    }

    private static void allow(RegistryEditor editor, RegistryEntity entity) {
        if (!editor.mayEdit(entity)) {
            throw new RegistryRefusedException("Your role may not change the registry's "
                    + entity.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " entries");
        }
    }

    /** Ports of the file's hours exist (in the file or the registry), each weekday has one window per year. */
    private void checkReferences(RegistrySnapshot file) {
        Set<String> ports = new HashSet<>();
        file.ports().forEach(p -> ports.add(p.code()));
        registry.ports().forEach(p -> ports.add(p.code()));
        List<RegistryInputException.Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < file.operatingHours().size(); i++) {
            OperatingHours h = file.operatingHours().get(i);
            if (!ports.contains(h.port())) {
                problems.add(new RegistryInputException.Problem("operatingHours[" + i + "].port",
                        "is neither a port of the file nor of the registry"));
            }
            if (!seen.add(hoursKey(h.port(), h.year()) + "/" + h.weekday())) {
                problems.add(new RegistryInputException.Problem("operatingHours[" + i + "].weekday",
                        "is given twice for this port and year"));
            }
        }
        List<String> groupIds = file.groups().stream().map(OfficialGroup::id).toList();
        for (int i = 0; i < groupIds.size(); i++) {
            if (groupIds.indexOf(groupIds.get(i)) != i) {
                problems.add(new RegistryInputException.Problem("groups[" + i + "].id", "is given twice"));
            }
        }
        uniqueKeys(problems, "ports", file.ports().stream().map(Port::code).toList());
        uniqueKeys(problems, "authorities", file.authorities().stream().map(Authority::code).toList());
        uniqueKeys(problems, "organisations", file.organisations().stream().map(Organisation::code).toList());
        List<String> dates = file.holidays().stream().map(h -> String.valueOf(h.date())).toList();
        for (int i = 0; i < dates.size(); i++) {
            if (dates.indexOf(dates.get(i)) != i) {
                problems.add(new RegistryInputException.Problem("holidays[" + i + "].date", "is given twice"));
            }
        }
        if (!problems.isEmpty()) {
            throw new RegistryInputException(problems);
        }
    }

    private static void uniqueKeys(List<RegistryInputException.Problem> problems, String list, List<String> codes) {
        for (int i = 0; i < codes.size(); i++) {
            if (codes.indexOf(codes.get(i)) != i) {
                problems.add(new RegistryInputException.Problem(list + "[" + i + "].code", "is given twice"));
            }
        }
    }

    private static void checkOneWindowPerWeekday(List<OperatingHours> hours) {
        Set<DayOfWeek> days = new HashSet<>();
        for (int i = 0; i < hours.size(); i++) {
            if (!days.add(hours.get(i).weekday())) {
                throw new RegistryInputException("operatingHours[" + i + "].weekday", "is given twice");
            }
        }
    }

    // --- ports

    private Port withGroups(Port port) {
        Optional<Port> existing = registry.port(port.code());
        String customs = blank(port.customsGroup())
                ? existing.map(Port::customsGroup).orElse("customs-port-" + slug(port.code())) : port.customsGroup();
        String head = blank(port.headGroup()) ? existing.map(Port::headGroup).filter(Objects::nonNull)
                .orElse(customs + "-heads") : port.headGroup();
        return new Port(port.code(), port.name().strip(), port.kind(), customs, head);
    }

    private int changedPort(RegistryEditor editor, Port port, String at) {
        Port before = registry.port(port.code()).orElse(null);
        if (port.equals(before)) {
            return 0;
        }
        ensureGroup(at + "customsGroup", port.customsGroup(), "Customs, " + port.name(), OfficialGroup.Role.PORT_CUSTOMS);
        ensureGroup(at + "headGroup", port.headGroup(), "Head of checkpoint: " + port.name(), OfficialGroup.Role.PORT_CUSTOMS);
        int updated = jdbc.sql("update port set name = ?, kind = ?, customs_group = ?, head_group = ? where code = ?")
                .params(port.name(), port.kind(), port.customsGroup(), port.headGroup(), port.code()).update();
        if (updated == 0) {
            jdbc.sql("insert into port (code, name, kind, customs_group, head_group) values (?, ?, ?, ?, ?)")
                    .params(port.code(), port.name(), port.kind(), port.customsGroup(), port.headGroup()).update();
        }
        audit.record(editor.userId(), RegistryEntity.PORT, port.code(), before, port);
        return 1;
    }

    // --- authorities

    private Authority withGroups(Authority authority) {
        Optional<Authority> existing = registry.authority(authority.code());
        String group = blank(authority.groupId())
                ? existing.map(Authority::groupId).orElse(slug(authority.code())) : authority.groupId();
        String head = blank(authority.headGroupId()) ? existing.map(Authority::headGroupId).filter(Objects::nonNull)
                .orElse(group + "-heads") : authority.headGroupId();
        return new Authority(authority.code(), authority.name().strip(), authority.ministry().strip(), group,
                authority.tacitApprovalInEmergency(), head);
    }

    private int changedAuthority(RegistryEditor editor, Authority authority, String at) {
        Authority before = registry.authority(authority.code()).orElse(null);
        if (authority.equals(before)) {
            return 0;
        }
        ensureGroup(at + "groupId", authority.groupId(), authority.name() + ", " + authority.ministry(),
                OfficialGroup.Role.AUTHORITY);
        ensureGroup(at + "headGroupId", authority.headGroupId(), "Head of " + authority.name() + ", " + authority.ministry(),
                OfficialGroup.Role.AUTHORITY);
        int updated = jdbc.sql("update authority set name = ?, ministry = ?, group_id = ?, tacit_approval_in_emergency = ?,"
                        + " head_group_id = ? where code = ?")
                .params(authority.name(), authority.ministry(), authority.groupId(), authority.tacitApprovalInEmergency(),
                        authority.headGroupId(), authority.code()).update();
        if (updated == 0) {
            jdbc.sql("insert into authority (code, name, ministry, group_id, tacit_approval_in_emergency, head_group_id)"
                            + " values (?, ?, ?, ?, ?, ?)")
                    .params(authority.code(), authority.name(), authority.ministry(), authority.groupId(),
                            authority.tacitApprovalInEmergency(), authority.headGroupId()).update();
        }
        audit.record(editor.userId(), RegistryEntity.AUTHORITY, authority.code(), before, authority);
        return 1;
    }

    // --- organisations

    private Organisation withGroup(Organisation o) {
        String group = blank(o.groupId())
                ? registry.organisation(o.code()).map(Organisation::groupId).orElse("org-" + slug(o.code())) : o.groupId();
        return new Organisation(o.code(), o.name().strip(), o.kind(), group, o.status(), o.mouValidUntil(),
                emptyToNull(o.counterpartMinistry()), o.operatingPermitValidUntil(), emptyToNull(o.contactName()),
                emptyToNull(o.contactEmail()), emptyToNull(o.contactPhone()));
    }

    /**
     * MoLSW registers and suspends organisations; which Camunda group acts as one is the
     * administrators' call: a group MoLSW named could move an organisation's users away, or hand a
     * left-over group's members another organisation.
     */
    private void refuseGroupChoiceByNonAdministrator(RegistryEditor editor, Organisation given, Organisation saved) {
        String kept = registry.organisation(given.code()).map(Organisation::groupId)
                .orElse("org-" + slug(given.code()));
        if (!editor.administrator() && !blank(given.groupId()) && !saved.groupId().equals(kept)) {
            throw new RegistryInputException("groupId", "is chosen by administrators only; leave it blank");
        }
    }

    private int changedOrganisation(RegistryEditor editor, Organisation o, String at) {
        Organisation before = registry.organisation(o.code()).orElse(null);
        if (o.equals(before)) {
            return 0;
        }
        boolean groupTaken = registry.organisations().stream()
                .anyMatch(other -> !other.code().equals(o.code()) && other.groupId().equals(o.groupId()));
        if (groupTaken) {
            throw new RegistryInputException(at + "groupId", "is the group of another organisation");
        }
        ensureGroup(at + "groupId", o.groupId(), o.name(), OfficialGroup.Role.ORGANISATION);
        int updated = jdbc.sql("update organisation set name = ?, kind = ?, group_id = ?, status = ?, mou_valid_until = ?,"
                        + " counterpart_ministry = ?, operating_permit_valid_until = ?, contact_name = ?,"
                        + " contact_email = ?, contact_phone = ? where code = ?")
                .params(o.name(), o.kind(), o.groupId(), o.status(), o.mouValidUntil(), o.counterpartMinistry(),
                        o.operatingPermitValidUntil(), o.contactName(), o.contactEmail(), o.contactPhone(), o.code())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into organisation (" + Organisation.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(o.code(), o.name(), o.kind(), o.groupId(), o.status(), o.mouValidUntil(),
                            o.counterpartMinistry(), o.operatingPermitValidUntil(), o.contactName(), o.contactEmail(),
                            o.contactPhone())
                    .update();
        }
        audit.record(editor.userId(), RegistryEntity.ORGANISATION, o.code(), before, o);
        return 1;
    }

    // --- holidays and hours

    private Optional<Holiday> holiday(LocalDate date) {
        return registry.holidays().stream().filter(h -> h.date().equals(date)).findFirst();
    }

    private boolean writeHoliday(RegistryEditor editor, Holiday holiday) {
        Holiday entry = new Holiday(holiday.date(), holiday.name().strip());
        Holiday before = holiday(entry.date()).orElse(null);
        if (entry.equals(before)) {
            return false;
        }
        int updated = jdbc.sql("update public_holiday set name = ? where holiday_date = ?")
                .params(entry.name(), entry.date()).update();
        if (updated == 0) {
            jdbc.sql("insert into public_holiday (holiday_date, name) values (?, ?)")
                    .params(entry.date(), entry.name()).update();
        }
        audit.record(editor.userId(), RegistryEntity.HOLIDAY, entry.date().toString(), before, entry);
        return true;
    }

    private boolean writeHours(RegistryEditor editor, String port, int year, List<OperatingHours> hours) {
        List<OperatingHours> before = registry.operatingHours(port).stream().filter(h -> h.year() == year).toList();
        List<OperatingHours> after = hours.stream()
                .sorted(Comparator.comparing(OperatingHours::weekday)).toList();
        if (after.equals(before)) {
            return false;
        }
        jdbc.sql("delete from port_operating_hours where port_code = ? and hours_year = ?").params(port, year).update();
        for (OperatingHours h : after) {
            jdbc.sql("insert into port_operating_hours (port_code, hours_year, weekday, opens_at, closes_at)"
                            + " values (?, ?, ?, ?, ?)")
                    .params(port, year, h.weekday().name(), h.opens(), h.closes()).update();
        }
        audit.record(editor.userId(), RegistryEntity.OPERATING_HOURS, hoursKey(port, year),
                before.isEmpty() ? null : before, after.isEmpty() ? null : after);
        return true;
    }

    // --- groups

    /** A group of the file: added, or renamed; its role never changes (grants hang on it). */
    private int changedGroup(RegistryEditor editor, OfficialGroup group, String at) {
        OfficialGroup entry = new OfficialGroup(group.id(), group.name().strip(), group.role());
        OfficialGroup before = registry.groups().stream().filter(g -> g.id().equals(entry.id())).findFirst().orElse(null);
        if (entry.equals(before)) {
            return 0;
        }
        if (before != null && before.role() != entry.role()) {
            throw new RegistryInputException(at + "role", "is " + before.role() + " in the registry; a group keeps its role");
        }
        if (before == null) {
            refuseOutsideGroup(at + "id", entry.id(), entry.role());
        }
        int updated = jdbc.sql("update official_group set name = ? where id = ?").params(entry.name(), entry.id()).update();
        if (updated == 0) {
            jdbc.sql("insert into official_group (id, name, role) values (?, ?, ?)")
                    .params(entry.id(), entry.name(), entry.role().name()).update();
        }
        audit.record(editor.userId(), RegistryEntity.GROUP, entry.id(), before, entry);
        return 1;
    }

    /** The group of a new entry, or an existing one of the same role; never one of another role. */
    private void ensureGroup(String field, String id, String name, OfficialGroup.Role role) {
        Optional<String> existingRole = jdbc.sql("select role from official_group where id = ?").param(id)
                .query(String.class).optional();
        if (existingRole.isEmpty()) {
            refuseOutsideGroup(field, id, role);
            jdbc.sql("insert into official_group (id, name, role) values (?, ?, ?)")
                    .params(id, name.length() > 200 ? name.substring(0, 200) : name, role.name()).update();
        } else if (!existingRole.get().equals(role.name())) {
            throw new RegistryInputException(field, "is a group of another role (" + existingRole.get() + ")");
        }
    }

    /**
     * A new registry group never takes the id of a Camunda group of another kind ({@code camunda-admin},
     * of type SYSTEM, above all): the registry's grants would replace that group's, and its members would
     * take the entry's role. A Camunda group of the same role (the type the registry gives its groups) is
     * the registry's own, left behind, e.g. when a registry file is restored.
     */
    private void refuseOutsideGroup(String field, String id, OfficialGroup.Role role) {
        Group existing = camundaGroups.createGroupQuery().groupId(id).singleResult();
        if (existing != null && !role.name().equals(existing.getType())) {
            throw new RegistryInputException(field, "is a group outside the registry (" + existing.getType()
                    + "); choose another id");
        }
    }

    static String hoursKey(String port, int year) {
        return port + "/" + year;
    }

    private static String slug(String code) {
        return code.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
