package org.parley.common.transparency.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.parley.common.kernel.RuleViolation.FieldError;
import org.parley.common.transparency.CalendarPeriod;
import org.parley.common.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Reads the period of a public report, the same way in every service: {@code ?period=2026-Q3}, or {@code from}
 * and {@code to} when they are exactly a whole calendar period (older links), or by default the latest month that
 * is over. Anything else answers 400 with a field error that says which periods there are.
 */
public final class PeriodParameter {

    private PeriodParameter() {}

    /**
     * @param toIncluded whether {@code to} is the period's last day (request figures) or the day after (appeal figures)
     */
    public static CalendarPeriod read(String period, String from, String to, boolean toIncluded, LocalDate today) {
        return read(period, from, to, toIncluded, today, false);
    }

    /**
     * @param running whether a period still running may be named: only for exact figures (audits), which are
     *                nobody's to difference but an administrator's
     */
    public static CalendarPeriod read(String period, String from, String to, boolean toIncluded, LocalDate today,
            boolean running) {
        CalendarPeriod chosen;
        if (period != null && !period.isBlank()) {
            chosen = CalendarPeriod.parse(period).orElseThrow(() -> invalid("period", "must be " + CalendarPeriod.FORMATS));
        } else if (blank(from) && blank(to)) {
            chosen = CalendarPeriod.latestEnded(CalendarPeriod.Unit.MONTH, today);
        } else {
            Optional<LocalDate> first = day(from);
            Optional<LocalDate> last = day(to);
            String days = toIncluded ? "from its first day to its last" : "from its first day to the day after its last";
            if (first.isEmpty() || last.isEmpty()) {
                throw invalid(first.isEmpty() ? "from" : "to", "from and to must be two dates that are exactly " + days
                        + " of " + CalendarPeriod.FORMATS + "; better, name it with period=");
            }
            LocalDate end = toIncluded ? last.get().plusDays(1) : last.get();
            chosen = CalendarPeriod.ofDays(first.get(), end).orElseThrow(() -> invalid("to", "from and to must be exactly "
                    + days + " of " + CalendarPeriod.FORMATS + "; any other days would let one day's figures be read"
                    + " as the difference of two periods; better, name it with period="));
        }
        if (!running && !chosen.hasEnded(today)) {
            throw invalid("period", "the figures of " + chosen + " are published once it is over, from " + chosen.end()
                    + "; it must be " + CalendarPeriod.FORMATS);
        }
        return chosen;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Optional<LocalDate> day(String text) {
        if (blank(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static ErrorResponseException invalid(String field, String message) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "The period is not a whole calendar period that is over");
        problem.setProperty("errors", List.of(new FieldError(field, message)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
