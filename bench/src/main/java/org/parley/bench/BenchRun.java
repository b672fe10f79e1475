package org.parley.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

import org.parley.local.DemoTokens;
import org.parley.local.PlatformProfile;
import org.parley.local.ParleyPlatform;

/**
 * What every scenario of one bench run works with: the platform the bench started, how long to
 * measure, one HTTP client, the demo users' tokens, the report, where profiles go, and the
 * figures one scenario leaves for a later one (the capacity a soak runs at half of).
 */
public final class BenchRun {

    private final ParleyPlatform platform;
    private final PlatformProfile profile;
    private final Mode mode;
    private final Report report;
    private final Path outputDir;
    private final Http http = new Http();
    private final DemoTokens tokens;
    private final Map<String, Double> figures = new ConcurrentHashMap<>();

    public BenchRun(ParleyPlatform platform, PlatformProfile profile, Mode mode, Report report, Path outputDir) {
        this.platform = platform;
        this.profile = profile;
        this.mode = mode;
        this.report = report;
        this.outputDir = outputDir;
        this.tokens = new DemoTokens(platform.tokenEndpoint());
    }

    public ParleyPlatform platform() {
        return platform;
    }

    public PlatformProfile profile() {
        return profile;
    }

    public Mode mode() {
        return mode;
    }

    public Report report() {
        return report;
    }

    /** Where profiles and other files of this run go. */
    public Path outputDir() {
        return outputDir;
    }

    public Http http() {
        return http;
    }

    public DemoTokens tokens() {
        return tokens;
    }

    /** A service's own HTTP port, beside the gateway. */
    public URI direct(String service, String path) {
        return platform.directUrl(service).resolve(path);
    }

    /** Through the gateway, as every client outside the platform calls. */
    public URI gateway(String path) {
        return platform.gatewayUrl().resolve(path);
    }

    public void remember(String figure, double value) {
        figures.put(figure, value);
    }

    public OptionalDouble recall(String figure) {
        Double value = figures.get(figure);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
