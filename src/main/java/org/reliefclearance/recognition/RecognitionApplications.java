package org.reliefclearance.recognition;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.reliefclearance.emergency.Emergency;
import org.reliefclearance.emergency.EmergencyState;
import org.reliefclearance.identity.EmailAddress;
import org.reliefclearance.identity.OrganisationAccounts;
import org.reliefclearance.identity.ServiceReads;
import org.reliefclearance.recognition.ApplicationRefused.FieldProblem;
import org.reliefclearance.recognition.ApplicationRefused.Reason;
import org.reliefclearance.recognition.OrganisationRecognition.Vars;
import org.reliefclearance.registry.OfficialGroup;
import org.reliefclearance.registry.OrganisationKind;
import org.reliefclearance.registry.OrganisationStatus;
import org.reliefclearance.registry.PlainName;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applications for recognition, from the portal and /api alike: checked in full before anything is
 * written, then the organisation (APPLIED), its group and user, and the recognition process, in one
 * transaction. Open to anyone, so limited: only while an emergency is in force, and never more than
 * {@code relief.recognition.max-pending} applications waiting for MoLSW.
 */
@Service
public class RecognitionApplications {

    /** Lao government consignees are registered by MoLSW, not by application. */
    static final Set<OrganisationKind> MAY_APPLY = Set.of(OrganisationKind.UN_AGENCY, OrganisationKind.NATIONAL_SOCIETY,
            OrganisationKind.INGO, OrganisationKind.FOREIGN_GOVERNMENT);

    private final JdbcClient jdbc;
    private final EmergencyState emergencyState;
    private final OrganisationAccounts accounts;
    private final RuntimeService runtime;
    private final ServiceReads service;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int maxPending;

    RecognitionApplications(JdbcClient jdbc, EmergencyState emergencyState, OrganisationAccounts accounts,
                            RuntimeService runtime, ServiceReads service, TransactionTemplate transaction, Clock clock,
                            @Value("${relief.recognition.max-pending:20}") int maxPending) {
        this.jdbc = jdbc;
        this.emergencyState = emergencyState;
        this.accounts = accounts;
        this.runtime = runtime;
        this.service = service;
        this.transaction = transaction;
        this.clock = clock;
        this.maxPending = maxPending;
    }

    /** What was created: the organisation's registry code and the emergency it applied during. */
    public record Applied(String organisationCode, String name, OrganisationStatus status, String username,
                          String emergencyCode) {
    }

    /** @throws ApplicationRefused with nothing written */
    public Applied apply(RecognitionApplication a) {
        Emergency emergency = emergencyState.active().orElseThrow(() -> new ApplicationRefused(Reason.NO_EMERGENCY,
                "MoLSW recognises organisations not yet registered only while a national emergency is in force",
                List.of()));
        List<FieldProblem> invalid = problems(a);
        if (!invalid.isEmpty()) {
            throw new ApplicationRefused(Reason.INVALID, invalid.size() + " field(s) invalid", invalid);
        }
        // the service acts here, not the caller (who may be anonymous or any signed-in user)
        return transaction.execute(tx -> {
            Applied applied = service.read(() -> {
                refuseDuplicates(a);
                if (pending() >= maxPending) {
                    throw new ApplicationRefused(Reason.TOO_MANY_PENDING, "Too many applications wait for MoLSW's "
                            + "decision already; try again later or contact MoLSW", List.of());
                }
                return create(a, emergency);
            });
            service.run(() -> accounts.removeGrants(groupOf(applied.organisationCode()), applied.username()));
            return applied;
        });
    }

    /** Every field's problem at once, so a form can show them all. */
    List<FieldProblem> problems(RecognitionApplication a) {
        List<FieldProblem> problems = new ArrayList<>();
        required(problems, "name", a.name(), 200);
        if (!PlainName.acceptable(a.name())) {
            problems.add(new FieldProblem("name", PlainName.MESSAGE));
        }
        if (blank(a.kind())) {
            problems.add(new FieldProblem("kind", "must not be blank"));
        } else if (MAY_APPLY.stream().noneMatch(k -> k.name().equals(a.kind()))) {
            problems.add(new FieldProblem("kind", "must be one of " + MAY_APPLY.stream().map(Enum::name).sorted()
                    .collect(Collectors.joining(", "))));
        }
        required(problems, "country", a.country(), 100);
        optional(problems, "counterpartMinistry", a.counterpartMinistry(), 200);
        required(problems, "contactName", a.contactName(), 200);
        email(problems, "contactEmail", a.contactEmail());
        optional(problems, "contactPhone", a.contactPhone(), 50);
        email(problems, "email", a.email());
        String weakness = accounts.passwordWeakness(a.name() == null ? "" : a.name().strip(), a.password());
        if (weakness != null) {
            problems.add(new FieldProblem("password", weakness));
        }
        return problems;
    }

