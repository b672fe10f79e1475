package org.parley.request.archive.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.parley.request.shared.domain.Subject;
import org.parley.request.shared.domain.SubjectKind;

/**
 * How the subjects of a request are published: what shows where the content was and which service
 * it was on, never who it was about or who wrote it. Everything taken out is named on the record
 * ({@link RedactionKind}), and every doubt is settled by taking out more.
 *
 * <p><b>URLs</b> keep their scheme and host. Dropped: user info and any port (a non-default port is
 * counted as {@code URL_PORT}; a default one says nothing). The path is replaced by the
 * {@link #MARKER} unless it has no segment ({@code ""} or {@code "/"}, which name no one); a query
 * and a fragment are always replaced. An IP address as host is replaced whole. A host keeps its
 * registrable domain (its public suffix and the label before it) and its other labels only if each
 * of them is a generic one ({@code www}, {@code m}, {@code video}, see {@link #GENERIC_LABELS}); any
 * other label may be a person's name ({@code alice.blog.example}), so all labels beneath the
 * registrable domain are replaced by one marker. On the user-site platforms of
 * {@link #USER_SITE_SUFFIXES} ({@code alice.github.io}) the platform is the domain kept and the
 * site's own labels are replaced. The public suffixes known are the single-label ones and the
 * multi-label ones of {@link #MULTI_LABEL_SUFFIXES}; a multi-label suffix not listed makes the rule
 * take one label too few as the domain, which redacts more, never less.
 *
 * <p><b>Accounts</b> are replaced by the marker. Kept is what they belong to, when the subject says
 * it: the domain of {@code alice@example.com} or {@code @alice@social.example} (through the host
 * rule above), the platform of {@code telegram:alice} when it is a known one ({@link #PLATFORMS}) or a
 * domain, the site of an account given by its profile
 * URL (through the URL rules above).
 */
public final class Redaction {

    /** What stands where a part was taken out. */
    public static final String MARKER = "[redacted]";

    /** Labels beneath a registrable domain that name a part of a service, not a person. */
    static final Set<String> GENERIC_LABELS = Set.of(
            "www", "www1", "www2", "www3", "m", "mobile", "amp", "touch", "wap",
            "video", "videos", "vid", "tv", "live", "stream", "watch", "player", "music", "radio", "podcasts",
            "img", "image", "images", "photo", "photos", "pics", "i", "s", "static", "cdn", "media", "assets", "files",
            "upload", "uploads", "download", "downloads", "dl",
            "api", "web", "app", "apps", "news", "blog", "blogs", "forum", "forums", "community", "groups", "chat",
            "shop", "store", "mail", "docs", "help", "support", "maps", "drive", "play", "search", "beta", "old", "new",
            "en", "fr", "de", "ar", "es", "it", "pt", "ru", "nl", "pl", "tr", "ja", "zh", "ko", "sv", "da", "fi", "no",
            "cs", "el", "hu", "ro", "uk", "he", "fa", "hi", "id");

    /** Public suffixes of two labels (second-level registries); single-label suffixes need no list. */
    static final Set<String> MULTI_LABEL_SUFFIXES = Set.of(
            "co.uk", "org.uk", "ac.uk", "gov.uk", "me.uk", "net.uk", "ltd.uk", "plc.uk", "sch.uk", "nhs.uk",
            "com.au", "net.au", "org.au", "edu.au", "gov.au", "id.au",
            "co.nz", "org.nz", "net.nz", "govt.nz", "ac.nz",
            "co.jp", "ne.jp", "or.jp", "ac.jp", "go.jp", "co.kr", "or.kr", "ac.kr", "go.kr",
            "com.br", "net.br", "org.br", "gov.br", "com.ar", "com.mx", "gob.mx", "com.co", "com.pe", "com.ve",
            "com.cn", "net.cn", "org.cn", "gov.cn", "com.tw", "org.tw", "com.hk", "org.hk", "com.sg", "com.my",
            "co.id", "or.id", "co.th", "in.th", "com.vn", "com.ph", "com.pk", "co.in", "net.in", "org.in", "gov.in",
            "com.tr", "org.tr", "gov.tr", "co.il", "org.il", "com.eg", "com.sa", "gov.sa", "com.qa", "co.ae",
            "co.za", "org.za", "gov.za", "co.ke", "com.ng", "co.ma", "com.ua", "org.ua", "gov.ua", "com.pl",
            "com.ru", "org.ru", "com.es", "gouv.fr", "asso.fr", "co.at", "or.at", "gv.at");

