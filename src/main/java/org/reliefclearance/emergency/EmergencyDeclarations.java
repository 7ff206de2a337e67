package org.reliefclearance.emergency;

import static org.reliefclearance.emergency.EmergencyState.utc;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.reliefclearance.consignment.InvalidInputException;
import org.reliefclearance.notifications.Notices;
import org.reliefclearance.registry.Province;
import org.reliefclearance.registry.Provinces;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Declaring, extending and ending emergencies (tables {@code emergency}, {@code emergency_province}). */
@Service
public class EmergencyDeclarations {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Notices notices;
    private final Provinces provinces;
    private final EmergencyState state;

    EmergencyDeclarations(JdbcClient jdbc, Clock clock, Notices notices, Provinces provinces, EmergencyState state) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.notices = notices;
        this.provinces = provinces;
        this.state = state;
    }

    /**
     * Declares an emergency for a period and the provinces it covers ({@link Emergency#ALL_PROVINCES} for
     * all). Refused when the period is empty or already over, or a province is unknown. It may overlap
     * other emergencies: each covers its own provinces, and a consignment gets the emergency rules while any
     * in force covers its destination.
     */
    public Emergency declare(String name, List<String> provinceCodes, Instant startsAt, Instant endsAt,
                             String declaredBy) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "Name the emergency");
        }
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
            throw new InvalidInputException("endsAt", "The emergency must end after it starts");
        }
        Instant now = clock.instant();
        if (!endsAt.isAfter(now)) {
            throw new InvalidInputException("endsAt", "The emergency period is already over");
        }
        Scope scope = scope(provinceCodes);
        String code = nextCode(now);
        jdbc.sql("""
                insert into emergency (code, name, provinces, all_provinces, starts_at, ends_at, status, declared_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(code, name, scope.display(), scope.all(), utc(startsAt), utc(endsAt), Emergency.ACTIVE,
                        declaredBy)
                .update();
        for (Province p : scope.provinces()) {
            jdbc.sql("insert into emergency_province (emergency_code, province_code) values (?, ?)")
                    .params(code, p.code()).update();
        }
        Emergency declared = find(code);
        notices.emergencyDeclared(declared.code(), declared.name(), declared.startsAt(), declared.endsAt());
        return declared;
    }

    /**
     * Moves the end of an emergency still in force later; recorded with who and why. Refused for an
     * emergency ended already or a new end not later than the current one.
     */
    public Emergency extend(String code, Instant newEndsAt, String extendedBy, String reason) {
        Emergency emergency = state.find(code)
                .orElseThrow(() -> new InvalidInputException("code", "No emergency " + code));
        if (!Emergency.ACTIVE.equals(emergency.status())) {
            throw new InvalidInputException("code", "Emergency " + code + " has ended; declare a new one");
        }
        if (newEndsAt == null || !newEndsAt.isAfter(emergency.endsAt().toInstant())) {
            throw new InvalidInputException("endsAt", "must come after the current end, "
                    + emergency.endsAt().toInstant());
        }
        jdbc.sql("update emergency set ends_at = ? where code = ? and status = ?")
                .params(utc(newEndsAt), code, Emergency.ACTIVE).update();
        jdbc.sql("""
                insert into emergency_extension (emergency_code, previous_ends_at, new_ends_at, extended_by,
                    extended_at, reason)
                values (?, ?, ?, ?, ?, ?)""")
                .params(code, emergency.endsAt(), utc(newEndsAt), extendedBy, utc(clock.instant()), reason).update();
        return find(code);
    }

    /** The extensions of an emergency, oldest first. */
    public List<Extension> extensions(String code) {
        return jdbc.sql("""
                select previous_ends_at, new_ends_at, extended_by, extended_at, reason from emergency_extension
                where emergency_code = ? order by id""").param(code).query(Extension.class).list();
    }

    /** Customs HQ learns that an emergency is in force from now, and where. */
    public void informCustoms(String code) {
        Emergency e = find(code);
        notices.emergencyInForce(e.code(), e.name(), e.provinces(), e.startsAt(), e.endsAt());
    }

    /**
     * Ends the emergency now; ending one already ended changes nothing.
     *
     * @param reason why it ended early, or null when its period is over
     */
    public Emergency end(String code, String endedBy, String reason) {
        int ended = jdbc.sql("""
                update emergency set status = ?, ended_at = ?, ended_by = ?, end_reason = ?
                where code = ? and status = ?""")
                .params(Emergency.ENDED, utc(clock.instant()), endedBy, reason, code, Emergency.ACTIVE)
                .update();
        Emergency emergency = find(code);
        if (ended == 1) {
            notices.emergencyEnded(emergency.code(), emergency.name(), emergency.endedAt());
        }
        return emergency;
    }

    private Emergency find(String code) {
        return state.find(code).orElseThrow();
    }

    private record Scope(boolean all, List<Province> provinces, String display) {
    }

    private Scope scope(List<String> codes) {
        Set<String> given = new LinkedHashSet<>(codes == null ? List.of() : codes);
        if (given.isEmpty()) {
            throw new InvalidInputException("provinces", "Name the provinces covered, or ALL");
        }
        if (given.contains(Emergency.ALL_PROVINCES)) {
            return new Scope(true, List.of(), "All provinces");
        }
        List<Province> covered = new ArrayList<>();
        for (String code : given) {
            covered.add(provinces.find(code).orElseThrow(() -> new InvalidInputException("provinces",
                    code + " is not a province code (ISO 3166-2:LA, e.g. LA-AT) nor " + Emergency.ALL_PROVINCES)));
        }
        return new Scope(false, covered, String.join(", ", covered.stream().map(Province::nameEn).toList()));
    }

    /** EM-2026-001, EM-2026-002, ...; declarations are rare, a duplicate fails on the primary key. */
    private String nextCode(Instant now) {
        String prefix = "EM-" + Year.from(now.atZone(ZoneOffset.UTC)) + "-";
        Integer count = jdbc.sql("select count(*) from emergency where code like ?").param(prefix + "%")
                .query(Integer.class).single();
        return prefix + "%03d".formatted(count + 1);
    }
}
