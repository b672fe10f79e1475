package org.parley.appeal.notice.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.appeal.notice.domain.Explanation.AsWritten;
import org.parley.appeal.notice.domain.Explanation.Kind;
import org.parley.appeal.notice.domain.Explanation.Part;
import org.parley.appeal.notice.domain.Explanation.Segment;
import org.parley.appeal.order.domain.LegalBasis;
import org.parley.appeal.order.domain.OrderDisclosure;

/**
 * The statement of reasons in plain words for the person it concerns: what happened, why, how much of it
 * was automated, which government order (if any) was behind it, and how to appeal. The seed of this
 * service: users were deprived of a remedy because they did not know why their content was taken down.
 *
 * <p>Parley's words come in the reader's language; what the company wrote (the facts, the law or terms
 * clause, its name, the content's reference), the category's name and the authority's are quoted as
 * written. Dates are the language's long date, as the JDK's CLDR data gives it for the bare language
 * (so Arabic has Latin digits, as CLDR gives for {@code ar}).
 */
public final class PlainWords {

    /** The languages a statement can be read in; the first is the one for anyone else. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.GERMAN,
            Locale.forLanguageTag("ar"));

    /** The request types whose order sentence names them; any other type gets the general sentence. */
    static final List<String> REQUEST_TYPES = List.of("REMOVAL_ORDER", "REFERRAL", "INFORMATION", "PRESERVATION",
            "EMERGENCY_DISCLOSURE");

    private PlainWords() {}

    /** The supported language a wish comes to: the same language whatever its region or script, else English. */
    public static Locale language(Locale wanted) {
        if (wanted != null) {
            for (Locale language : LANGUAGES) {
                if (language.getLanguage().equals(wanted.getLanguage())) {
                    return language;
                }
            }
        }
        return LANGUAGES.getFirst();
    }

    public static Explanation explain(Notice notice, OrderDisclosure order, Instant now, Locale wanted) {
        Locale language = language(wanted);
        Writer w = new Writer(language);
        List<Part> parts = new ArrayList<>();
        parts.add(w.action(notice));
        parts.add(w.ground(notice));
        parts.add(w.automation(notice));
        Part orderPart = w.order(order);
        if (orderPart != null) {
            parts.add(orderPart);
        }
        parts.add(w.appeal(notice, now));
        return new Explanation(language, parts);
    }

    /** Writes the parts in one language. */
    private static final class Writer {

        private final Locale language;
        private final Phrases phrases;
        private final DateTimeFormatter day;

        Writer(Locale language) {
            this.language = language;
            this.phrases = Phrases.of(language);
            this.day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).localizedBy(language).withZone(ZoneOffset.UTC);
        }

        Part action(Notice notice) {
            Map<String, List<Segment>> blanks = new HashMap<>();
            blanks.put("date", words(date(notice.decidedAt())));
            blanks.put("company", quoted(notice.companyName(), AsWritten.COMPANY_NAME));
            blanks.put("contentRef", quoted(notice.contentRef(), AsWritten.CONTENT_REF));
            blanks.put("where", words(where(notice)));
            List<Segment> text = new ArrayList<>(phrases.fill("action." + notice.restriction().name(), blanks));
            Phrases.add(text, Segment.words(" "));
            phrases.fill("action.scope", blanks).forEach(s -> Phrases.add(text, s));
            return new Part(Kind.ACTION, text);
        }

        Part ground(Notice notice) {
            Map<String, List<Segment>> blanks = new HashMap<>();
            blanks.put("legalReference", quoted(notice.legalReference(), AsWritten.LEGAL_REFERENCE));
            blanks.put("termsReference", quoted(notice.termsReference(), AsWritten.TERMS_REFERENCE));
            blanks.put("category", quoted(notice.category().name(), AsWritten.CATEGORY));
            blanks.put("facts", quoted(notice.facts(), AsWritten.FACTS));
            List<Segment> text = new ArrayList<>(phrases.fill("ground." + notice.ground().name(), blanks));
            Phrases.add(text, Segment.words(" "));
            phrases.fill("ground.facts", blanks).forEach(s -> Phrases.add(text, s));
            return new Part(Kind.GROUND, closed(text));
        }

