package org.parley.appeal.notice.domain;

/** Why: the content is illegal (a legal reference), or it breaks the company's terms (a terms clause). */
public enum Ground {
    ILLEGAL_CONTENT,
    INCOMPATIBLE_WITH_TERMS
}
