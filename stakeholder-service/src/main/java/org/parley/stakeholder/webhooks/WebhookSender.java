package org.parley.stakeholder.webhooks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.parley.stakeholder.webhooks.domain.AttemptResult;
import org.parley.stakeholder.webhooks.domain.RetryAfter;
import org.parley.stakeholder.webhooks.domain.TargetPolicy;
import org.parley.stakeholder.webhooks.domain.WebhookEndpoint;
import org.parley.stakeholder.webhooks.domain.WebhookUrl;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One attempt over HTTP: resolves the endpoint's host, refuses addresses webhooks may not reach, and
 * connects to the very address it checked (the client is given the address; its own resolver refuses
 * every lookup, so there is no second one). No redirects are followed, nothing is retried here.
 */
@Component
class WebhookSender implements DisposableBean {

    private static final long MAX_ANSWER_BODY = 16 * 1024;

    private final HostResolver resolver;
    private final Clock clock;
    private final CloseableHttpClient client;

    WebhookSender(HostResolver resolver, Clock clock, WebhookProperties properties) {
        this.resolver = resolver;
        this.clock = clock;
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new NoLookups())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                                .setSocketTimeout(Timeout.of(properties.responseTimeout()))
                                .build())
                        .setMaxConnTotal(Math.max(8, properties.concurrency() * 2))
                        .setMaxConnPerRoute(2)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(properties.responseTimeout()))
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("Parley-Webhooks/1")
                .build();
    }

    AttemptResult send(WebhookEndpoint endpoint, String webhookId, long timestamp, String signature, String body) {
        long started = System.nanoTime();
        URI uri = URI.create(endpoint.url());
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"https".equals(scheme) && !endpoint.localTargetsAllowed()) {
            return AttemptResult.failed("refused: only https URLs are delivered to", 0);
        }
        String host = WebhookUrl.host(endpoint.url());
        List<InetAddress> addresses = resolver.resolve(host);
        Optional<String> refusal = TargetPolicy.refusal(host, addresses, endpoint.localTargetsAllowed());
        if (refusal.isPresent()) {
            return AttemptResult.failed("refused: " + refusal.get(), elapsedMs(started));
        }
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        HttpHost target = new HttpHost(scheme, addresses.getFirst(), host, port);
        HttpPost request = new HttpPost(uri);
        request.setHeader("webhook-id", webhookId);
        request.setHeader("webhook-timestamp", Long.toString(timestamp));
        request.setHeader("webhook-signature", signature);
        request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        try (ClassicHttpResponse response = client.executeOpen(target, request, null)) {
            Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
            AttemptResult result = AttemptResult.answered(response.getCode(), elapsedMs(started),
                    RetryAfter.parse(retryAfter == null ? null : retryAfter.getValue(), clock.instant()));
            if (!skipShortBody(response)) {
                // a long answer is not read: the connection is dropped instead
                request.cancel();
            }
            return result;
        } catch (IOException | RuntimeException e) {
            return AttemptResult.failed(describe(e), elapsedMs(started));
        }
    }

    /**
     * Reads what little a receiver answers, so that the connection can serve the next attempt; a longer
     * body is not waited for: the connection is closed instead (nothing in it is used).
     */
    private static boolean skipShortBody(ClassicHttpResponse response) {
        if (response.getEntity() == null) {
            return true;
        }
        try {
            var in = response.getEntity().getContent();
            byte[] buffer = new byte[4096];
            long read = 0;
            int n;
            while ((n = in.read(buffer)) != -1) {
                read += n;
                if (read > MAX_ANSWER_BODY) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String describe(Exception e) {
        String kind = switch (e) {
            case org.apache.hc.client5.http.ConnectTimeoutException t -> "connect timed out";
            case java.net.SocketTimeoutException t -> "timed out";
            case org.apache.hc.client5.http.HttpHostConnectException c -> "connection refused";
            case javax.net.ssl.SSLException s -> "TLS failed";
            default -> "failed";
        };
        return kind + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    private static long elapsedMs(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Override
    public void destroy() throws IOException {
        client.close();
    }

    /** The client is always given the checked address: a lookup of its own would be a second one. */
    private static final class NoLookups implements org.apache.hc.client5.http.DnsResolver {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            throw new UnknownHostException("webhook deliveries connect to the address that was checked");
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            throw new UnknownHostException("webhook deliveries connect to the address that was checked");
        }
    }
}
