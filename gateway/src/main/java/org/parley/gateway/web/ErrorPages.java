package org.parley.gateway.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway's own answers on the portal's paths, for people in a browser: a small, plain
 * HTML page (one heading, the reason in a sentence, where the API is, and the correlation id
 * to quote), instead of the problem+json that API clients get. It needs nothing from the
 * portal, so it also works while the portal is down.
 */
public final class ErrorPages {

    public static final MediaType TEXT_HTML_UTF8 = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    /** The heading of the page shown while the portal is down or its circuit is open. */
    public static final String PORTAL_UNAVAILABLE = "Parley's pages are unavailable right now";

    private ErrorPages() {
    }

    /** The page for {@code status}, with a fixed human {@code detail} (escaped here). */
    public static byte[] body(ServerWebExchange exchange, HttpStatus status, String detail) {
        String heading = heading(status);
        String correlationId = exchange.getAttribute(CorrelationIdFilter.ATTRIBUTE);
        StringBuilder html = new StringBuilder(1024)
                .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex\">\n")
                .append("<title>").append(escape(heading)).append(" – Parley</title>\n")
                .append("<style>body{font-family:system-ui,sans-serif;line-height:1.5;max-width:40rem;")
                .append("margin:2rem auto;padding:0 1rem;color:#1b1b1b;background:#fff}")
                .append("a{color:#0b4f9c}code{font-size:1em}</style>\n")
                .append("</head>\n<body>\n<main id=\"main\">\n")
                .append("<h1>").append(escape(heading)).append("</h1>\n")
                .append("<p>").append(escape(detail)).append("</p>\n")
                .append("<p>Parley's public API is still at <code>/api</code> ")
                .append("(its documentation: <a href=\"/api/docs\">/api/docs</a>).</p>\n");
        if (correlationId != null) {
            html.append("<p>If you report this, quote the reference <code>").append(escape(correlationId))
                    .append("</code>.</p>\n");
        }
        html.append("</main>\n</body>\n</html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String heading(HttpStatus status) {
        return switch (status) {
            case SERVICE_UNAVAILABLE -> PORTAL_UNAVAILABLE;
            case GATEWAY_TIMEOUT -> "Parley's pages did not answer in time";
            case TOO_MANY_REQUESTS -> "Too many requests from your network";
            case CONTENT_TOO_LARGE -> "What you sent is too large";
            default -> status.getReasonPhrase();
        };
    }

    /** Escapes text for an element's content (apostrophes may stay as they are there). */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
