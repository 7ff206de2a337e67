package org.reliefclearance.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.reliefclearance.registry.Organisation;

class ConsigneeEligibilityTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @Test
    void registeredOrganisationWithValidMouIsEligible() {
        var result = ConsigneeEligibility.judge(Optional.of(org("REGISTERED", TODAY)), TODAY);
        assertThat(result.eligible()).isTrue();
        assertThat(result.organisationName()).isEqualTo("Aid Org");
    }

    @Test
    void suspendedOrganisationIsNotEligibleWhateverItsMou() {
        var result = ConsigneeEligibility.judge(Optional.of(org("SUSPENDED", TODAY.plusYears(1))), TODAY);
        assertThat(result.eligible()).isFalse();
        assertThat(result.reason()).contains("suspended");
    }

    @Test
    void expiredOrMissingMouIsNotEligible() {
        assertThat(ConsigneeEligibility.judge(Optional.of(org("REGISTERED", TODAY.minusDays(1))), TODAY).reason())
                .contains("no valid MoU");
        assertThat(ConsigneeEligibility.judge(Optional.of(org("REGISTERED", null)), TODAY).eligible()).isFalse();
    }

    @Test
    void unknownOrganisationIsNotEligible() {
        assertThat(ConsigneeEligibility.judge(Optional.empty(), TODAY).eligible()).isFalse();
    }

    private static Organisation org(String status, LocalDate mouValidUntil) {
        return new Organisation("AID", "Aid Org", "INGO", "org-aid", status, mouValidUntil);
    }
}
