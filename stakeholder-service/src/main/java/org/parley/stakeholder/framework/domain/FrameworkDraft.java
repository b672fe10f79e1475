package org.parley.stakeholder.framework.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.parley.common.check.FieldCheck;

/** A framework an admin is about to publish, checked as a whole. */
public record FrameworkDraft(String name, String sourceUrl, String description, List<Clause> clauses) {

    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_CLAUSES = 200;
    public static final int MAX_CLAUSE_TEXT = 2000;
    private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.()-]{0,19}");

    public FrameworkDraft {
        clauses = clauses == null ? List.of() : new ArrayList<>(clauses);
    }

    public Framework publish(UUID id, Instant now) {
        FieldCheck check = FieldCheck.start();
        check.text("name", name, MAX_NAME);
        check.url("sourceUrl", sourceUrl);
        check.optionalText("description", description, MAX_DESCRIPTION);
        List<Clause> checked = new ArrayList<>();
        if (check.size("clauses", clauses, 1, MAX_CLAUSES)) {
            for (int i = 0; i < clauses.size(); i++) {
                Clause clause = clauses.get(i);
                String field = "clauses[" + i + "]";
                if (clause == null) {
                    check.add(field, "must not be null");
                    continue;
                }
                if (clause.number() == null || !NUMBER.matcher(clause.number().strip()).matches()) {
                    check.add(field + ".number", "must be 1 to 20 letters, digits, '.', '-' or '()', e.g. OSP-1");
                }
                check.text(field + ".text", clause.text(), MAX_CLAUSE_TEXT);
                checked.add(new Clause(FieldCheck.strip(clause.number()), FieldCheck.strip(clause.text())));
            }
            if (check.ok()) {
                check.distinct("clauses", checked.stream().map(Clause::number).toList());
            }
        }
        check.orThrow();
        String text = description == null || description.isBlank() ? null : description.strip();
        return new Framework(id, name.strip(), sourceUrl.strip(), text, now, checked);
    }
}
