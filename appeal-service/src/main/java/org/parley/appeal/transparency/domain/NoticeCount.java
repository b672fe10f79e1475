package org.parley.appeal.transparency.domain;

import java.util.UUID;

/** Notices of one company in a period with one ground, category and kind of automation. */
public record NoticeCount(UUID company, String ground, String category, boolean automatedDetection,
        boolean automatedDecision, long count) {}
