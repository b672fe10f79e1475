package org.parley.local;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs the whole platform on one machine without containers: PostgreSQL (embedded unless
 * {@code PARLEY_DB_URL} names one), a mail server, Keycloak with the {@code parley} realm, the
 * three services, the portal and the gateway, each as its own process with its log in one folder.
 * What the processes are is {@link Topology}; this class starts, watches and stops them.
 *
 * <p>As a program ({@link Launcher}) it prints where to go and runs until Ctrl-C. As a
 * library ({@link #start}) it gives the system tests the URLs, single-process
 * {@link #stop(String)}/{@link #start(String)}, and {@link #close()}, which leaves no
 * process behind.
 */
public final class ParleyPlatform implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /** Second instances listen ten ports above the first: 8092 and 9092 beside request-service's 8082 and 9082. */
    private static final int SECOND_INSTANCE_OFFSET = 10;
    /** Every Java process of the platform's own gets these, beside its {@link PlatformProfile}'s. */
    private static final List<String> COMMON_JVM_FLAGS = List.of("--enable-native-access=ALL-UNNAMED");
    private static final Pattern STARTED = Pattern.compile("Started \\S+ in [0-9.]+ seconds \\(process running for ([0-9.]+)\\)");

    private final Options options;
    private final Object lock = new Object();
    private final Map<String, ManagedProcess> processes = new LinkedHashMap<>();
    private final Map<String, Duration> readyAfter = new LinkedHashMap<>();
    private Database database;
    private MachineLock machineLock;
    private boolean closed;

    ParleyPlatform(Options options) {
        this.options = options;
    }

    /**
     * Starts everything and returns once every process is ready. On failure whatever was
     * started is stopped again and a {@link StartupException} says what went wrong.
     */
    public static ParleyPlatform start(Options options) {
        ParleyPlatform platform = new ParleyPlatform(options);
        try {
            platform.startAll();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    // ---- what callers need ------------------------------------------------------------------

    /** The public entry, e.g. {@code http://localhost:8080}. */
    public URI gatewayUrl() {
        return Topology.gatewayUrl();
    }

    /** Where people go: the portal's home page through the gateway, {@code http://localhost:8080/}. */
    public URI portalUrl() {
        return gatewayUrl().resolve("/");
    }

    public URI keycloakUrl() {
        return Topology.keycloakUrl();
    }

    /**
     * The mail server's HTTP API, {@code http://127.0.0.1:8025}: what Keycloak sent to an address is
     * at {@code /api/user/{address}/messages/INBOX}.
     */
    public URI mailApiUrl() {
        return Topology.mailApiUrl();
    }

    /** Drops every mail the mail server holds, if it runs: it keeps them in memory (see {@link MailProcess}). */
    public void purgeMail() {
        if (isRunning(Topology.MAIL)) {
            MailProcess.purge();
        }
    }

    /** The issuer of the access tokens, {@code http://localhost:8180/realms/parley}. */
    public String issuer() {
        return Topology.issuer();
    }

    public URI tokenEndpoint() {
        return URI.create(issuer() + "/protocol/openid-connect/token");
    }

    /** How to reach a process directly, beside the gateway, e.g. {@code http://127.0.0.1:8082} for request-service. */
    public URI directUrl(String name) {
        return URI.create("http://" + Topology.LOOPBACK + ":" + Topology.portsOf(name)[0]);
    }

    /** A login to the database of a service, for tests that count or change rows behind its back. */
    public record DatabaseLogin(String url, String user, String password) {}

    public DatabaseLogin database(String service) {
        synchronized (lock) {
            if (database == null) {
                throw new IllegalStateException("the database is not started");
            }
            return new DatabaseLogin(database.jdbcUrl(Topology.databaseOf(service)), database.user(), database.password());
        }
    }

    /** Keycloak's master-realm administrator of this throw-away platform: user name and password. */
    public Map.Entry<String, String> keycloakAdministrator() {
        return Map.entry(KeycloakProcess.ADMIN, KeycloakProcess.ADMIN_PASSWORD);
    }

    public Path logDir() {
        return options.logDir();
    }

    /** The repository the platform runs from (its jars, its realm, its migrations). */
    public Path repoRoot() {
        return options.repoRoot();
    }

    public Path logFile(String name) {
        return options.logDir().resolve(name + ".log");
    }

    /** How long each process took from launch to ready, in start order. */
    public Map<String, Duration> readyAfter() {
        synchronized (lock) {
            return Map.copyOf(readyAfter);
        }
    }

    /** Process ids of the running processes (the launcher's children), by name. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        synchronized (lock) {
            processes.forEach((name, p) -> p.process().filter(Process::isAlive).ifPresent(q -> pids.put(name, q.pid())));
        }
        return pids;
    }

    public boolean isRunning(String name) {
        synchronized (lock) {
            ManagedProcess p = processes.get(name);
            return p != null && p.alive();
        }
    }

    /** Stops one process (a service, the portal, the gateway or Keycloak) and its descendants. */
    public void stop(String name) {
        ManagedProcess p;
        synchronized (lock) {
            p = processes.get(name);
        }
        if (p == null) {
            throw new IllegalArgumentException("no process named " + name + "; known: " + processes.keySet());
        }
        say("stopping " + name);
        p.stop(STOP_GRACE);
    }

    /** Kills one process and its descendants at once (SIGKILL), as a crash would: nothing is shut down cleanly. */
    public void kill(String name) {
        ManagedProcess p;
        synchronized (lock) {
            p = processes.get(name);
        }
        if (p == null) {
            throw new IllegalArgumentException("no process named " + name + "; known: " + processes.keySet());
        }
        say("killing " + name);
        p.kill();
    }

    /**
     * Takes PostgreSQL away from the running services for a few seconds and gives it back (see
     * {@link Database#interrupt}); answers what was done.
     */
    public String interruptDatabase() {
        Database db;
        synchronized (lock) {
            db = database;
        }
        say("taking " + db + " away from the services");
        long started = System.nanoTime();
        String done = db.interrupt(Topology.databases(), Duration.ofSeconds(5));
        say("PostgreSQL is back (" + done + ", " + seconds(System.nanoTime() - started) + ")");
        return done;
    }

    /** Starts one stopped process again with the same settings and waits until it is ready. */
    public void start(String name) {
        ManagedProcess p;
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the platform is closed");
            }
            p = processes.get(name);
            if (p == null) {
                throw new IllegalArgumentException("no process named " + name + "; known: " + processes.keySet());
            }
            Preflight.requirePortsFree(Map.of(name, Topology.allPortsOf(name)));
            p.launch();
        }
        long started = System.nanoTime();
        p.awaitReady(Topology.KEYCLOAK.equals(name) ? options.keycloakTimeout() : options.serviceTimeout());
        say(name + " is ready again (" + seconds(System.nanoTime() - started) + ")");
    }

    /**
     * Starts another process of an HTTP-only process ({@code portal}) on {@code port}, with the
     * same settings and database as the first, and waits until it is ready: how a deployment
     * scales the portal out. It is named {@code <name>-2} and stopped with the platform.
     *
     * @return where the new instance answers, e.g. {@code http://localhost:8085}
     */
    public URI startSecondInstance(String name, int port) {
        return startInstance(name, name + "-2", port, Map.of());
    }

    /**
     * Starts another process of an HTTP-only process (the portal, the gateway) named
     * {@code instance} on {@code port}, with the same settings as the first and {@code extra} in
     * its environment (a gateway in front of other upstreams, say), and waits until it is ready.
     * It is stopped with the platform, or before by {@link #stopInstance}.
     */
    public URI startInstance(String name, String instance, int port, Map<String, String> extra) {
        if (Topology.portsOf(name).length != 1) {
            throw new IllegalArgumentException(name + " listens on more than one port; only HTTP-only processes scale here");
        }
        ManagedProcess p;
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the platform is closed");
            }
            if (processes.containsKey(instance)) {
                throw new IllegalStateException(instance + " is already started");
            }
            Preflight.requirePortsFree(Map.of(instance, new int[] {port, Topology.managementPort(port)}));
            Path jar = Preflight.serviceJars(options.repoRoot(), List.of(name)).get(name);
            p = service(name, instance, port, 0, jar, Path.of(System.getProperty("java.home")), extra);
            say("starting " + instance + " on port " + port);
            processes.put(instance, p);
            p.launch();
        }
        long started = System.nanoTime();
        p.awaitReady(options.serviceTimeout());
        say(instance + " ready (" + seconds(System.nanoTime() - started) + ")");
        return URI.create("http://localhost:" + port);
    }

    /** Stops an instance of {@link #startInstance} and forgets it. */
    public void stopInstance(String instance) {
        ManagedProcess p;
        synchronized (lock) {
            p = processes.remove(instance);
        }
        if (p != null) {
            say("stopping " + instance);
            p.stop(STOP_GRACE);
        }
    }

    /**
     * A second instance of each service ({@code <service>-2}, HTTP and gRPC ports ten above the
     * first's), then the gateway started again with both instances of each behind its load
     * balancer: how a deployment runs them. The services call each other's first instance over
     * gRPC. {@link #scaleIn()} undoes it.
     */
    public void scaleOut() {
        Path javaHome = Path.of(System.getProperty("java.home"));
        List<ManagedProcess> started = new ArrayList<>();
        Map<String, String> gatewayInstances = new LinkedHashMap<>();
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the platform is closed");
            }
            Map<String, Path> jars = Preflight.serviceJars(options.repoRoot(), Topology.BACKEND_SERVICES);
            for (String name : Topology.BACKEND_SERVICES) {
                String second = name + "-2";
                if (processes.containsKey(second)) {
                    throw new IllegalStateException(second + " is already started");
                }
                int[] ports = Topology.portsOf(name);
                int http = ports[0] + SECOND_INSTANCE_OFFSET;
                int grpc = ports[1] + SECOND_INSTANCE_OFFSET;
                Preflight.requirePortsFree(Map.of(second, new int[] {http, grpc, Topology.managementPort(http)}));
                ManagedProcess p = service(name, second, http, grpc, jars.get(name), javaHome, Map.of());
                say("starting " + second + " on ports " + http + " and " + grpc);
                processes.put(second, p);
                p.launch();
                started.add(p);
                gatewayInstances.put(Topology.gatewayInstancesVariable(name),
                        directUrl(name) + ",http://" + Topology.LOOPBACK + ":" + http);
            }
        }
        long t0 = System.nanoTime();
        for (ManagedProcess p : started) {
            awaitReady(p, options.serviceTimeout(), t0);
        }
        restartGateway(gatewayInstances);
    }

    /** Stops the second instances of {@link #scaleOut()} and gives the gateway back its single upstreams. */
    public void scaleIn() {
        List<ManagedProcess> seconds = new ArrayList<>();
        synchronized (lock) {
            for (String name : Topology.BACKEND_SERVICES) {
                ManagedProcess p = processes.remove(name + "-2");
                if (p != null) {
                    seconds.add(p);
                }
            }
        }
        restartGateway(Map.of());
        seconds.forEach(p -> p.stop(STOP_GRACE));
    }

    private void restartGateway(Map<String, String> extra) {
        ManagedProcess old;
        synchronized (lock) {
            old = processes.get(Topology.GATEWAY);
        }
        if (old == null) {
            throw new IllegalStateException("the gateway is not part of this platform");
        }
        say("restarting the gateway" + (extra.isEmpty() ? "" : " with " + extra));
        old.stop(STOP_GRACE);
        Path jar = Preflight.serviceJars(options.repoRoot(), List.of(Topology.GATEWAY)).get(Topology.GATEWAY);
        ManagedProcess gateway = service(Topology.GATEWAY, Topology.GATEWAY, Topology.portsOf(Topology.GATEWAY)[0], 0, jar,
                Path.of(System.getProperty("java.home")), extra);
        synchronized (lock) {
            processes.put(Topology.GATEWAY, gateway);
            gateway.launch();
        }
        long t0 = System.nanoTime();
        awaitReady(gateway, options.serviceTimeout(), t0);
    }

    /** What a platform process took to start, and how it was started. */
    public record StartTime(String name, boolean startupCache, Duration jvmToStarted, Duration launchToReady) {}

    /**
     * Stops a service, the portal or the gateway and starts it again, with the JDK's startup
     * cache ({@link #startupCacheKind()}; trained first by a run that exits after the context
     * refresh, when there is none for this jar) or without one. Needs a profile that runs
     * the jar extracted. Answers the JVM's age when the application logged it had started, and
     * the time from launch until the readiness URL answered.
     */
    public StartTime restart(String name, boolean withStartupCache) {
        return restart(name, withStartupCache, List.of());
    }

    /** As {@link #restart(String, boolean)}, with {@code jvmFlags} added to this start only (a profiler agent, say). */
    public StartTime restart(String name, boolean withStartupCache, List<String> jvmFlags) {
        if (!options.profile().extracted()) {
            throw new IllegalStateException("a startup cache applies to extracted jars: start with PlatformProfile.PRODUCTION");
        }
        ManagedProcess old;
        synchronized (lock) {
            old = processes.get(name);
        }
        if (old == null || Topology.KEYCLOAK.equals(name)) {
            throw new IllegalArgumentException("no platform process named " + name + "; known: " + processes.keySet());
        }
        old.stop(STOP_GRACE);
        Path javaHome = Path.of(System.getProperty("java.home"));
        Path jar = Preflight.serviceJars(options.repoRoot(), List.of(name)).get(name);
        StartupCache cache = startupCache(name);
        List<String> flags = List.of();
        if (withStartupCache) {
            if (!cache.usableFor(jar)) {
                say("training the startup cache of " + name + " (" + cache.file().getFileName() + ")");
                ManagedProcess training = service(name, name, Topology.portsOf(name)[0], 0, jar, javaHome, Map.of(),
                        cache.trainingFlags());
                training.launch();
                training.awaitExit(options.serviceTimeout());
                if (!cache.usableFor(jar)) {
                    throw new StartupException("training the startup cache of " + name + " wrote no " + cache.file()
                            + "; its log: " + training.logFile() + "\n" + training.tail(30));
                }
            }
            flags = cache.useFlags();
        }
        flags = Stream.concat(flags.stream(), jvmFlags.stream()).toList();
        ManagedProcess fresh = service(name, name, Topology.portsOf(name)[0], 0, jar, javaHome, Map.of(), flags);
        long launched = System.nanoTime();
        synchronized (lock) {
            processes.put(name, fresh);
            fresh.launch();
        }
        fresh.awaitReady(options.serviceTimeout());
        Duration toReady = Duration.ofNanos(System.nanoTime() - launched);
        return new StartTime(name, withStartupCache, startedAfter(fresh.logFile()), toReady);
    }

    /** Which startup cache this JDK has: the AOT cache (JDK 25 and later) or a CDS archive. */
    public static String startupCacheKind() {
        return StartupCache.kind();
    }

    /** The JVM's age at "Started ... (process running for N)" in the last start of a log. */
    private static Duration startedAfter(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                Matcher m = STARTED.matcher(lines.get(i));
                if (m.find()) {
                    return Duration.ofMillis(Math.round(Double.parseDouble(m.group(1)) * 1000));
                }
            }
            throw new StartupException("no start line in " + log);
        } catch (IOException e) {
            throw new StartupException("cannot read " + log + ": " + e.getMessage(), e);
        }
    }

    /**
     * The memory each running process holds, in bytes: the proportional set size (shared pages
     * split between the processes that share them) of the process and its descendants, by name;
     * the embedded PostgreSQL with all its backends as {@code postgresql}.
     */
    public Map<String, Long> memory() {
        Map<String, Long> bytes = new LinkedHashMap<>();
        roots().forEach((name, root) -> bytes.put(name, ProcessUsage.proportionalSetSize(root)));
        return bytes;
    }

    /**
     * The CPU time each running process (with its descendants; PostgreSQL as {@code postgresql})
     * has spent so far, in nanoseconds: two readings around a load tell which process worked.
     */
    public Map<String, Long> cpuTime() {
        Map<String, Long> nanos = new LinkedHashMap<>();
        roots().forEach((name, root) -> nanos.put(name, ProcessUsage.cpuNanos(root)));
        return nanos;
    }

    private Map<String, ProcessHandle> roots() {
        Map<String, ProcessHandle> roots = new LinkedHashMap<>();
        synchronized (lock) {
            processes.forEach((name, p) -> p.process().filter(Process::isAlive)
                    .ifPresent(q -> roots.put(name, q.toHandle())));
            if (database != null) {
                database.postmaster().ifPresent(pid -> roots.put("postgresql", pid));
            }
        }
        return roots;
    }

    /** Stops every process this platform started, Keycloak, the mail server and the embedded PostgreSQL too. */
    @Override
    public void close() {
        List<ManagedProcess> toStop;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            toStop = new ArrayList<>(processes.values());
        }
        Collections.reverse(toStop);
        // the services first, together, then Keycloak, then the mail server it sends through, then the database
        List<String> last = List.of(Topology.KEYCLOAK, Topology.MAIL);
        List<Thread> stoppers = new ArrayList<>();
        for (ManagedProcess p : toStop) {
            if (!last.contains(p.name())) {
                stoppers.add(Thread.ofPlatform().start(() -> p.stop(STOP_GRACE)));
            }
        }
        stoppers.forEach(ParleyPlatform::join);
        for (String name : last) {
            toStop.stream().filter(p -> name.equals(p.name())).forEach(p -> p.stop(STOP_GRACE));
        }
        if (database != null) {
            database.close();
        }
        if (machineLock != null) {
            machineLock.close();
        }
        say("stopped");
    }

    // ---- starting -----------------------------------------------------------------------------

    void startAll() {
        long t0 = System.nanoTime();
        synchronized (lock) {
            machineLock = MachineLock.acquire(Path.of(System.getProperty("java.io.tmpdir"), "parley-platform.lock"));
        }
        Path javaHome = Path.of(System.getProperty("java.home"));
        Map<String, Path> jars = Preflight.serviceJars(options.repoRoot(), options.services());
        KeycloakProcess keycloak = KeycloakProcess.locate(options.repoRoot());
        MailProcess mail = MailProcess.locate(options.repoRoot());
        Map<String, int[]> ports = new LinkedHashMap<>();
        ports.put(Topology.MAIL, Topology.portsOf(Topology.MAIL));
        ports.put(Topology.KEYCLOAK, Topology.portsOf(Topology.KEYCLOAK));
        options.services().forEach(name -> ports.put(name, Topology.allPortsOf(name)));
        Preflight.requirePortsFree(ports);
        Preflight.prepareLogDir(options.logDir(),
                Stream.concat(Stream.of(Topology.MAIL, Topology.KEYCLOAK), options.services().stream())
                        .map(this::logFile).toList());

        // the mail server first: it is up in a second, and Keycloak may send mail as soon as it is
        ManagedProcess mailProcess = mail.prepare(javaHome, options.repoRoot(), logFile(Topology.MAIL));
        launch(mailProcess);

        say("starting Keycloak (" + keycloak.home().getFileName() + "; its first start builds itself, about a minute)");
        // the embedded database is always new, so Keycloak must forget the users of older runs too
        boolean forgetOldData = options.freshData() || options.externalDbUrl() == null;
        ManagedProcess keycloakProcess = keycloak.prepare(forgetOldData, javaHome, logFile(Topology.KEYCLOAK));
        launch(keycloakProcess);

        database = Database.start(options);
        boolean freshDatabases = options.freshData() || database.embedded();
        database.prepare(Topology.databases(), freshDatabases);
        if (freshDatabases) {
            // checkpoints sign a chain that is gone with its database
            Preflight.emptyDirectory(auditCheckpoints());
        }
        say("PostgreSQL ready: " + database + " (" + seconds(System.nanoTime() - t0) + ")");

        awaitReady(mailProcess, options.serviceTimeout(), t0);
        awaitReady(keycloakProcess, options.keycloakTimeout(), t0);

        for (List<String> wave : Topology.waves(options.services())) {
            List<ManagedProcess> started = new ArrayList<>();
            for (String name : wave) {
                ManagedProcess p = service(name, jars.get(name), javaHome);
                say("starting " + name);
                launch(p);
                started.add(p);
            }
            for (ManagedProcess p : started) {
                awaitReady(p, options.serviceTimeout(), t0);
            }
        }
        say("all ready in " + seconds(System.nanoTime() - t0));
    }

    private void launch(ManagedProcess p) {
        synchronized (lock) {
            if (closed) {
                throw new StartupException("stopped while starting");
            }
            processes.put(p.name(), p);
            p.launch();
        }
    }

    private void awaitReady(ManagedProcess p, Duration timeout, long t0) {
        long started = System.nanoTime();
        p.awaitReady(timeout);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        synchronized (lock) {
            readyAfter.put(p.name(), took);
        }
        say(p.name() + " ready (" + seconds(took.toNanos()) + "; " + seconds(System.nanoTime() - t0) + " since start)");
    }

    private ManagedProcess service(String name, Path jar, Path javaHome) {
        return service(name, name, Topology.portsOf(name)[0], jar, javaHome);
    }

    private ManagedProcess service(String name, String processName, int httpPort, Path jar, Path javaHome) {
        return service(name, processName, httpPort, 0, jar, javaHome, Map.of());
    }

    /** A process of {@code name}; a {@code grpcPort} of 0 keeps the usual one, {@code extra} is added to its environment. */
    private ManagedProcess service(String name, String processName, int httpPort, int grpcPort, Path jar, Path javaHome,
            Map<String, String> extra) {
        return service(name, processName, httpPort, grpcPort, jar, javaHome, extra, List.of());
    }

    /** As above, with {@code moreFlags} for the JVM (a startup cache's). */
    private ManagedProcess service(String name, String processName, int httpPort, int grpcPort, Path jar, Path javaHome,
            Map<String, String> extra, List<String> moreFlags) {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin/java").toString());
        command.addAll(COMMON_JVM_FLAGS);
        command.addAll(options.profile().jvmFlags());
        command.addAll(moreFlags);
        command.add("-jar");
        command.add(runnableJar(name, jar, javaHome).toString());

        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_HOME", javaHome.toString());
        env.putAll(Topology.environment(name, database));
        env.putAll(options.settings());
        if (Topology.BACKEND_SERVICES.contains(name)) {
            env.put("PARLEY_AUDIT_CHECKPOINTS_DIR", auditCheckpoints().toString());
        }
        env.put("SERVER_PORT", Integer.toString(httpPort));
        env.put("MANAGEMENT_SERVER_PORT", Integer.toString(Topology.managementPort(httpPort)));
        if (grpcPort != 0) {
            env.put("SPRING_GRPC_SERVER_PORT", Integer.toString(grpcPort));
        }
        env.putAll(extra);
        return new ManagedProcess(processName, command, env, options.repoRoot(), logFile(processName),
                Topology.readiness(name, httpPort));
    }

    /** The jar a process runs: as built, or extracted when the profile says so. */
    private Path runnableJar(String name, Path jar, Path javaHome) {
        return options.profile().extracted()
                ? ExtractedJar.of(jar, options.repoRoot().resolve("target/parley-extracted").resolve(name), javaHome)
                : jar;
    }

    private StartupCache startupCache(String name) {
        return new StartupCache(options.repoRoot().resolve("target/parley-startup-cache"), name);
    }

    /** Where the services keep their audit chains' signed checkpoints: beside the logs, one file per instance. */
    private Path auditCheckpoints() {
        return options.logDir().resolveSibling("parley-audit-checkpoints");
    }

    /** Tells when a process dies on its own while the platform runs. */
    void watch() {
        synchronized (lock) {
            processes.values().forEach(p -> p.process().ifPresent(process -> process.onExit().thenAccept(gone -> {
                boolean expected;
                synchronized (lock) {
                    expected = closed;
                }
                if (!expected && !p.alive()) {
                    say(p.name() + " exited with code " + gone.exitValue() + "; its log: " + p.logFile());
                }
            })));
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    static void say(String message) {
        System.out.println("[parley " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
    }
}
