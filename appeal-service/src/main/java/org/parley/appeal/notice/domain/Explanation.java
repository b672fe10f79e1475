package org.parley.appeal.notice.domain;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A statement of reasons in plain words, in one language, as parts a reader can lay out: what was done,
 * on which ground, how automated, the order behind it, the appeal. Each part is a run of segments, so a
 * reader can tell Parley's own (translated) words from the text others wrote that is quoted as written.
 *
 * @param language the language Parley's words are in: one of {@link PlainWords#LANGUAGES}
 */
public record Explanation(Locale language, List<Part> parts) {

    public Explanation {
        parts = List.copyOf(parts);
    }

    /** The whole statement as one text. */
    public String text() {
        return parts.stream().map(Part::text).collect(Collectors.joining(" "));
    }

    public Part part(Kind kind) {
        return parts.stream().filter(p -> p.kind() == kind).findFirst().orElse(null);
    }

    public enum Kind {
        /** What the company did, when, and where it applies. */
        ACTION,
        /** The law or terms clause, the category and the facts. */
        GROUND,
        /** Whether tools or people found the content and took the decision. */
        AUTOMATION,
        /** The government order behind it, or that one exists and is confidential, or cannot be shown now. */
        ORDER,
        /** Until when and to whom the person can appeal, or that the time has passed. */
        APPEAL
    }

    /** One part: its kind and its text as segments. */
    public record Part(Kind kind, List<Segment> segments) {

        public Part {
            segments = List.copyOf(segments);
        }

        public String text() {
            return segments.stream().map(Segment::text).collect(Collectors.joining());
        }
    }

    /**
     * A run of text. {@code asWritten} is null for Parley's words, in the explanation's language; otherwise it
     * names the field whose text is inserted as its author wrote it, in whatever language that was.
     */
    public record Segment(String text, AsWritten asWritten) {

        static Segment words(String text) {
            return new Segment(text, null);
        }
    }

    /**
     * Text quoted as written. The company's own words ({@link #FACTS}, {@link #LEGAL_REFERENCE},
     * {@link #TERMS_REFERENCE}) are in the notice's language; the rest are names and references.
     */
    public enum AsWritten {
        COMPANY_NAME,
        CONTENT_REF,
        LEGAL_REFERENCE,
        TERMS_REFERENCE,
        FACTS,
        /** The category's name, from the standards catalogue. */
        CATEGORY,
        /** The authority that made the order, as request-service names it. */
        AUTHORITY,
        LEGAL_BASIS
    }
}
