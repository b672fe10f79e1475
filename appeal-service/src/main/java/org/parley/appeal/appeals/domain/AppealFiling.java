package org.parley.appeal.appeals.domain;

import org.parley.appeal.shared.domain.Checks;

/** An appeal as the appellant submits it: the notice, their statement, and the language they wrote it in. */
public record AppealFiling(String noticeId, String statement, String language) {

    public static final int MAX_STATEMENT = 10_000;

    public void check() {
        Checks.start()
                .text("noticeId", noticeId, 1, 64)
                .text("statement", statement, 1, MAX_STATEMENT)
                .language("language", language, true)
                .orThrow();
    }
}
