package org.parley.appeal.appeals;

import java.util.Set;
import org.parley.appeal.appeals.domain.Appeal;
import org.parley.appeal.appeals.domain.AppealAction;
import org.parley.appeal.shared.domain.NoticeAccess;

/**
 * An appeal as one caller reads it: in which capacity, and which moves are open to them right now (so a
 * client can offer exactly those).
 */
public record AppealReading(Appeal appeal, NoticeAccess access, boolean overdue, Set<AppealAction> actions) {}
