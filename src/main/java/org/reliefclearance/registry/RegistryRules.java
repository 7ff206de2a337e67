package org.reliefclearance.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a registry entry must look like before it is written: codes, group ids and kinds the rest of
 * the service can rely on. Every bad field is named, with {@code prefix} for an entry inside a file.
 */
final class RegistryRules {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    private static final Pattern GROUP = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int NAME_LENGTH = 200;

    private final List<RegistryInputException.Problem> problems = new ArrayList<>();

    static void check(Port port) {
        RegistryRules rules = new RegistryRules();
        rules.port("", port);
        rules.throwIfAny();
    }

    static void check(Authority authority) {
        RegistryRules rules = new RegistryRules();
        rules.authority("", authority);
        rules.throwIfAny();
    }

    static void check(Organisation organisation) {
        RegistryRules rules = new RegistryRules();
        rules.organisation("", organisation);
        rules.throwIfAny();
    }

    static void check(Holiday holiday) {
        RegistryRules rules = new RegistryRules();
        rules.holiday("", holiday);
        rules.throwIfAny();
    }

    static void check(OperatingHours hours) {
        RegistryRules rules = new RegistryRules();
        rules.hours("", hours);
        rules.throwIfAny();
    }

    /** Every entry of a file, named by its place in it; nothing is written unless all are valid. */
    static void check(RegistrySnapshot file) {
        RegistryRules rules = new RegistryRules();
        for (int i = 0; i < file.groups().size(); i++) {
            rules.officialGroup("groups[" + i + "].", file.groups().get(i));
        }
        for (int i = 0; i < file.ports().size(); i++) {
            rules.port("ports[" + i + "].", file.ports().get(i));
        }
        for (int i = 0; i < file.operatingHours().size(); i++) {
            rules.hours("operatingHours[" + i + "].", file.operatingHours().get(i));
        }
        for (int i = 0; i < file.authorities().size(); i++) {
            rules.authority("authorities[" + i + "].", file.authorities().get(i));
        }
        for (int i = 0; i < file.organisations().size(); i++) {
            rules.organisation("organisations[" + i + "].", file.organisations().get(i));
        }
        for (int i = 0; i < file.holidays().size(); i++) {
            rules.holiday("holidays[" + i + "].", file.holidays().get(i));
        }
        rules.throwIfAny();
    }

    private void officialGroup(String at, OfficialGroup group) {
        if (present(at, group)) {
            if (group.id() == null || !GROUP.matcher(group.id()).matches()) {
                problem(at + "id", "must be 2 to 64 small letters, digits or -");
            }
            name(at + "name", group.name());
            if (group.role() == null) {
                problem(at + "role", "is required");
            }
        }
    }

    private void port(String at, Port port) {
        if (present(at, port)) {
            code(at + "code", port.code());
            name(at + "name", port.name());
            oneOf(at + "kind", port.kind(), PortKind.class);
            group(at + "customsGroup", port.customsGroup());
            group(at + "headGroup", port.headGroup());
        }
    }

    private void authority(String at, Authority authority) {
        if (present(at, authority)) {
            code(at + "code", authority.code());
            name(at + "name", authority.name());
            name(at + "ministry", authority.ministry());
            group(at + "groupId", authority.groupId());
            group(at + "headGroupId", authority.headGroupId());
        }
    }

    private void organisation(String at, Organisation organisation) {
        if (present(at, organisation)) {
            code(at + "code", organisation.code());
            name(at + "name", organisation.name());
            oneOf(at + "kind", organisation.kind(), OrganisationKind.class);
            oneOf(at + "status", organisation.status(), OrganisationStatus.class);
            group(at + "groupId", organisation.groupId());
            optionalText(at + "counterpartMinistry", organisation.counterpartMinistry(), NAME_LENGTH);
            optionalText(at + "contactName", organisation.contactName(), NAME_LENGTH);
            optionalText(at + "contactPhone", organisation.contactPhone(), 50);
            String email = organisation.contactEmail();
            if (email != null && !email.isBlank() && (email.length() > 320 || !EMAIL.matcher(email).matches())) {
                problem(at + "contactEmail", "must be an e-mail address");
            }
        }
    }

    private void holiday(String at, Holiday holiday) {
        if (present(at, holiday)) {
            if (holiday.date() == null) {
                problem(at + "date", "is required");
            }
            name(at + "name", holiday.name());
        }
    }

    private void hours(String at, OperatingHours hours) {
        if (present(at, hours)) {
            code(at + "port", hours.port());
            if (hours.year() < 2000 || hours.year() > 2100) {
                problem(at + "year", "must be a year between 2000 and 2100");
            }
            if (hours.weekday() == null) {
                problem(at + "weekday", "is required");
            }
            if (hours.opens() == null) {
                problem(at + "opens", "is required");
            }
            if (hours.closes() == null) {
                problem(at + "closes", "is required");
            } else if (hours.opens() != null && !hours.opens().isBefore(hours.closes())) {
                problem(at + "closes", "must be after the opening time");
            }
        }
    }

    private boolean present(String at, Object entry) {
        if (entry == null) {
            problem(at.isEmpty() ? "body" : at.substring(0, at.length() - 1), "is required");
            return false;
        }
        return true;
    }

    private void code(String field, String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            problem(field, "must be 2 to 40 capital letters, digits or _, starting with a letter");
        }
    }

    private void name(String field, String name) {
        if (name == null || name.isBlank()) {
            problem(field, "is required");
        } else if (name.length() > NAME_LENGTH) {
            problem(field, "must be at most " + NAME_LENGTH + " characters");
        } else if (!PlainName.acceptable(name)) {
            problem(field, PlainName.MESSAGE);
        }
    }

    private void optionalText(String field, String text, int length) {
        if (text != null && text.length() > length) {
            problem(field, "must be at most " + length + " characters");
        }
    }

    /** A group id; a blank one is derived from the entry's code (see RegistryAdministration). */
    private void group(String field, String group) {
        if (group != null && !group.isBlank() && !GROUP.matcher(group).matches()) {
            problem(field, "must be 2 to 64 small letters, digits or -");
        }
    }

    private <E extends Enum<E>> void oneOf(String field, String value, Class<E> values) {
        if (value == null || Arrays.stream(values.getEnumConstants()).noneMatch(v -> v.name().equals(value))) {
            problem(field, "must be one of " + Arrays.toString(values.getEnumConstants()));
        }
    }

    private void problem(String field, String message) {
        problems.add(new RegistryInputException.Problem(field, message));
    }

    private void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new RegistryInputException(problems);
        }
    }
}
