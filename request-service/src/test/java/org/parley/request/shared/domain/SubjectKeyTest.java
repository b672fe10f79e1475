package org.parley.request.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubjectKeyTest {

    static String url(String value) {
        return SubjectKey.of(new Subject(SubjectKind.URL, value));
    }

    @Test
    void spellingsOfOneUrlMeetOnOneKey() {
        String key = url("https://video.example.com/v/123");

        assertThat(url("HTTPS://Video.Example.com/v/123")).isEqualTo(key);
        assertThat(url("https://video.example.com:443/v/123/")).isEqualTo(key);
        assertThat(url("https://video.example.com/v/123#t=10")).isEqualTo(key);
        assertThat(url(" https://video.example.com/v/123 ")).isEqualTo(key);
    }

    @Test
    void differentContentHasDifferentKeys() {
        assertThat(url("https://video.example.com/v/123")).isNotEqualTo(url("https://video.example.com/v/124"));
        assertThat(url("https://video.example.com/V/123")).as("paths are case-sensitive")
                .isNotEqualTo(url("https://video.example.com/v/123"));
        assertThat(url("https://video.example.com/watch?v=1")).isNotEqualTo(url("https://video.example.com/watch?v=2"));
    }

    @Test
    void accountsCompareWithoutCaseAndNeverMeetUrls() {
        assertThat(SubjectKey.of(new Subject(SubjectKind.ACCOUNT, "User_8841")))
                .isEqualTo(SubjectKey.of(new Subject(SubjectKind.ACCOUNT, "user_8841")));
        assertThat(SubjectKey.of(new Subject(SubjectKind.ACCOUNT, "https://a.example/x"))).isNotEqualTo(url("https://a.example/x"));
    }
}
