package org.parley.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.Ids;
import org.parley.common.kernel.RuleViolation;

class PageRequestTest {

    @Test
    void defaultsToFiftyAndRefusesSizesOutsideOneToFiveHundred() {
        assertThat(PageRequest.of(null, null).size()).isEqualTo(50);
        assertThat(PageRequest.of(500, null).size()).isEqualTo(500);
        assertThatThrownBy(() -> PageRequest.of(0, null)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> PageRequest.of(501, null))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.fieldErrors()).extracting(RuleViolation.FieldError::field).containsExactly("pageSize"));
    }

    @Test
    void aTokenRoundTripsToTheIdItWasMadeFrom() {
        UUID id = Ids.next();
        assertThat(PageRequest.of(10, PageRequest.encode(id)).after()).contains(id);
    }

    @Test
    void tokensThisServiceDidNotIssueAreRefusedWithTheField() {
        for (String garbage : List.of("garbage", "%%%", "cDE6bm90LWEtdXVpZA", UUID.randomUUID().toString())) {
            assertThatThrownBy(() -> PageRequest.of(10, garbage))
                    .isInstanceOfSatisfying(RuleViolation.class,
                            e -> assertThat(e.fieldErrors()).extracting(RuleViolation.FieldError::field).containsExactly("pageToken"));
        }
    }

    @Test
    void theExtraRowOnlyTellsThatAnotherPageFollows() {
        List<UUID> ids = List.of(Ids.next(), Ids.next(), Ids.next());
        PageRequest request = PageRequest.first(2);

        Page<UUID> full = Page.of(ids, request, Function.identity());
        Page<UUID> last = Page.of(ids.subList(0, 2), request, Function.identity());

        assertThat(full.items()).containsExactly(ids.get(0), ids.get(1));
        assertThat(PageRequest.of(2, full.nextPageToken()).after()).contains(ids.get(1));
        assertThat(last.nextPageToken()).isNull();
    }

    @Test
    void idsAreTimeOrdered() {
        UUID first = Ids.next();
        UUID second = Ids.next();
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.compareTo(second)).isNegative();
    }
}
