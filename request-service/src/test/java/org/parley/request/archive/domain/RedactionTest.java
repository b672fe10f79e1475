package org.parley.request.archive.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.request.archive.domain.RedactionKind.ACCOUNT_ID;
import static org.parley.request.archive.domain.RedactionKind.ERASED;
import static org.parley.request.archive.domain.RedactionKind.UNREADABLE;
import static org.parley.request.archive.domain.RedactionKind.URL_FRAGMENT;
import static org.parley.request.archive.domain.RedactionKind.URL_HOST;
import static org.parley.request.archive.domain.RedactionKind.URL_IP_ADDRESS;
import static org.parley.request.archive.domain.RedactionKind.URL_PATH;
import static org.parley.request.archive.domain.RedactionKind.URL_PORT;
import static org.parley.request.archive.domain.RedactionKind.URL_QUERY;
import static org.parley.request.archive.domain.RedactionKind.URL_USER_INFO;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.request.shared.domain.Subject;
import org.parley.request.shared.domain.SubjectKind;

class RedactionTest {

    private static RedactedSubject url(String value) {
        return Redaction.subject(new Subject(SubjectKind.URL, value));
    }

    private static RedactedSubject account(String value) {
        return Redaction.subject(new Subject(SubjectKind.ACCOUNT, value));
    }

    // ---- URLs: what is kept ------------------------------------------------------------------------