        Part automation(Notice notice) {
            String key = "automation." + (notice.automatedDetection() ? "toolsFound" : "peopleFound") + "."
                    + (notice.automatedDecision() ? "automaticDecision" : "personDecided");
            return new Part(Kind.AUTOMATION, words(phrases.text(key)));
        }

        Part order(OrderDisclosure order) {
            return switch (order) {
                case OrderDisclosure.None none -> null;
                case OrderDisclosure.Disclosed d -> new Part(Kind.ORDER, disclosed(d));
                case OrderDisclosure.Confidential c -> new Part(Kind.ORDER, c.until() == null
                        ? words(phrases.text("order.confidential"))
                        : phrases.fill("order.confidential.until", Map.of("date", words(date(c.until())))));
                case OrderDisclosure.Unavailable u -> new Part(Kind.ORDER, words(phrases.text("order.unavailable")));
            };
        }

        private List<Segment> disclosed(OrderDisclosure.Disclosed d) {
            Map<String, List<Segment>> blanks = new HashMap<>();
            blanks.put("authority", quoted(d.authority(), AsWritten.AUTHORITY));
            blanks.put("country", d.authorityCountry() == null || d.authorityCountry().isBlank() ? List.of()
                    : phrases.fill("order.country", Map.of("country", words(country(d.authorityCountry())))));
            String type = d.type() != null && REQUEST_TYPES.contains(d.type()) ? d.type() : "OTHER";
            List<Segment> text = new ArrayList<>(phrases.fill("order." + type, blanks));
            LegalBasis basis = d.legalBasis();
            if (basis != null && basis.instrument() != null && !basis.instrument().isBlank()) {
                Phrases.add(text, Segment.words(" "));
                boolean withProvision = basis.provision() != null && !basis.provision().isBlank();
                phrases.fill(withProvision ? "order.legalBasis" : "order.legalBasis.instrumentOnly", Map.of(
                        "instrument", quoted(basis.instrument(), AsWritten.LEGAL_BASIS),
                        "provision", withProvision ? quoted(basis.provision(), AsWritten.LEGAL_BASIS) : List.of()))
                        .forEach(s -> Phrases.add(text, s));
            }
            return text;
        }

        Part appeal(Notice notice, Instant now) {
            Map<String, List<Segment>> blanks = Map.of(
                    "date", words(date(notice.appealClosesAt())),
                    "company", quoted(notice.companyName(), AsWritten.COMPANY_NAME));
            return new Part(Kind.APPEAL, phrases.fill(now.isAfter(notice.appealClosesAt()) ? "appeal.closed" : "appeal.open",
                    blanks));
        }

        /** The long date of the language; French writes the first of the month as an ordinal, "1er juin". */
        private String date(Instant at) {
            String text = day.format(at);
            if (language.equals(Locale.FRENCH) && at.atZone(ZoneOffset.UTC).getDayOfMonth() == 1 && text.startsWith("1 ")) {
                return "1er " + text.substring(2);
            }
            return text;
        }

        private String where(Notice notice) {
            if (notice.worldwide()) {
                return phrases.text("where.everywhere");
            }
            List<String> names = notice.territorialScope().stream().map(this::country).toList();
            String list = String.join(phrases.text("list.separator"), names);
            return phrases.fill(names.size() == 1 ? "where.one" : "where.many", Map.of("countries", words(list)))
                    .getFirst().text();
        }

        /** A country's name in the reader's language (CLDR), from its ISO code; an unknown code as it is. */
        private String country(String code) {
            try {
                String name = new Locale.Builder().setRegion(code).build().getDisplayCountry(language);
                return name.isBlank() ? code : name;
            } catch (java.util.IllformedLocaleException notACountry) {
                return code;
            }
        }
    }

    private static List<Segment> words(String text) {
        return List.of(Segment.words(text));
    }

    private static List<Segment> quoted(String text, AsWritten field) {
        return text == null || text.isBlank() ? List.of() : List.of(new Segment(text.strip(), field));
    }

    /** The company's facts end the ground part: give it a full stop when they do not end in one. */
    private static List<Segment> closed(List<Segment> text) {
        String last = text.isEmpty() ? "" : text.getLast().text().strip();
        if (!(last.endsWith(".") || last.endsWith("!") || last.endsWith("?") || last.endsWith("؟")
                || last.endsWith("…"))) {
            Phrases.add(text, Segment.words("."));
        }
        return text;
    }
}
