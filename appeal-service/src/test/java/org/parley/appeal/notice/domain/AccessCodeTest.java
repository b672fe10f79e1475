package org.parley.appeal.notice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessCodeTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void aCodeIsTwelveUnambiguousCharactersInThreeGroups() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = AccessCode.random(random);
            assertThat(code).matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
            assertThat(code).doesNotContain("0", "O", "1", "I", "L");
            codes.add(code);
        }
        assertThat(codes).hasSize(1000);
    }

    @Test
    void theHashIsSaltedAndMatchesTheCodeHoweverItIsTyped() {
        String code = AccessCode.random(random);

        String first = AccessCode.hash(code, random);
        String second = AccessCode.hash(code, random);

        assertThat(first).isNotEqualTo(second).startsWith("pbkdf2-sha256$20000$").doesNotContain(code);
        assertThat(AccessCode.matches(code, first)).isTrue();
        assertThat(AccessCode.matches(" " + code.toLowerCase().replace("-", " ") + " ", first)).isTrue();
        assertThat(AccessCode.matches(code.replace("-", ""), second)).isTrue();
    }

    @Test
    void anyOtherCodeDoesNotMatch() {
        String code = "7K3P-QX2M-4HTD";
        String hash = AccessCode.hash(code, random);

        assertThat(AccessCode.matches("7K3P-QX2M-4HTE", hash)).isFalse();
        assertThat(AccessCode.matches("", hash)).isFalse();
        assertThat(AccessCode.matches("7K3P-QX2M", hash)).isFalse();
    }

    @Test
    void referencesAreReadAsPeopleTypeThem() {
        NoticeReference reference = NoticeReference.random(random);

        assertThat(reference.value()).matches("N-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
        assertThat(NoticeReference.parse(reference.value().toLowerCase().replace("-", " "))).contains(reference);
        assertThat(NoticeReference.parse("N-7K3P-QX2M")).map(NoticeReference::value).contains("N-7K3P-QX2M");
        assertThat(NoticeReference.parse("N-7K3P-QX20")).as("0 is not in the alphabet").isEmpty();
        assertThat(NoticeReference.parse("X-7K3P-QX2M")).isEmpty();
        assertThat(NoticeReference.parse("N-7K3P")).isEmpty();
        assertThat(NoticeReference.parse(null)).isEmpty();
    }
}
