package org.parley.appeal.transparency;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.parley.appeal.AppealSettings;
import org.parley.appeal.stakeholders.domain.ActiveStandards;
import org.parley.appeal.stakeholders.domain.StandardsCatalogue;
import org.parley.appeal.transparency.domain.AppealCounts;
import org.parley.appeal.transparency.domain.Figures;
import org.parley.appeal.transparency.domain.NoticeCount;
import org.parley.appeal.transparency.domain.PublishedFigures;
import org.parley.appeal.transparency.domain.ReportPeriod;
import org.parley.appeal.transparency.domain.RequestOutcome;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Ids;
import org.parley.common.kernel.Role;
import org.parley.common.kernel.RuleViolation;
import org.parley.common.kernel.Unavailable;
import org.parley.common.transparency.CalendarPeriod;
import org.parley.common.transparency.SmallCounts;
import org.parley.common.transparency.SmallCounts.Publication;
import org.parley.common.transparency.web.PeriodParameter;
import org.springframework.stereotype.Service;

/**
 * The public figures on notices and appeals, for a whole calendar period that is over and any company, and the
 * measured indicators stakeholder-service shows beside each company's commitments.
 */
@Service
public class TransparencyService {

    private final Figures figures;
    private final StandardsCatalogue standards;
    private final AppealSettings settings;
    private final Clock clock;
    private final Map<Integer, Decided> decided = new java.util.concurrent.ConcurrentHashMap<>();

    public TransparencyService(Figures figures, StandardsCatalogue standards, AppealSettings settings, Clock clock) {
        this.figures = figures;
        this.standards = standards;
        this.settings = settings;
        this.clock = clock;
    }

    /** Where k came from: the active standards, or the default when they could not be had. */
    public record Threshold(int k, Integer standardsVersion, boolean fallback, String note) {}

    /** One company's appeals in the period, with its name. */
    public record CompanyAppeals(UUID company, String companyName, AppealCounts counts) {}

    public record NoticeRow(NoticeCount count, String companyName) {}

    /**
     * @param period      the whole calendar period reported
     * @param exact       counts given exactly (administrators only, for audits); otherwise small counts are "&lt;k"
     * @param publication how each count is shown: decided with every other period of the year
     */
    public record Report(CalendarPeriod period, Threshold threshold, boolean exact, UUID company,
            List<NoticeRow> notices, List<CompanyAppeals> appeals, AppealCounts total, Publication publication) {}

