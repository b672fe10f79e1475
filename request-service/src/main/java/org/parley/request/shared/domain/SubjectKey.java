package org.parley.request.shared.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The form in which two subjects are compared: spellings of one URL (scheme and host case, a
 * default port, a fragment, a trailing slash) or of one account (case) meet on one key.
 */
public final class SubjectKey {

    private SubjectKey() {}

    public static String of(Subject subject) {
        String value = subject.value() == null ? "" : subject.value().strip();
        if (subject.kind() == SubjectKind.ACCOUNT) {
            return "account:" + value.toLowerCase(Locale.ROOT);
        }
        return "url:" + normaliseUrl(value);
    }

    static String normaliseUrl(String value) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return value;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? uri.getRawAuthority().toLowerCase(Locale.ROOT)
                    : uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path + query;
        } catch (URISyntaxException e) {
            return value;
        }
    }
}
