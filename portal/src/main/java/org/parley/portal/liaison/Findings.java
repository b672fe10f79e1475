package org.parley.portal.liaison;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.parley.portal.api.Problem;
import org.parley.portal.web.Form;

/**
 * The safeguards check's findings as the form shows them: blockers first, then warnings; each
 * with the field it is about, so that the liaison can go straight to what to change. The words
 * come from the bundle by rule id ({@code liaison.finding.<RULE>.title} and {@code .fix}); the
 * API's own message is shown beside them, and alone for a rule the portal does not know yet.
 *
 * @param checked     whether the check ran (false: a fresh form, or the check could not run)
 * @param findings    the findings, blockers first
 * @param fieldErrors fields the API could not read yet, by field name (the check runs once they are fixed)
 * @param dueAt       when a request submitted now would be due, if the API said
 * @param refusal     the API's words when it refused the draft for another reason (neither fields nor findings)
 */
public record Findings(boolean checked, List<Shown> findings, Map<String, String> fieldErrors, java.time.Instant dueAt,
        String refusal) {

    static final Findings NONE = new Findings(false, List.of(), Map.of(), null, null);

    /** Where each rule's fix is made on the form. */
    private static final Map<String, String> FIELD_OF_RULE = Map.ofEntries(
            Map.entry("AUTHORITY_REGISTERED", ""),
            Map.entry("COMPANY_REGISTERED", "targetCompanyId"),
            Map.entry("JURISDICTION", "targetCompanyId"),
            Map.entry("LEGAL_BASIS", "legalBasis.instrument"),
            Map.entry("LEGITIMATE_AIM", "legitimateAim"),
            Map.entry("NECESSITY", "necessityStatement"),
            Map.entry("JUDICIAL_AUTHORISATION", "judicialAuthorisation.court"),
            Map.entry("BOUNDED_PERIOD", "period.from"),
            Map.entry("SUBJECTS_EXACT", "subjects[0].value"),
            Map.entry("OVERBREADTH", "subjects[0].value"),
            Map.entry("GAG_BOUNDED", "confidentiality.until"),
            Map.entry("REFERRAL_NOT_COMPULSORY", "answerBy"));

    private static final Pattern SUBJECT = Pattern.compile("subjects\\[(\\d+)]");

    /** One finding on the page. {@code field} is the form field to change, or null. */
    public record Shown(String rule, String severity, String message, String field) {
        public boolean blocker() {
            return "BLOCKER".equals(severity);
        }

        public boolean warning() {
            return "WARNING".equals(severity);
        }

        public String anchor() {
            return field == null ? null : "#" + Form.id(field);
        }

        /** The form row a subject finding is about, counted from 1 as people count. */
        public Integer subjectRow() {
            if (message == null || !"SUBJECTS_EXACT".equals(rule)) {
                return null;
            }
            Matcher m = SUBJECT.matcher(message);
            return m.find() ? Integer.parseInt(m.group(1)) + 1 : null;
        }
    }

    public Findings {
        findings = List.copyOf(findings);
        fieldErrors = Map.copyOf(fieldErrors);
    }

    static Findings of(List<Problem.Finding> found, Map<String, String> fieldErrors, java.time.Instant dueAt) {
        List<Shown> shown = new ArrayList<>();
        for (Problem.Finding f : found) {
            shown.add(new Shown(f.rule(), f.severity(), f.message(), fieldOf(f.rule(), f.message())));
        }
        shown.sort(Comparator.comparingInt(Findings::rank));
        return new Findings(true, shown, fieldErrors, dueAt, null);
    }

    static Findings ofAssessment(Requests.Assessment assessment, Draft draft) {
        List<Problem.Finding> found = assessment.findings().stream()
                .map(f -> new Problem.Finding(f.rule(), f.severity(), draft.rowsIn(f.message()), null))
                .toList();
        return of(found, Map.of(), assessment.dueAt());
    }

    static Findings ofRefusal(Problem onForm) {
        Findings findings = of(onForm.findings(), onForm.fieldErrors(), null);
        if (onForm.findings().isEmpty() && onForm.fieldErrors().isEmpty()) {
            String words = onForm.detail() != null ? onForm.detail() : onForm.title() != null ? onForm.title() : "";
            return new Findings(true, List.of(), Map.of(), null, words);
        }
        return findings;
    }

    public boolean anyBlocker() {
        return findings.stream().anyMatch(Shown::blocker);
    }

    public List<Shown> blockers() {
        return findings.stream().filter(Shown::blocker).toList();
    }

    public List<Shown> others() {
        return findings.stream().filter(f -> !f.blocker()).toList();
    }

    /** The check ran on a readable draft and nothing blocks it. */
    public boolean clear() {
        return checked && refusal == null && fieldErrors.isEmpty() && !anyBlocker();
    }

    /** The bundle key naming a field of the form: {@code subjects[2].value} → {@code liaison.field.subjects.value}. */
    public static String labelKey(String field) {
        return "liaison.field." + field.replaceAll("\\[\\d+]", "");
    }

    /** For a subject row's field, its row counted from 1; else null. */
    public static Integer rowNumber(String field) {
        Matcher m = SUBJECT.matcher(field);
        return m.find() ? Integer.parseInt(m.group(1)) + 1 : null;
    }

    private static int rank(Shown f) {
        return f.blocker() ? 0 : f.warning() ? 1 : 2;
    }

    private static String fieldOf(String rule, String message) {
        if ("SUBJECTS_EXACT".equals(rule) && message != null) {
            Matcher m = SUBJECT.matcher(message);
            if (m.find()) {
                return "subjects[" + m.group(1) + "].value";
            }
        }
        if ("NECESSITY".equals(rule) && message != null && message.contains("proportionality")) {
            return "proportionalityStatement";
        }
        if ("GAG_BOUNDED".equals(rule) && message != null && message.contains("justification")) {
            return "confidentiality.justification";
        }
        if ("LEGAL_BASIS".equals(rule) && message != null && message.startsWith("Name the provision")) {
            return "legalBasis.provision";
        }
        String field = FIELD_OF_RULE.get(rule);
        return field == null || field.isEmpty() ? null : field;
    }
}
