package org.parley.stakeholder.standards.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.parley.common.check.FieldCheck;

/** A new version of the standards as an admin sent it, checked as a whole before publication. */
public record StandardsDraft(String summary, List<CategoryDraft> contentCategories, RulesDraft requestRules) {

    public static final int MAX_SUMMARY = 2000;
    public static final int MAX_CATEGORIES = 50;
    public static final int MAX_REFERENCES = 20;
    public static final int MAX_ENTRY = 500;
    public static final int MAX_DEFINITION = 5000;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{2,49}");

    /** A content category as sent; {@code incitement} must be given, true or false. */
    public record CategoryDraft(String code, String name, String definition, List<String> legalReferences,
            List<String> notCovered, Boolean incitement) {}

    /** Request rules as sent. */
    public record RulesDraft(Integer minStatementLength, Integer overbreadthSubjectThreshold,
            List<DataCategory> judicialAuthorisationRequiredFor, Integer maxInformationPeriodDays, Integer maxGagDays,
            Integer transparencyK, List<AnswerTimeDraft> answerTimes, List<LegitimateAim> legitimateAims) {}

    public record AnswerTimeDraft(RequestType type, Long minutes, Boolean advisory) {}

    /** The version ready to store; a RuleViolation naming every broken field. */
    public Standards publish(int version, UUID id, Instant now) {
        FieldCheck check = FieldCheck.start();
        check.text("summary", summary, MAX_SUMMARY);
        List<ContentCategory> categories = categories(check);
        RequestRules rules = rules(check);
        check.orThrow();
        return new Standards(version, id, now, summary.strip(), true, categories, rules);
    }

    private List<ContentCategory> categories(FieldCheck check) {
        List<ContentCategory> categories = new ArrayList<>();
        if (!check.size("contentCategories", contentCategories, 1, MAX_CATEGORIES)) {
            return categories;
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < contentCategories.size(); i++) {
            String field = "contentCategories[" + i + "]";
            CategoryDraft c = contentCategories.get(i);
            if (c == null) {
                check.add(field, "must not be null");
                continue;
            }
            if (c.code() == null || !CODE.matcher(c.code()).matches()) {
                check.add(field + ".code", "must be 3 to 50 of A-Z, 0-9 and '_', starting with a letter");
            } else if (!codes.add(c.code())) {
                check.add(field + ".code", "is a duplicate");
            }
            check.text(field + ".name", c.name(), 200);
            check.text(field + ".definition", c.definition(), MAX_DEFINITION);
            List<String> references = entries(check, field + ".legalReferences", c.legalReferences());
            List<String> notCovered = entries(check, field + ".notCovered", c.notCovered());
            check.required(field + ".incitement", c.incitement());
            if (check.ok()) {
                categories.add(new ContentCategory(c.code(), c.name().strip(), c.definition().strip(), references, notCovered,
                        c.incitement()));
            }
        }
        return categories;
    }

    private static List<String> entries(FieldCheck check, String field, List<String> values) {
        List<String> entries = new ArrayList<>();
        if (!check.size(field, values, 1, MAX_REFERENCES)) {
            return entries;
        }
        for (int i = 0; i < values.size(); i++) {
            if (check.text(field + "[" + i + "]", values.get(i), MAX_ENTRY)) {
                entries.add(values.get(i).strip());
            }
        }
        return entries;
    }

    private RequestRules rules(FieldCheck check) {
        if (!check.required("requestRules", requestRules)) {
            return null;
        }
        RulesDraft r = requestRules;
        String f = "requestRules.";
        check.range(f + "minStatementLength", r.minStatementLength(), 1, 10_000);
        check.range(f + "overbreadthSubjectThreshold", r.overbreadthSubjectThreshold(), 1, 100_000);
        check.range(f + "maxInformationPeriodDays", r.maxInformationPeriodDays(), 1, 3660);
        check.range(f + "maxGagDays", r.maxGagDays(), 1, 3660);
        // k = 1 would publish every count exactly, however small: too easy to single people out
        check.range(f + "transparencyK", r.transparencyK(), 2, 100);
        Set<DataCategory> judicial = EnumSet.noneOf(DataCategory.class);
        List<DataCategory> named = r.judicialAuthorisationRequiredFor() == null ? List.of() : r.judicialAuthorisationRequiredFor();
        for (int i = 0; i < named.size(); i++) {
            if (named.get(i) == null || !judicial.add(named.get(i))) {
                check.add(f + "judicialAuthorisationRequiredFor[" + i + "]", "must be a data category, each once");
            }
        }
        List<LegitimateAim> aims = r.legitimateAims() == null ? List.of() : r.legitimateAims();
        if (check.size(f + "legitimateAims", aims, 1, LegitimateAim.values().length)) {
            Set<LegitimateAim> seen = EnumSet.noneOf(LegitimateAim.class);
            for (int i = 0; i < aims.size(); i++) {
                if (aims.get(i) == null || !seen.add(aims.get(i))) {
                    check.add(f + "legitimateAims[" + i + "]", "must be an ICCPR 19(3) aim, each once");
                }
            }
        }
        List<AnswerTime> times = answerTimes(check, f + "answerTimes", r.answerTimes());
        if (!check.ok()) {
            return null;
        }
        return new RequestRules(r.minStatementLength(), r.overbreadthSubjectThreshold(), judicial,
                r.maxInformationPeriodDays(), r.maxGagDays(), r.transparencyK(), times, aims);
    }

    /** One answer time for every request type; a referral's is always advisory (it compels nothing). */
    private static List<AnswerTime> answerTimes(FieldCheck check, String field, List<AnswerTimeDraft> drafts) {
        List<AnswerTime> times = new ArrayList<>();
        List<AnswerTimeDraft> given = drafts == null ? List.of() : drafts;
        Set<RequestType> seen = EnumSet.noneOf(RequestType.class);
        for (int i = 0; i < given.size(); i++) {
            String entry = field + "[" + i + "]";
            AnswerTimeDraft t = given.get(i);
            if (t == null || t.type() == null) {
                check.add(entry + ".type", "is required");
                continue;
            }
            if (!seen.add(t.type())) {
                check.add(entry + ".type", "is a duplicate");
            }
            boolean minutesOk = check.range(entry + ".minutes", t.minutes(), 1, 525_600);
            boolean advisoryOk = check.required(entry + ".advisory", t.advisory());
            if (advisoryOk && t.type() == RequestType.REFERRAL && !t.advisory()) {
                check.add(entry + ".advisory", "must be true: a referral carries no compulsory deadline");
            }
            if (minutesOk && advisoryOk) {
                times.add(new AnswerTime(t.type(), t.minutes(), t.advisory()));
            }
        }
        Set<RequestType> missing = EnumSet.allOf(RequestType.class);
        missing.removeAll(seen);
        if (!missing.isEmpty()) {
            check.add(field, "must name every request type; missing " + missing);
        }
        return times;
    }
}
