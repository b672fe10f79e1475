package org.parley.e2e.support;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A collector in the test's own process: answers OTLP over HTTP ({@code POST /v1/traces}) on
 * 127.0.0.1 and keeps the spans it is sent, the newest {@value #KEPT} of them. The platform's
 * processes are started with {@code OTEL_EXPORTER_OTLP_ENDPOINT} pointing here. The protobuf is read
 * field by field (opentelemetry-proto's field numbers), without its generated classes.
 */
public final class OtlpReceiver implements AutoCloseable {

    private static final int KEPT = 200_000;
    private static final HexFormat HEX = HexFormat.of();

    /** The span kinds of opentelemetry-proto's {@code Span.SpanKind}. */
    public enum Kind { UNSPECIFIED, INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER }

    /** One span as received: which process sent it, its ids, name and kind. */
    public record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, Kind kind) {}

    private final HttpServer server;
    private final Deque<ReceivedSpan> spans = new ArrayDeque<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    /** Listening on a free port of 127.0.0.1. */
    public static OtlpReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/v1/traces", receiver::receive);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the OTLP receiver", e);
        }
    }

    /** What {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set to, e.g. {@code http://127.0.0.1:41234}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The spans of one trace received so far. */
    public synchronized List<ReceivedSpan> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            try {
                keep(body);
            } catch (InvalidProtocolBufferException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            // an empty ExportTraceServiceResponse: everything accepted
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private void keep(byte[] body) throws InvalidProtocolBufferException {
        // ExportTraceServiceRequest: 1 resource_spans
        for (ByteString resourceSpans : fields(UnknownFieldSet.parseFrom(body), 1)) {
            UnknownFieldSet resourceAndScopes = UnknownFieldSet.parseFrom(resourceSpans);
            String service = serviceName(resourceAndScopes);
            // ResourceSpans: 2 scope_spans; ScopeSpans: 2 spans
            for (ByteString scopeSpans : fields(resourceAndScopes, 2)) {
                for (ByteString span : fields(UnknownFieldSet.parseFrom(scopeSpans), 2)) {
                    keep(service, UnknownFieldSet.parseFrom(span));
                }
            }
        }
    }

    /** Span: 1 trace_id, 2 span_id, 4 parent_span_id, 5 name, 6 kind. */
    private synchronized void keep(String service, UnknownFieldSet span) {
        UnknownFieldSet.Field kind = span.getField(6);
        int kindNumber = kind.getVarintList().isEmpty() ? 0 : kind.getVarintList().getFirst().intValue();
        spans.addLast(new ReceivedSpan(service, hex(span, 1), hex(span, 2), hex(span, 4), text(span, 5),
                Kind.values()[Math.min(kindNumber, Kind.values().length - 1)]));
        while (spans.size() > KEPT) {
            spans.removeFirst();
        }
    }

    /** ResourceSpans: 1 resource; Resource: 1 attributes; KeyValue: 1 key, 2 value; AnyValue: 1 string_value. */
    private static String serviceName(UnknownFieldSet resourceSpans) throws InvalidProtocolBufferException {
        for (ByteString resource : fields(resourceSpans, 1)) {
            for (ByteString attribute : fields(UnknownFieldSet.parseFrom(resource), 1)) {
                UnknownFieldSet keyValue = UnknownFieldSet.parseFrom(attribute);
                if ("service.name".equals(text(keyValue, 1))) {
                    for (ByteString value : fields(keyValue, 2)) {
                        return text(UnknownFieldSet.parseFrom(value), 1);
                    }
                }
            }
        }
        return "";
    }

    private static List<ByteString> fields(UnknownFieldSet message, int number) {
        return message.hasField(number) ? message.getField(number).getLengthDelimitedList() : List.of();
    }

    private static String text(UnknownFieldSet message, int number) {
        List<ByteString> values = fields(message, number);
        return values.isEmpty() ? "" : values.getFirst().toStringUtf8();
    }

    private static String hex(UnknownFieldSet message, int number) {
        List<ByteString> values = fields(message, number);
        return values.isEmpty() ? "" : HEX.formatHex(values.getFirst().toByteArray());
    }
}
