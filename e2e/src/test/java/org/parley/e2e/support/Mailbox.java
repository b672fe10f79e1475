package org.parley.e2e.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mail the platform sent, read back from the local mail server's API (GreenMail, started by
 * the launcher): {@code GET /api/user/{address}/messages/INBOX} lists what was delivered to an
 * address, each message as its raw MIME text, which this class decodes (multipart, base64,
 * quoted-printable) far enough to read its words and follow its links.
 *
 * <pre>{@code
 * Mailbox.Mail mail = Mailbox.ofPlatform().awaitMail("new.person@example.org", Duration.ofSeconds(30));
 * URI verify = mail.link("/login-actions/action-token");
 * }</pre>
 */
public final class Mailbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";\\s]+)\"?", Pattern.CASE_INSENSITIVE);

    /** One message as delivered: its subject, and its text and HTML parts decoded. */
    public record Mail(String subject, String text, String html) {

        /** The first link of the message whose path contains {@code pathPart}, e.g. Keycloak's action-token link. */
        public URI link(String pathPart) {
            return links().stream().filter(link -> link.getPath().contains(pathPart)).findFirst()
                    .orElseThrow(() -> new AssertionError("no link with " + pathPart + " in the mail \"" + subject
                            + "\"; its links: " + links()));
        }

        /** Every link of the plain-text part, then of the HTML part, in order and without repeats. */
        public List<URI> links() {
            List<URI> links = new ArrayList<>();
            for (String body : List.of(text, html.replace("&amp;", "&"))) {
                Matcher m = LINK.matcher(body);
                while (m.find()) {
                    URI link = URI.create(m.group());
                    if (!links.contains(link)) {
                        links.add(link);
                    }
                }
            }
            return links;
        }
    }

    private final URI api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Mailbox(URI api) {
        this.api = api;
    }

    /** The mailbox of the running platform's mail server. */
    public static Mailbox ofPlatform() {
        return new Mailbox(RunningPlatform.platform().mailApiUrl());
    }

    /** The mail delivered to {@code address} so far, oldest first; none when nothing was sent there. */
    public List<Mail> mail(String address) {
        URI inbox = api.resolve("/api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX");
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(inbox).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the mail server's API " + inbox + " is unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        // GreenMail knows an address only once something was delivered to it: before, it answers 400
        if (response.statusCode() == 400 && response.body().contains("not found")) {
            return List.of();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + inbox + ": HTTP " + response.statusCode() + " " + response.body());
        }
        List<Mail> mail = new ArrayList<>();
        for (JsonNode message : JSON.readTree(response.body())) {
            StringBuilder text = new StringBuilder();
            StringBuilder html = new StringBuilder();
            decode(message.path("mimeMessage").asString(), text, html);
            mail.add(new Mail(message.path("subject").asString(""), text.toString(), html.toString()));
        }
        return mail;
    }

    /** Waits until a message is delivered to {@code address} and gives the newest. */
    public Mail awaitMail(String address, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Mail> delivered = mail(address);
            if (!delivered.isEmpty()) {
                return delivered.getLast();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no mail to " + address + " within " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    // ---- a MIME reader, as far as the platform's mail needs ----------------------------------------

    /** Appends the decoded text/plain and text/html parts of a MIME entity (headers and body). */
    static void decode(String entity, StringBuilder text, StringBuilder html) {
        String normalised = entity.replace("\r\n", "\n");
        int split = normalised.indexOf("\n\n");
        String headers = split < 0 ? normalised : normalised.substring(0, split);
        String body = split < 0 ? "" : normalised.substring(split + 2);
        String contentType = header(headers, "Content-Type").orElse("text/plain").toLowerCase(Locale.ROOT);
        if (contentType.startsWith("multipart/")) {
            Matcher boundary = BOUNDARY.matcher(header(headers, "Content-Type").orElse(""));
            if (!boundary.find()) {
                return;
            }
            String delimiter = "--" + boundary.group(1);
            String[] parts = body.split(Pattern.quote(delimiter));
            // parts[0] is the preamble; the part after the closing delimiter starts with "--"
            for (int i = 1; i < parts.length; i++) {
                String part = parts[i];
                if (part.startsWith("--")) {
                    break;
                }
                decode(part.startsWith("\n") ? part.substring(1) : part, text, html);
            }
            return;
        }
        String encoding = header(headers, "Content-Transfer-Encoding").orElse("7bit").trim().toLowerCase(Locale.ROOT);
        String decoded = switch (encoding) {
            case "base64" -> new String(java.util.Base64.getMimeDecoder().decode(body.strip()), StandardCharsets.UTF_8);
            case "quoted-printable" -> quotedPrintable(body);
            default -> body;
        };
        if (contentType.startsWith("text/html")) {
            html.append(decoded);
        } else if (contentType.startsWith("text/")) {
            text.append(decoded);
        }
    }

    /** A header's value, folded lines joined. */
    private static Optional<String> header(String headers, String name) {
        String unfolded = headers.replaceAll("\n[ \t]+", " ");
        for (String line : unfolded.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return Optional.of(line.substring(colon + 1).trim());
            }
        }
        return Optional.empty();
    }

    private static String quotedPrintable(String body) {
        String joined = body.replace("=\n", "");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length() && isHex(joined.charAt(i + 1)) && isHex(joined.charAt(i + 2))) {
                bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
