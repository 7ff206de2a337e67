package org.reliefclearance.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reference data of the SOP, read from the registry tables (seeded by Flyway, edited by {@link RegistryAdministration}). */
@Repository
public class Registry {

    private final JdbcClient jdbc;

    Registry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<OfficialGroup> groups() {
        return jdbc.sql("select id, name, role from official_group order by id")
                .query((rs, n) -> new OfficialGroup(rs.getString("id"), rs.getString("name"),
                        OfficialGroup.Role.valueOf(rs.getString("role"))))
                .list();
    }

    public List<Port> ports() {
        return jdbc.sql("select code, name, kind, customs_group, head_group from port order by code")
                .query(Port.class).list();
    }

    public Optional<Port> port(String code) {
        return jdbc.sql("select code, name, kind, customs_group, head_group from port where code = ?")
                .param(code).query(Port.class).optional();
    }

    public List<Authority> authorities() {
        return jdbc.sql("select code, name, ministry, group_id, tacit_approval_in_emergency, head_group_id from authority order by code")
                .query(Authority.class).list();
    }

    public Optional<Authority> authority(String code) {
        return jdbc.sql("select code, name, ministry, group_id, tacit_approval_in_emergency, head_group_id from authority where code = ?")
                .param(code).query(Authority.class).optional();
    }

    public List<Organisation> organisations() {
        return jdbc.sql("select " + Organisation.COLUMNS + " from organisation order by code")
                .query(Organisation.class).list();
    }

    public Optional<Organisation> organisation(String code) {
        return jdbc.sql("select " + Organisation.COLUMNS + " from organisation where code = ?")
                .param(code).query(Organisation.class).optional();
    }

    /** Public holidays, by date; read afresh each time, so one added at run time counts at once (every node). */
    public List<Holiday> holidays() {
        return jdbc.sql("select holiday_date, name from public_holiday order by holiday_date")
                .query((rs, n) -> new Holiday(rs.getObject("holiday_date", LocalDate.class), rs.getString("name")))
                .list();
    }

    public Set<LocalDate> holidayDates() {
        return holidays().stream().map(Holiday::date).collect(Collectors.toSet());
    }

    /** Every port's opening hours, by port, year and weekday. */
    public List<OperatingHours> operatingHours() {
        return jdbc.sql("select port_code, hours_year, weekday, opens_at, closes_at from port_operating_hours")
                .query(Registry::hoursRow).list().stream().sorted(HOURS_ORDER).toList();
    }

    public List<OperatingHours> operatingHours(String port) {
        return operatingHours().stream().filter(h -> h.port().equals(port)).toList();
    }

    private static final Comparator<OperatingHours> HOURS_ORDER = Comparator
            .comparing(OperatingHours::port).thenComparing(OperatingHours::year).thenComparing(OperatingHours::weekday);

    private static OperatingHours hoursRow(ResultSet rs, int row) throws SQLException {
        return new OperatingHours(rs.getString("port_code"), rs.getInt("hours_year"),
                DayOfWeek.valueOf(rs.getString("weekday")), rs.getObject("opens_at", LocalTime.class),
                rs.getObject("closes_at", LocalTime.class));
    }

    /** The whole registry, as export writes it. */
    public RegistrySnapshot snapshot() {
        return new RegistrySnapshot(groups(), ports(), operatingHours(), authorities(), organisations(), holidays());
    }

    /** The organisation a user acts for, found through its group membership. */
    public Optional<Organisation> organisationOfGroups(List<String> groupIds) {
        return organisations().stream().filter(o -> groupIds.contains(o.groupId())).findFirst();
    }

    /** The roles the registry gives these groups; groups outside the registry give none. */
    public Set<OfficialGroup.Role> rolesOfGroups(Collection<String> groupIds) {
        return groups().stream().filter(g -> groupIds.contains(g.id())).map(OfficialGroup::role)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(OfficialGroup.Role.class)));
    }
}