    /** Platforms on which each label beneath is one user's or customer's own site. */
    static final Set<String> USER_SITE_SUFFIXES = Set.of(
            "blogspot.com", "wordpress.com", "tumblr.com", "substack.com", "medium.com", "livejournal.com",
            "github.io", "gitlab.io", "netlify.app", "vercel.app", "pages.dev", "herokuapp.com", "web.app",
            "firebaseapp.com", "neocities.org", "wixsite.com", "weebly.com", "carrd.co", "bandcamp.com", "itch.io",
            "deviantart.com", "over-blog.com", "jimdofree.com", "telegra.ph");

    /**
     * Platforms named before an account id ({@code telegram:alice}); any other word there is taken out
     * with the id, since it may be a name.
     */
    static final Set<String> PLATFORMS = Set.of(
            "twitter", "x", "facebook", "instagram", "threads", "youtube", "tiktok", "telegram", "whatsapp", "signal",
            "discord", "reddit", "mastodon", "bluesky", "snapchat", "linkedin", "twitch", "vk", "ok", "pinterest",
            "github", "gitlab", "skype", "wechat", "weibo", "line", "kik", "rumble", "gab", "odysee", "bitchute",
            "truthsocial", "minds", "gettr", "matrix", "element", "steam", "soundcloud", "spotify", "tumblr", "quora");

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?");

    private Redaction() {}

    /** The subjects of a request, redacted, with what was taken out counted by kind. */
    public static RedactedSubjects of(List<Subject> subjects) {
        return RedactedSubjects.of(subjects.stream().map(Redaction::subject).toList());
    }

    /** One subject, redacted. A subject erased at the end of its retention (null value) leaves nothing. */
    public static RedactedSubject subject(Subject subject) {
        SubjectKind kind = subject.kind() == null ? SubjectKind.ACCOUNT : subject.kind();
        String value = subject.value();
        if (value == null || value.isEmpty()) {
            return new RedactedSubject(kind, null, null, List.of(RedactionKind.ERASED));
        }
        return kind == SubjectKind.URL ? url(value) : account(value);
    }

    // ---- URLs -----------------------------------------------------------------------------------

    static RedactedSubject url(String value) {
        return parseUrl(value).map(u -> u.redacted(SubjectKind.URL, EnumSet.noneOf(RedactionKind.class)))
                .orElseGet(() -> new RedactedSubject(SubjectKind.URL, null, null, List.of(RedactionKind.UNREADABLE)));
    }

    /** A URL taken apart by hand, so that no spelling a parser would refuse (an underscore in a host) shows through whole. */
    private record Url(String scheme, boolean userInfo, String port, String host, String path, String query, String fragment) {

        RedactedSubject redacted(SubjectKind kind, EnumSet<RedactionKind> taken) {
            StringBuilder shown = new StringBuilder(scheme).append("://");
            if (userInfo) {
                taken.add(RedactionKind.URL_USER_INFO);
            }
            if (port != null && !port.isEmpty() && !isDefaultPort(scheme, port)) {
                taken.add(RedactionKind.URL_PORT);
            }
            Host h = Redaction.host(host);
            h.taken().ifPresent(taken::add);
            shown.append(h.shown());
            if (path.isEmpty() || path.equals("/")) {
                shown.append(path);
            } else {
                taken.add(RedactionKind.URL_PATH);
                shown.append('/').append(MARKER);
            }
            if (query != null && !query.isEmpty()) {
                taken.add(RedactionKind.URL_QUERY);
                shown.append('?').append(MARKER);
            }
            if (fragment != null && !fragment.isEmpty()) {
                taken.add(RedactionKind.URL_FRAGMENT);
                shown.append('#').append(MARKER);
            }
            return new RedactedSubject(kind, shown.toString(), h.domain(), List.copyOf(taken));
        }
    }

