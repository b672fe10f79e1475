package org.parley.local;

import java.util.List;

/**
 * How the platform runs on this machine: the JVM settings of its own Java processes (the
 * services, the portal, the gateway; Keycloak keeps its own), how their jars are laid out, and
 * whether the embedded PostgreSQL makes every commit durable.
 */
public enum PlatformProfile {

    /**
     * {@code ./parley run} and the system tests: quick to start and small. C1 only, Serial GC,
     * 256 MB heap, the application jar run as it was built; the embedded PostgreSQL without
     * fsync (its data is thrown away at the end anyway).
     */
    DEV("C1 only, Serial GC, -Xmx256m, fat jar; PostgreSQL fsync off",
            List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), false, false),

    /**
     * As a deployment runs: the services as the container image runs them (deploy/Dockerfile, a
     * 512 MiB limit in deploy/k8s) — the full tiered JIT (C1, then C2 for hot code), Serial GC with
     * the heap at 75 % of the limit — with the jar extracted as Spring Boot recommends for
     * deployments, which is what lets a JDK startup cache apply; and PostgreSQL with fsync,
     * full-page writes and synchronous commit on, so that an acknowledged write is on disk. A service
     * that runs out of heap exits, as the image's does: one that lived on had lost its HTTP acceptor
     * thread and answered nothing, while still looking alive.
     */
    PRODUCTION("tiered C1+C2, Serial GC, -Xmx384m, exit on OutOfMemoryError, extracted jar; PostgreSQL fsync and "
            + "synchronous_commit on", List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"), true, true);

    private final String description;
    private final List<String> jvmFlags;
    private final boolean extracted;
    private final boolean durableDatabase;

    PlatformProfile(String description, List<String> jvmFlags, boolean extracted, boolean durableDatabase) {
        this.description = description;
        this.jvmFlags = jvmFlags;
        this.extracted = extracted;
        this.durableDatabase = durableDatabase;
    }

    /** In a few words, for reports. */
    public String description() {
        return description;
    }

    /** The JVM options besides the ones every process gets. */
    public List<String> jvmFlags() {
        return jvmFlags;
    }

    /** Whether the jar runs extracted ({@code java -Djarmode=tools -jar app.jar extract}). */
    public boolean extracted() {
        return extracted;
    }

    /** Whether the embedded PostgreSQL syncs every commit to disk. */
    public boolean durableDatabase() {
        return durableDatabase;
    }
}