    private void refuseDuplicates(RecognitionApplication a) {
        List<FieldProblem> taken = new ArrayList<>();
        boolean nameTaken = jdbc.sql("select count(*) from organisation where lower(trim(name)) = ?")
                .param(a.name().strip().toLowerCase(Locale.ROOT)).query(Long.class).single() > 0;
        if (nameTaken) {
            taken.add(new FieldProblem("name", "an organisation of this name is in the registry already"));
        }
        if (!taken.isEmpty()) {
            throw new ApplicationRefused(Reason.DUPLICATE, "Already in the registry", taken);
        }
    }

    private long pending() {
        return jdbc.sql("select count(*) from organisation where status = ?")
                .param(OrganisationStatus.APPLIED.name()).query(Long.class).single();
    }

    private Applied create(RecognitionApplication a, Emergency emergency) {
        String code = freeCode(a.name());
        String group = groupOf(code);
        // the account is named as the group: the applicant learns its name only from the answer
        String username = group;
        String name = a.name().strip();
        jdbc.sql("insert into official_group (id, name, role) values (?, ?, ?)")
                .params(group, name, OfficialGroup.Role.ORGANISATION.name()).update();
        jdbc.sql("""
                insert into organisation (code, name, kind, group_id, status, counterpart_ministry, contact_name,
                                          contact_email, contact_phone)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(code, name, a.kind(), group, OrganisationStatus.APPLIED.name(), trimmed(a.counterpartMinistry()),
                        a.contactName().strip(), a.contactEmail().strip(), trimmed(a.contactPhone()))
                .update();
        jdbc.sql("""
                insert into recognition_application (organisation_code, country, applied_by, applied_at, emergency_code)
                values (?, ?, ?, ?, ?)""")
                .params(code, a.country().strip(), username, OffsetDateTime.now(clock), emergency.code()).update();
        accounts.create(group, name, username, a.email().strip(), a.contactName().strip(), name, a.password());
        runtime.startProcessInstanceByKey(OrganisationRecognition.KEY, code,
                processVariables(code, username, a, emergency));
        return new Applied(code, name, OrganisationStatus.APPLIED, username, emergency.code());
    }

    private static VariableMap processVariables(String code, String username, RecognitionApplication a,
                                                Emergency emergency) {
        String contact = a.contactName().strip() + " · " + a.contactEmail().strip()
                + (blank(a.contactPhone()) ? "" : " · " + a.contactPhone().strip());
        VariableMap variables = Variables.createVariables();
        Vars.ORGANISATION_CODE.putIn(variables, code);
        Vars.ORGANISATION_NAME.putIn(variables, a.name().strip());
        Vars.ORGANISATION_KIND.putIn(variables, a.kind());
        Vars.COUNTRY.putIn(variables, a.country().strip());
        Vars.COUNTERPART_MINISTRY.putIn(variables, blank(a.counterpartMinistry()) ? "-" : a.counterpartMinistry().strip());
        Vars.CONTACT.putIn(variables, contact);
        Vars.EMERGENCY_NAME.putIn(variables, emergency.name());
        Vars.APPLICANT_USER.putIn(variables, username);
        return variables;
    }

    /** A readable registry code from the name ("Hope for Laos" -> HOPE_FOR_LAOS), numbered if taken. */
    private String freeCode(String name) {
        String base = Arrays.stream(name.toUpperCase(Locale.ROOT).split("[^A-Z0-9]+")).filter(w -> !w.isEmpty())
                .collect(Collectors.joining("_"));
        base = base.isEmpty() ? "APPLICANT" : base.length() > 30 ? base.substring(0, 30) : base;
        String code = base;
        for (int n = 2; taken(code); n++) {
            code = base + "_" + n;
        }
        return code;
    }

    /** The organisation's group, as the registry's are named: WFP -> org-wfp. */
    static String groupOf(String code) {
        return "org-" + code.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private boolean taken(String code) {
        String group = groupOf(code);
        return jdbc.sql("select count(*) from organisation where code = ?").param(code).query(Long.class).single() > 0
                || jdbc.sql("select count(*) from official_group where id = ?").param(group).query(Long.class).single() > 0
                || accounts.groupExists(group) || accounts.userExists(group);
    }

    private static void required(List<FieldProblem> problems, String field, String value, int max) {
        if (blank(value)) {
            problems.add(new FieldProblem(field, "must not be blank"));
        } else {
            optional(problems, field, value, max);
        }
    }

    private static void optional(List<FieldProblem> problems, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
        }
    }

    private static void email(List<FieldProblem> problems, String field, String value) {
        if (blank(value)) {
            problems.add(new FieldProblem(field, "must not be blank"));
        } else if (!EmailAddress.acceptable(value.strip())) {
            problems.add(new FieldProblem(field, EmailAddress.MESSAGE));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trimmed(String value) {
        return blank(value) ? null : value.strip();
    }
}
