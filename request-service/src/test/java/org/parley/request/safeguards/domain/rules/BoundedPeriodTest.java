package org.parley.request.safeguards.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.request.safeguards.domain.RequestRules;
import org.parley.request.testing.Cases;

class BoundedPeriodTest {

    final BoundedPeriod rule = new BoundedPeriod();
    final RequestRules ninetyDays = new RequestRules(7, 0, 0, Set.of(), 90, 0, 0, Map.of(), Set.of());

    @Test
    void aPeriodOfExactlyTheMaximumPasses() {
        var request = Cases.information().period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)).build();

        assertThat(rule.check(Cases.of(request, ninetyDays))).isEmpty();
    }

    @Test
    void aPeriodOneDayLongerIsBlocked() {
        var request = Cases.information().period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 1)).build();

        assertThat(rule.check(Cases.of(request, ninetyDays))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("91 days").contains("at most 90"));
    }

    @Test
    void anInformationRequestWithoutPeriodOrWithAnOpenEndIsBlocked() {
        assertThat(rule.check(Cases.of(Cases.information().noPeriod().build()))).hasSize(1);
        assertThat(rule.check(Cases.of(Cases.information().period(LocalDate.of(2026, 1, 1), null).build()))).hasSize(1);
    }

    @Test
    void otherTypesNeedNoPeriod() {
        assertThat(rule.check(Cases.of(Cases.removalOrder().build()))).isEmpty();
    }
}
