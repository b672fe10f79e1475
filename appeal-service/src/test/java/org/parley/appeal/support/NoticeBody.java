package org.parley.appeal.support;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A statement of reasons to POST, valid unless a test changes it. */
public final class NoticeBody {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private NoticeBody(Instant decidedAt) {
        fields.put("contentRef", "https://video.example.com/v/123");
        fields.put("accountRef", "user-8841");
        fields.put("restriction", "REMOVED");
        fields.put("territorialScope", List.of("DE", "FR"));
        fields.put("ground", "ILLEGAL_CONTENT");
        fields.put("legalReference", "StGB §130");
        fields.put("termsReference", null);
        fields.put("category", FakeStakeholderService.TERRORIST_CONTENT);
        fields.put("facts", "The video calls on viewers to attack a named group of people.");
        fields.put("automatedDetection", true);
        fields.put("automatedDecision", false);
        fields.put("decidedAt", decidedAt.toString());
        fields.put("requestId", null);
        fields.put("language", "de");
    }

    /** Decided an hour before {@code now}. */
    public static NoticeBody notice(Instant now) {
        return new NoticeBody(now.minusSeconds(3600));
    }

    public NoticeBody with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    public NoticeBody without(String field) {
        fields.remove(field);
        return this;
    }

    public NoticeBody decidedAt(Instant at) {
        return with("decidedAt", at.toString());
    }

    public NoticeBody requestId(String id) {
        return with("requestId", id);
    }

    public NoticeBody category(String code) {
        return with("category", code);
    }

    public NoticeBody incitement() {
        return category(FakeStakeholderService.INCITEMENT);
    }

    public Map<String, Object> build() {
        return new LinkedHashMap<>(fields);
    }
}