    @Test
    void aUrlKeepsSchemeAndHostAndLosesItsPathQueryAndFragment() {
        RedactedSubject r = url("https://video.example.com/v/123?t=42#comments");
        assertThat(r.shown()).isEqualTo("https://video.example.com/[redacted]?[redacted]#[redacted]");
        assertThat(r.domain()).isEqualTo("example.com");
        assertThat(r.redactions()).containsExactly(URL_PATH, URL_QUERY, URL_FRAGMENT);
        assertThat(r.kind()).isEqualTo(SubjectKind.URL);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "https://example.com/alice, https://example.com/[redacted]",
            "https://example.com/, https://example.com/",
            "https://example.com, https://example.com",
            "HTTPS://Example.COM/Alice, https://example.com/[redacted]",
            "https://example.com/?, https://example.com/",
            "https://example.com/#, https://example.com/",
            "https://example.com?q=alice, https://example.com?[redacted]",
            "http://example.com./a, http://example.com/[redacted]"})
    void onlyAPathWithoutASegmentIsKept(String value, String shown) {
        assertThat(url(value).shown()).isEqualTo(shown);
    }

    @Test
    void aPathWithoutASegmentIsNotCountedAsRedacted() {
        assertThat(url("https://example.com/").redactions()).isEmpty();
        assertThat(url("https://example.com").redactions()).isEmpty();
    }

    // ---- URLs: user info and ports ----------------------------------------------------------------

    @Test
    void userInfoIsDroppedAndSaid() {
        RedactedSubject r = url("https://alice:secret@files.example.com/x");
        assertThat(r.shown()).isEqualTo("https://files.example.com/[redacted]").doesNotContain("alice", "secret");
        assertThat(r.redactions()).containsExactly(URL_USER_INFO, URL_PATH);
    }

    @Test
    void aNonDefaultPortIsDroppedAndSaid() {
        RedactedSubject r = url("http://www.example.com:8080/x");
        assertThat(r.shown()).isEqualTo("http://www.example.com/[redacted]");
        assertThat(r.redactions()).containsExactly(URL_PORT, URL_PATH);
    }

    @ParameterizedTest
    @CsvSource({"http://example.com:80/x", "https://example.com:443/x", "https://example.com:0443/x"})
    void aDefaultPortIsDroppedWithoutBeingCounted(String value) {
        RedactedSubject r = url(value);
        assertThat(r.shown()).doesNotContain(":80", ":443", ":0443");
        assertThat(r.redactions()).containsExactly(URL_PATH);
    }

    // ---- URLs: hosts ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} is kept")
    @CsvSource({
            "example.com, example.com",
            "www.example.com, example.com",
            "m.example.com, example.com",
            "video.example.com, example.com",
            "www.m.example.com, example.com",
            "www.bbc.co.uk, bbc.co.uk",
            "bbc.co.uk, bbc.co.uk",
            "de.example.org, example.org",
            "github.io, github.io",
            "localhost, localhost"})
    void genericSubdomainsAreKept(String host, String domain) {
        RedactedSubject r = url("https://" + host + "/x");
        assertThat(r.shown()).isEqualTo("https://" + host + "/[redacted]");
        assertThat(r.domain()).isEqualTo(domain);
        assertThat(r.redactions()).doesNotContain(URL_HOST);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "alice.blog.example, [redacted].blog.example, blog.example",
            "alice.example.com, [redacted].example.com, example.com",
            "www.alice.example.com, [redacted].example.com, example.com",
            "alice.www.example.com, [redacted].example.com, example.com",
            "alice.smith.example.co.uk, [redacted].example.co.uk, example.co.uk",
            "alice.github.io, [redacted].github.io, github.io",
            "www.alice.blogspot.com, [redacted].blogspot.com, blogspot.com",
            "alice.substack.com, [redacted].substack.com, substack.com"})
    void aHostThatMayNameAPersonKeepsOnlyItsDomain(String host, String shown, String domain) {
        RedactedSubject r = url("https://" + host + "/post/1");
        assertThat(r.shown()).isEqualTo("https://" + shown + "/[redacted]");
        assertThat(r.domain()).isEqualTo(domain);
        assertThat(r.redactions()).containsExactly(URL_HOST, URL_PATH);
    }

    @Test
    void anUnknownMultiLabelSuffixRedactsMoreNotLess() {
        // "co.xx" is not among the known suffixes: "example" is then taken for a personal label
        RedactedSubject r = url("https://www.example.co.xx/a");
        assertThat(r.shown()).isEqualTo("https://[redacted].co.xx/[redacted]");
        assertThat(r.redactions()).contains(URL_HOST);
    }

    @ParameterizedTest
    @CsvSource({"http://192.0.2.10/x", "http://192.0.2.10:8080/x", "http://[2001:db8::1]/x", "http://[2001:db8::1]:8443/x"})
    void anIpAddressIsReplacedWhole(String value) {
        RedactedSubject r = url(value);
        assertThat(r.shown()).isEqualTo("http://[redacted]/[redacted]");
        assertThat(r.domain()).isNull();
        assertThat(r.redactions()).contains(URL_IP_ADDRESS, URL_PATH);
    }

    @ParameterizedTest
    @CsvSource({"https://al%69ce.example.com/x", "https://ålice.example.com/x", "https://a..b.example.com/x"})
    void aHostThatIsNotPlainLabelsIsReplacedWhole(String value) {
        RedactedSubject r = url(value);
        assertThat(r.shown()).isEqualTo("https://[redacted]/[redacted]");
        assertThat(r.redactions()).contains(URL_HOST);
    }

    @Test
    void anUnderscoreInAHostDoesNotLetItThroughWhole() {
        RedactedSubject r = url("https://alice_smith.example.com/x");
        assertThat(r.shown()).isEqualTo("https://[redacted].example.com/[redacted]");
    }

    @ParameterizedTest
    @CsvSource({"not a url", "example.com/alice", "mailto:alice@example.com", "https:///alice", "https://example.com:abc/x",
            "https://[2001:db8::1/x", "://example.com/x"})
    void anUnreadableUrlShowsNothing(String value) {
        RedactedSubject r = url(value);
        assertThat(r.shown()).isNull();
        assertThat(r.domain()).isNull();
        assertThat(r.redactions()).containsExactly(UNREADABLE);
    }

    // ---- accounts ---------------------------------------------------------------------------------

    @Test
    void aBareAccountIdIsReplaced() {
        RedactedSubject r = account("user-8841");
        assertThat(r.shown()).isEqualTo("[redacted]");
        assertThat(r.domain()).isNull();
        assertThat(r.redactions()).containsExactly(ACCOUNT_ID);
        assertThat(r.kind()).isEqualTo(SubjectKind.ACCOUNT);
    }

    @Test
    void anAccountKeepsTheDomainItLivesOn() {
        assertThat(account("alice@example.com").shown()).isEqualTo("[redacted]@example.com");
        assertThat(account("alice@example.com").domain()).isEqualTo("example.com");
        assertThat(account("@alice@social.example").shown()).isEqualTo("@[redacted]@social.example");
        assertThat(account("@alice@social.example").redactions()).containsExactly(ACCOUNT_ID);
    }

    @Test
    void anAccountOnAPersonalHostLosesTheHostToo() {
        RedactedSubject r = account("@me@alice.example.com");
        assertThat(r.shown()).isEqualTo("@[redacted]@[redacted].example.com");
        assertThat(r.redactions()).containsExactly(ACCOUNT_ID, URL_HOST);
    }

    @Test
    void anAccountKeepsAKnownPlatform() {
        RedactedSubject r = account("Telegram:alice_channel");
        assertThat(r.shown()).isEqualTo("telegram:[redacted]");
        assertThat(r.domain()).isEqualTo("telegram");
        assertThat(r.redactions()).containsExactly(ACCOUNT_ID);
    }

    @Test
    void anAccountKeepsADomainBeforeAColon() {
        RedactedSubject r = account("chat.example.org:alice");
        assertThat(r.shown()).isEqualTo("chat.example.org:[redacted]");
        assertThat(r.domain()).isEqualTo("example.org");
    }

    @Test
    void anUnknownWordBeforeAColonMayBeANameAndGoesWithTheId() {
        RedactedSubject r = account("alicesmith:1234");
        assertThat(r.shown()).isEqualTo("[redacted]");
        assertThat(r.domain()).isNull();
    }

    @Test
    void anAccountGivenByItsProfileUrlKeepsTheSite() {
        RedactedSubject r = account("https://social.example.com/@alice");
        assertThat(r.kind()).isEqualTo(SubjectKind.ACCOUNT);
        assertThat(r.shown()).isEqualTo("https://[redacted].example.com/[redacted]");
        assertThat(r.redactions()).containsExactly(ACCOUNT_ID, URL_HOST, URL_PATH);
        RedactedSubject www = account("https://www.example.com/alice");
        assertThat(www.shown()).isEqualTo("https://www.example.com/[redacted]");
        assertThat(www.redactions()).containsExactly(ACCOUNT_ID, URL_PATH);
    }

    @ParameterizedTest
    @CsvSource({"alice@", "@alice", "alice@localhost", "alice:", ":alice"})
    void anAccountWithoutAReadableDomainIsReplacedWhole(String value) {
        RedactedSubject r = account(value);
        assertThat(r.shown()).isEqualTo("[redacted]");
        assertThat(r.redactions()).containsExactly(ACCOUNT_ID);
    }

    // ---- erased subjects and the record -----------------------------------------------------------

    @Test
    void anErasedSubjectLeavesNothing() {
        RedactedSubject r = Redaction.subject(new Subject(SubjectKind.URL, null));
        assertThat(r.shown()).isNull();
        assertThat(r.redactions()).containsExactly(ERASED);
        assertThat(Redaction.subject(new Subject(SubjectKind.ACCOUNT, "")).redactions()).containsExactly(ERASED);
    }

    @Test
    void theRecordCountsEachKindOnceForEverySubjectItWasTakenFrom() {
        RedactedSubjects all = Redaction.of(List.of(
                new Subject(SubjectKind.URL, "https://video.example.com/v/1?t=1"),
                new Subject(SubjectKind.URL, "https://alice.blog.example/p/2"),
                new Subject(SubjectKind.ACCOUNT, "user-1"),
                new Subject(SubjectKind.ACCOUNT, "bob@example.com")));
        assertThat(all.redactions()).containsExactly(
                Map.entry(ACCOUNT_ID, 2), Map.entry(URL_HOST, 1), Map.entry(URL_PATH, 2), Map.entry(URL_QUERY, 1));
        assertThat(all.domains()).containsExactly("example.com", "blog.example");
        assertThat(all.subjects()).hasSize(4);
    }

    @Test
    void nothingOfTheRawSubjectsSurvivesInWhatIsShown() {
        List<String> raw = List.of("https://alice:pw@alice.example.com:8443/users/alice?id=alice#alice",
                "@alice@alice.social.example", "alice@example.com", "telegram:alice", "https://192.0.2.7/alice");
        RedactedSubjects all = Redaction.of(raw.stream()
                .map(v -> new Subject(v.startsWith("https") ? SubjectKind.URL : SubjectKind.ACCOUNT, v)).toList());
        assertThat(all.subjects()).allSatisfy(s -> assertThat(s.shown()).doesNotContainIgnoringCase("alice"));
    }
}