    public Report report(Caller caller, String period, String from, String to, String company, boolean exact) {
        if (exact) {
            caller.require(Role.ADMIN);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        CalendarPeriod chosen = PeriodParameter.read(period, from, to, false, today, exact);
        UUID companyId = null;
        if (company != null && !company.isBlank()) {
            companyId = Ids.parse(company.strip()).orElseThrow(() -> RuleViolation.ofField("company", "must be a company id"));
        }
        Threshold threshold = threshold();
        ReportPeriod days = new ReportPeriod(chosen.first(), chosen.end());
        List<NoticeCount> notices = figures.notices(days, companyId);
        Figures.AppealFigures appealFigures = figures.appeals(days, days, companyId);
        Map<UUID, AppealCounts> appeals = appealFigures.byCompany();
        Set<UUID> companies = new LinkedHashSet<>(appeals.keySet());
        notices.forEach(n -> companies.add(n.company()));
        Map<UUID, String> names = figures.companyNames(companies);
        List<CompanyAppeals> perCompany = new ArrayList<>();
        for (Map.Entry<UUID, AppealCounts> entry : appeals.entrySet()) {
            perCompany.add(new CompanyAppeals(entry.getKey(), names.get(entry.getKey()), entry.getValue()));
        }
        perCompany.sort(Comparator.comparing((CompanyAppeals c) -> String.valueOf(c.companyName()))
                .thenComparing(CompanyAppeals::company));
        List<NoticeRow> noticeRows = notices.stream().map(n -> new NoticeRow(n, names.get(n.company())))
                .sorted(Comparator.comparing((NoticeRow r) -> String.valueOf(r.companyName()))
                        .thenComparing(r -> r.count().company()))
                .toList();
        return new Report(chosen, threshold, exact, companyId, noticeRows, perCompany, appealFigures.total(),
                exact ? exactly(chosen, threshold.k()) : publication(chosen.year(), SmallCounts.published(threshold.k()), today)
                        .publication());
    }

    /** An audit's figures: every count of the period exactly, even while it runs. */
    private Publication exactly(CalendarPeriod period, int k) {
        Map<CalendarPeriod, List<NoticeCount>> notices = new HashMap<>();
        Map<CalendarPeriod, Map<UUID, AppealCounts>> months = new HashMap<>();
        for (CalendarPeriod month : period.months()) {
            ReportPeriod days = new ReportPeriod(month.first(), month.end());
            notices.put(month, figures.notices(days, null));
            months.put(month, figures.appeals(days, days, null).byCompany());
        }
        return PublishedFigures.decide(new SmallCounts(k, true), List.of(period), notices, months).publication();
    }

    /** Every count of the year's periods that are over, decided together (kept until the counts change). */
    private PublishedFigures publication(int year, SmallCounts counts, LocalDate today) {
        List<CalendarPeriod> published = CalendarPeriod.allOf(year).stream().filter(p -> p.hasEnded(today)).toList();
        Map<CalendarPeriod, List<NoticeCount>> notices = new HashMap<>();
        Map<CalendarPeriod, Map<UUID, AppealCounts>> months = new HashMap<>();
        for (CalendarPeriod month : CalendarPeriod.year(year).months()) {
            if (month.hasEnded(today)) {
                ReportPeriod days = new ReportPeriod(month.first(), month.end());
                notices.put(month, figures.notices(days, null));
                months.put(month, figures.appeals(days, days, null).byCompany());
            }
        }
        List<Object> key = List.of(year, counts, published, notices, fingerprint(months));
        Decided decided = this.decided.get(year);
        if (decided == null || !decided.key().equals(key)) {
            decided = new Decided(key, PublishedFigures.decide(counts, published, notices, months));
            this.decided.put(year, decided);
        }
        return decided.figures();
    }

    private record Decided(List<Object> key, PublishedFigures figures) {}

    /** The counts the decision rests on (decision times only move medians). */
    private static Map<CalendarPeriod, Map<UUID, List<Long>>> fingerprint(Map<CalendarPeriod, Map<UUID, AppealCounts>> months) {
        Map<CalendarPeriod, Map<UUID, List<Long>>> counts = new HashMap<>();
        months.forEach((month, byCompany) -> byCompany.forEach((company, a) -> {
            List<Long> values = new ArrayList<>();
            for (PublishedFigures.Count count : PublishedFigures.Count.values()) {
                values.add(PublishedFigures.valueOf(a, count));
            }
            counts.computeIfAbsent(month, m -> new HashMap<>()).put(company, values);
        }));
        return counts;
    }

    /** One company's appeal counts for a period of whole days, exact (for the measured indicators). */
    public AppealCounts companyCounts(UUID company, ReportPeriod period) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return figures.appeals(period, period.endingBefore(today), company).byCompany()
                .getOrDefault(company, AppealCounts.none());
    }

    /** For request-service's authority record: what became of the removals these requests caused. */
    public List<RequestOutcome> requestOutcomes(Collection<UUID> requestIds) {
        return figures.requestOutcomes(requestIds);
    }

    private Threshold threshold() {
        try {
            ActiveStandards active = standards.active();
            if (active.transparencyK() > 0) {
                return new Threshold(active.transparencyK(), active.version(), false, null);
            }
            return new Threshold(settings.defaultTransparencyK(), active.version(), true,
                    "The active standards set no threshold; the default k=" + settings.defaultTransparencyK() + " applies.");
        } catch (Unavailable e) {
            return new Threshold(settings.defaultTransparencyK(), null, true,
                    "The standards catalogue could not be reached; the default k=" + settings.defaultTransparencyK()
                            + " applies.");
        }
    }
}
