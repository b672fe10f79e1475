package org.parley.e2e.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieHandler;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person signed in to the portal without a browser: the same code flow a browser follows
 * (the portal's sign-in, Keycloak's real login form, the redirect back), with the cookies
 * kept. For measurements and for checks that need many sessions or a raw stream.
 */
public final class PortalSession {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final URI base;
    private final LocalCookies cookies = new LocalCookies();
    private final HttpClient http;

    private PortalSession(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.ALWAYS)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Signs {@code username} in through the portal at {@code base} (e.g. the gateway). */
    public static PortalSession signIn(URI base, String username) {
        PortalSession session = new PortalSession(base);
        HttpResponse<String> login = session.send(HttpRequest.newBuilder(base.resolve("/signin")).GET());
        Matcher action = FORM_ACTION.matcher(login.body());
        if (!action.find()) {
            throw new IllegalStateException("no Keycloak login form at " + login.uri() + ": HTTP " + login.statusCode());
        }
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(Tokens.DEMO_PASSWORD, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> back = session.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (!back.uri().getAuthority().equals(base.getAuthority())) {
            throw new IllegalStateException("sign-in of " + username + " did not come back to the portal: " + back.uri());
        }
        // in English, whatever language another test left remembered for this person
        session.get("/?lang=en");
        return session;
    }

    /** The value of the portal's session cookie, to present it elsewhere (another instance). */
    public String sessionCookie() {
        String value = cookies.value(base.getHost(), "PARLEY_SESSION");
        if (value == null) {
            throw new IllegalStateException("no session cookie for " + base);
        }
        return value;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "text/html").GET());
    }

    /**
     * A page asked of another address of the same host (e.g. a portal instance's own port):
     * cookies belong to the host, not the port, so the session goes along.
     */
    public HttpResponse<String> getAt(URI otherBase, String path) {
        return send(HttpRequest.newBuilder(otherBase.resolve(path)).header("Accept", "text/html").GET());
    }

    /** Posts a form, as a page's form would, to {@code path} at {@code at} (the portal or one of its instances). */
    public HttpResponse<String> postFormAt(URI at, String path, Map<String, String> fields) {
        StringBuilder form = new StringBuilder();
        fields.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(at.resolve(path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    /** Opens an event stream of the portal; the caller reads and closes it. */
    public HttpResponse<InputStream> stream(String path) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new IllegalStateException("portal " + base + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Cookies by host, as a browser keeps them for {@code localhost}: Keycloak marks its login
     * cookies Secure, and a browser still sends those to plain-HTTP localhost (a secure context),
     * where {@link java.net.CookieManager} would not.
     */
    private static final class LocalCookies extends java.net.CookieHandler {
        private final Map<String, Map<String, String>> byHost = new ConcurrentHashMap<>();

        String value(String host, String name) {
            return byHost.getOrDefault(host, Map.of()).get(name);
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) {
            Map<String, String> jar = byHost.getOrDefault(uri.getHost(), Map.of());
            if (jar.isEmpty()) {
                return Map.of();
            }
            StringBuilder cookie = new StringBuilder();
            jar.forEach((name, value) -> cookie.append(cookie.isEmpty() ? "" : "; ").append(name).append('=').append(value));
            return Map.of("Cookie", List.of(cookie.toString()));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) {
            Map<String, String> jar = byHost.computeIfAbsent(uri.getHost(), host -> new ConcurrentHashMap<>());
            headers.forEach((header, values) -> {
                if (header != null && header.equalsIgnoreCase("Set-Cookie")) {
                    for (String value : values) {
                        for (HttpCookie cookie : HttpCookie.parse(value)) {
                            if (cookie.getMaxAge() == 0) {
                                jar.remove(cookie.getName());
                            } else {
                                jar.put(cookie.getName(), cookie.getValue());
                            }
                        }
                    }
                }
            });
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("portal " + base + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
