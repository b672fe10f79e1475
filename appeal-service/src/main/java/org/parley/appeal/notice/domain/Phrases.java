package org.parley.appeal.notice.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.parley.appeal.notice.domain.Explanation.Segment;

/**
 * Parley's words for a statement of reasons in one language, from the bundle {@code i18n/plain-words}
 * (UTF-8 properties). A phrase names its blanks as {@code {name}}; filling one in keeps what is Parley's
 * and what is quoted as separate segments. Not {@link java.text.MessageFormat}: its quoting rules would
 * eat the apostrophes of French ("l'entreprise").
 */
final class Phrases {

    static final String BUNDLE = "i18n/plain-words";

    private final ResourceBundle bundle;

    private Phrases(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /**
     * The phrases of a supported language. No fallback to the machine's default locale: a key missing in a
     * language (which a test forbids) would come from the English base bundle, never from another language.
     */
    static Phrases of(Locale language) {
        return new Phrases(ResourceBundle.getBundle(BUNDLE, language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    String text(String key) {
        return bundle.getString(key);
    }

    /** The phrase under {@code key} with its blanks filled in, as segments. */
    List<Segment> fill(String key, Map<String, List<Segment>> blanks) {
        String phrase = bundle.getString(key);
        List<Segment> out = new ArrayList<>();
        int at = 0;
        while (at < phrase.length()) {
            int open = phrase.indexOf('{', at);
            int close = open < 0 ? -1 : phrase.indexOf('}', open);
            if (close < 0) {
                add(out, Segment.words(phrase.substring(at)));
                break;
            }
            if (open > at) {
                add(out, Segment.words(phrase.substring(at, open)));
            }
            String name = phrase.substring(open + 1, close);
            List<Segment> filling = blanks.get(name);
            if (filling == null) {
                throw new IllegalStateException("phrase " + key + " has a blank {" + name + "} that nobody fills");
            }
            filling.forEach(segment -> add(out, segment));
            at = close + 1;
        }
        return out;
    }

    /** Adds a segment, joining it to the last one when both are Parley's words. */
    static void add(List<Segment> segments, Segment next) {
        if (next.text().isEmpty()) {
            return;
        }
        int last = segments.size() - 1;
        if (last >= 0 && segments.get(last).asWritten() == null && next.asWritten() == null) {
            segments.set(last, Segment.words(segments.get(last).text() + next.text()));
        } else {
            segments.add(next);
        }
    }
}
