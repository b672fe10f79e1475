package org.parley.appeal.notice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessCodeTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void aCodeIsTwentyEightUnambiguousCharactersInSevenGroups() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = AccessCode.random(random);
            assertThat(code).matches("[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){6}");
            assertThat(code).doesNotContain("0", "O", "1", "I", "L");
            codes.add(code);
        }
        assertThat(codes).hasSize(1000);
    }

    @Test
    void theHashIsASha256ThatMatchesTheCodeHoweverItIsTyped() {
        String code = AccessCode.random(random);

        String hash = AccessCode.hash(code, random);

        assertThat(hash).startsWith("sha256$").doesNotContain(code);
        assertThat(AccessCode.matches(code, hash)).isTrue();
        assertThat(AccessCode.matches(" " + code.toLowerCase().replace("-", " ") + " ", hash)).isTrue();
        assertThat(AccessCode.matches(code.replace("-", ""), hash)).isTrue();
        assertThat(AccessCode.matches(AccessCode.random(random), hash)).isFalse();
    }

    @Test
    void codesHashedWithPbkdf2BeforeStillVerify() {
        String code = "7K3P-QX2M-4HTD";

        String first = AccessCode.legacyHash(code, random);
        String second = AccessCode.legacyHash(code, random);

        assertThat(first).isNotEqualTo(second).startsWith("pbkdf2-sha256$20000$");
        assertThat(AccessCode.matches(code.toLowerCase(), first)).isTrue();
        assertThat(AccessCode.matches(code.replace("-", ""), second)).isTrue();
        assertThat(AccessCode.matches("7K3P-QX2M-4HTE", first)).isFalse();
    }

    @Test
    void hashingACodeTakesMicrosecondsNotMilliseconds() {
        String code = AccessCode.random(random);
        AccessCode.hash(code);
        long started = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            AccessCode.hash(code);
        }
        assertThat((System.nanoTime() - started) / 10_000).as("ns per hash").isLessThan(200_000);
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
