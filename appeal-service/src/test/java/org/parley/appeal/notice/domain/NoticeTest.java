package org.parley.appeal.notice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.appeal.notice.domain.Notices.NOW;
import static org.parley.appeal.notice.domain.Notices.draft;

import org.junit.jupiter.api.Test;
import org.parley.common.kernel.Conflict;

class NoticeTest {

    @Test
    void aNoticeIsClaimedOnceAndClaimingAgainChangesNothing() {
        Notice notice = draft().notice();

        Notice claimed = notice.claimedBy("owner", NOW);

        assertThat(notice.isClaimed()).isFalse();
        assertThat(claimed.isOwnedBy("owner")).isTrue();
        assertThat(claimed.claimedAt()).isEqualTo(NOW);
        assertThat(claimed.claimedBy("owner", NOW.plusSeconds(5))).isSameAs(claimed);
        assertThatThrownBy(() -> claimed.claimedBy("someone else", NOW))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.reason()).isEqualTo("NOTICE_ALREADY_CLAIMED"));
    }

    @Test
    void onlyAnUnclaimedNoticeGetsANewAccessCode() {
        Notice notice = draft().notice();

        assertThat(notice.withAccessCode("new-hash").accessCodeHash()).isEqualTo("new-hash");
        assertThatThrownBy(() -> notice.claimedBy("owner", NOW).withAccessCode("new-hash")).isInstanceOf(Conflict.class);
    }
}
