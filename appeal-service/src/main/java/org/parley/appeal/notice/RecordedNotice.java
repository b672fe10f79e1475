package org.parley.appeal.notice;

import org.parley.appeal.notice.domain.Notice;

/** A notice just recorded, with its access code: the only moment the code exists in the clear. */
public record RecordedNotice(Notice notice, String accessCode) {}
