package org.reliefclearance.recognition;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.reliefclearance.registry.OrganisationStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** MoLSW's decision on an application, written to the registry: the organisation's status and why. */
@Service
class RecognitionDecisions {

    private final JdbcClient jdbc;
    private final Clock clock;

    RecognitionDecisions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Only an application still waiting is decided: a suspension meanwhile stays. */
    void decide(String organisationCode, RecognitionDecision decision, String reason, String decidedBy) {
        OrganisationStatus status = decision == RecognitionDecision.RECOGNISE
                ? OrganisationStatus.RECOGNISED : OrganisationStatus.REFUSED;
        jdbc.sql("update organisation set status = ? where code = ? and status = ?")
                .params(status.name(), organisationCode, OrganisationStatus.APPLIED.name()).update();
        jdbc.sql("""
                update recognition_application set decided_by = ?, decided_at = ?, decision_reason = ?
                where organisation_code = ?""")
                .params(decidedBy, OffsetDateTime.now(clock), reason, organisationCode).update();
    }
}