    private static java.util.Optional<Url> parseUrl(String value) {
        int colon = value.indexOf("://");
        if (colon <= 0 || !SCHEME.matcher(value.substring(0, colon)).matches()) {
            return java.util.Optional.empty();
        }
        String scheme = value.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = value.substring(colon + 3);
        String fragment = null;
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            fragment = rest.substring(hash + 1);
            rest = rest.substring(0, hash);
        }
        String query = null;
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        int slash = rest.indexOf('/');
        String authority = slash >= 0 ? rest.substring(0, slash) : rest;
        String path = slash >= 0 ? rest.substring(slash) : "";
        boolean userInfo = false;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            userInfo = true;
            authority = authority.substring(at + 1);
        }
        String host = authority;
        String port = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                return java.util.Optional.empty();
            }
            host = authority.substring(0, close + 1);
            if (authority.length() > close + 1) {
                if (authority.charAt(close + 1) != ':') {
                    return java.util.Optional.empty();
                }
                port = authority.substring(close + 2);
            }
        } else {
            int portColon = authority.lastIndexOf(':');
            if (portColon >= 0) {
                port = authority.substring(portColon + 1);
                host = authority.substring(0, portColon);
            }
        }
        if (port != null && !port.chars().allMatch(Character::isDigit)) {
            return java.util.Optional.empty();
        }
        if (host.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Url(scheme, userInfo, port, host, path, query, fragment));
    }

    private static boolean isDefaultPort(String scheme, String port) {
        String digits = port.replaceFirst("^0+(?=\\d)", "");
        return (scheme.equals("http") && digits.equals("80")) || (scheme.equals("https") && digits.equals("443"));
    }

    // ---- hosts ----------------------------------------------------------------------------------

    /**
     * A host as published: {@code shown} in place of it, the registrable {@code domain} it belongs to
     * (null for an address), and what was taken out of it, if anything.
     */
    record Host(String shown, String domain, java.util.Optional<RedactionKind> taken) {

        static Host kept(String host, String domain) {
            return new Host(host, domain, java.util.Optional.empty());
        }

        static Host redacted(String shown, String domain, RedactionKind kind) {
            return new Host(shown, domain, java.util.Optional.of(kind));
        }
    }

    static Host host(String raw) {
        String host = raw.toLowerCase(Locale.ROOT);
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.startsWith("[") || IPV4.matcher(host).matches()) {
            return Host.redacted(MARKER, null, RedactionKind.URL_IP_ADDRESS);
        }
        String[] labels = host.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                // percent-encoded, internationalised in Unicode, or simply not a host: nothing of it can be vouched for
                return Host.redacted(MARKER, null, RedactionKind.URL_HOST);
            }
        }
        for (String site : USER_SITE_SUFFIXES) {
            if (host.equals(site)) {
                return Host.kept(host, site);
            }
            if (host.endsWith("." + site)) {
                return Host.redacted(MARKER + "." + site, site, RedactionKind.URL_HOST);
            }
        }
        int n = labels.length;
        int suffix = n >= 2 && MULTI_LABEL_SUFFIXES.contains(labels[n - 2] + "." + labels[n - 1]) ? 2 : 1;
        int registrable = Math.min(n, suffix + 1);
        String domain = String.join(".", java.util.Arrays.copyOfRange(labels, n - registrable, n));
        if (n == registrable) {
            return Host.kept(host, domain);
        }
        for (int i = 0; i < n - registrable; i++) {
            if (!GENERIC_LABELS.contains(labels[i])) {
                return Host.redacted(MARKER + "." + domain, domain, RedactionKind.URL_HOST);
            }
        }
        return Host.kept(host, domain);
    }

    // ---- accounts -------------------------------------------------------------------------------

    static RedactedSubject account(String value) {
        EnumSet<RedactionKind> taken = EnumSet.of(RedactionKind.ACCOUNT_ID);
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            // a profile URL: its site is kept, the rest goes as for any URL, and it counts as an account
            return parseUrl(value).map(u -> u.redacted(SubjectKind.ACCOUNT, taken))
                    .orElseGet(() -> new RedactedSubject(SubjectKind.ACCOUNT, MARKER, null, List.of(RedactionKind.ACCOUNT_ID)));
        }
        int at = value.lastIndexOf('@');
        if (at > 0 && at < value.length() - 1 && value.indexOf('.', at) > at) {
            // alice@example.com, @alice@social.example: the domain the account lives on
            Host h = host(value.substring(at + 1));
            h.taken().ifPresent(taken::add);
            String prefix = value.startsWith("@") ? "@" : "";
            return new RedactedSubject(SubjectKind.ACCOUNT, prefix + MARKER + "@" + h.shown(), h.domain(), List.copyOf(taken));
        }
        int colon = value.indexOf(':');
        if (colon > 0 && colon < value.length() - 1) {
            // platform:alice, example.com:alice; an unknown word before the colon may be the person's own name
            String platform = value.substring(0, colon).toLowerCase(Locale.ROOT);
            if (PLATFORMS.contains(platform)) {
                return new RedactedSubject(SubjectKind.ACCOUNT, platform + ":" + MARKER, platform, List.copyOf(taken));
            }
            if (platform.contains(".")) {
                Host h = host(platform);
                h.taken().ifPresent(taken::add);
                return new RedactedSubject(SubjectKind.ACCOUNT, h.shown() + ":" + MARKER, h.domain(), List.copyOf(taken));
            }
        }
        return new RedactedSubject(SubjectKind.ACCOUNT, MARKER, null, List.copyOf(taken));
    }

}
