package org.parley.appeal.appeals.domain;

import org.parley.common.check.FieldCheck;

/** An appeal as the appellant submits it: the notice, their statement, and the language they wrote it in. */
public record AppealFiling(String noticeId, String statement, String language) {

    public static final int MAX_STATEMENT = 10_000;

    public void check() {
        FieldCheck check = FieldCheck.start();
        check.text("noticeId", noticeId, 64);
        check.text("statement", statement, MAX_STATEMENT);
        check.languageTag("language", language, true);
        check.orThrow();
    }
}
