package org.parley.appeal.notice.domain;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Notice references and access codes are drawn from 31 characters that are hard to mistake for each
 * other when retyped from paper or a screen: no 0, O, 1, I or L.
 */
final class Codes {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private Codes() {}

    static String random(SecureRandom random, int length) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** Upper case, without spaces, dashes or anything else that is not a letter or digit. */
    static String canonical(String typed) {
        if (typed == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(typed.length());
        typed.toUpperCase(Locale.ROOT).chars()
                .filter(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
                .forEach(c -> text.append((char) c));
        return text.toString();
    }

    static boolean fromAlphabet(String text) {
        return text.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    static String group(String text, int size) {
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < text.length(); i += size) {
            if (i > 0) {
                grouped.append('-');
            }
            grouped.append(text, i, Math.min(text.length(), i + size));
        }
        return grouped.toString();
    }
}
