package org.parley.stakeholder.standards.domain;

import java.util.ArrayList;
import java.util.List;
import org.parley.stakeholder.standards.domain.StandardsDraft.AnswerTimeDraft;
import org.parley.stakeholder.standards.domain.StandardsDraft.CategoryDraft;
import org.parley.stakeholder.standards.domain.StandardsDraft.RulesDraft;

/** A valid draft of the standards (version 1's values); tests change one thing at a time. */
public final class StandardsDraftBuilder {

    private String summary = "Tighter gag orders";
    private final List<CategoryDraft> categories = new ArrayList<>(List.of(
            new CategoryDraft("TERRORIST_CONTENT", "Terrorist content", "Material that incites terrorist offences.",
                    List.of("Regulation (EU) 2021/784, Art. 2(7)"), List.of("News reporting", "Research", "Counter-speech"), false),
            new CategoryDraft("INCITEMENT_TO_VIOLENCE", "Incitement to violence", "Expression likely to incite imminent violence.",
                    List.of("ICCPR Art. 20(2)", "Rabat Plan of Action"), List.of("News reporting"), true)));
    private Integer minStatementLength = 50;
    private Integer overbreadth = 10;
    private List<DataCategory> judicial = List.of(DataCategory.CONTENT);
    private Integer maxPeriod = 366;
    private Integer maxGag = 90;
    private Integer k = 5;
    private final List<AnswerTimeDraft> times = new ArrayList<>(List.of(
            new AnswerTimeDraft(RequestType.REMOVAL_ORDER, 60L, false),
            new AnswerTimeDraft(RequestType.EMERGENCY_DISCLOSURE, 240L, false),
            new AnswerTimeDraft(RequestType.INFORMATION, 14400L, false),
            new AnswerTimeDraft(RequestType.PRESERVATION, 4320L, false),
            new AnswerTimeDraft(RequestType.REFERRAL, 10080L, true)));
    private List<LegitimateAim> aims = List.of(LegitimateAim.values());

    public static StandardsDraftBuilder aDraft() {
        return new StandardsDraftBuilder();
    }

    public StandardsDraftBuilder summary(String text) {
        this.summary = text;
        return this;
    }

    public StandardsDraftBuilder category(CategoryDraft category) {
        categories.add(category);
        return this;
    }

    public StandardsDraftBuilder transparencyK(Integer value) {
        this.k = value;
        return this;
    }

    public StandardsDraftBuilder maxGagDays(Integer value) {
        this.maxGag = value;
        return this;
    }

    public StandardsDraftBuilder answerTime(int index, AnswerTimeDraft time) {
        times.set(index, time);
        return this;
    }

    public StandardsDraftBuilder withoutAnswerTime(int index) {
        times.remove(index);
        return this;
    }

    public StandardsDraftBuilder legitimateAims(List<LegitimateAim> value) {
        this.aims = value;
        return this;
    }

    public StandardsDraft build() {
        return new StandardsDraft(summary, categories,
                new RulesDraft(minStatementLength, overbreadth, judicial, maxPeriod, maxGag, k, times, aims));
    }
}
