package org.parley.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * Runs the whole platform on one machine without containers: PostgreSQL (embedded unless
 * {@code PARLEY_DB_URL} names one), Keycloak with the {@code parley} realm, the three
 * services, the portal and the gateway, each as its own process with its log in one folder.
 *
 * <p>As a program ({@link #main}) it prints where to go and runs until Ctrl-C. As a
 * library ({@link #start}) it gives the system tests the URLs, single-process
 * {@link #stop(String)}/{@link #start(String)}, and {@link #close()}, which leaves no
 * process behind.
 */
public final class ParleyPlatform implements AutoCloseable {

    public static final String STAKEHOLDER_SERVICE = "stakeholder-service";
    public static final String REQUEST_SERVICE = "request-service";
    public static final String APPEAL_SERVICE = "appeal-service";
    public static final String PORTAL = "portal";
    public static final String GATEWAY = "gateway";
    public static final String KEYCLOAK = "keycloak";
    /** The platform's own processes, in start order. */
    public static final List<String> SERVICES =
            List.of(STAKEHOLDER_SERVICE, REQUEST_SERVICE, APPEAL_SERVICE, PORTAL, GATEWAY);

    public static final int GATEWAY_PORT = 8080;
    public static final int PORTAL_PORT = 8084;
    public static final int KEYCLOAK_PORT = 8180;
    public static final String REALM = "parley";

    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final List<String> SERVICE_JVM_FLAGS = List.of(
            "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED");
    // dev-only credentials of Keycloak's master-realm administrator on a throw-away database
    private static final String KEYCLOAK_ADMIN = "bootstrap-admin";
    private static final String KEYCLOAK_ADMIN_PASSWORD = "bootstrap-admin-dev";
    // the portal's confidential client in the dev realm (deploy/keycloak/parley-realm.json)
    private static final String PORTAL_CLIENT_ID = "parley-portal";
    private static final String PORTAL_CLIENT_SECRET = "parley-portal-dev-secret";

    /** The fixed facts of one service process. */
    private record Service(String name, int httpPort, int grpcPort, String database, String readinessPath) {
    }

    private static final Map<String, Service> CATALOGUE = Map.of(
            STAKEHOLDER_SERVICE, new Service(STAKEHOLDER_SERVICE, 8081, 9081, "parley_stakeholder",
                    "/actuator/health/readiness"),
            REQUEST_SERVICE, new Service(REQUEST_SERVICE, 8082, 9082, "parley_request", "/actuator/health/readiness"),
            APPEAL_SERVICE, new Service(APPEAL_SERVICE, 8083, 9083, "parley_appeal", "/actuator/health/readiness"),
            PORTAL, new Service(PORTAL, PORTAL_PORT, 0, "parley_portal", "/actuator/health/readiness"),
            GATEWAY, new Service(GATEWAY, GATEWAY_PORT, 0, null, "/actuator/health"));

    private final Options options;
    private final Object lock = new Object();
    private final Map<String, ManagedProcess> processes = new LinkedHashMap<>();
    private final Map<String, Duration> readyAfter = new LinkedHashMap<>();
    private Database database;
    private MachineLock machineLock;
    private boolean closed;

    private ParleyPlatform(Options options) {
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
        return URI.create("http://localhost:" + GATEWAY_PORT);
    }

    /** Where people go: the portal's home page through the gateway, {@code http://localhost:8080/}. */
    public URI portalUrl() {
        return gatewayUrl().resolve("/");
    }

    public URI keycloakUrl() {
        return URI.create("http://localhost:" + KEYCLOAK_PORT);
    }

    /** The issuer of the access tokens, {@code http://localhost:8180/realms/parley}. */
    public String issuer() {
        return keycloakUrl() + "/realms/" + REALM;
    }

    public URI tokenEndpoint() {
        return URI.create(issuer() + "/protocol/openid-connect/token");
    }

    public Path logDir() {
        return options.logDir();
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
            requirePortsFree(Map.of(name, portsOf(name)));
            p.launch();
        }
        long started = System.nanoTime();
        p.awaitReady(KEYCLOAK.equals(name) ? options.keycloakTimeout() : options.serviceTimeout());
        say(name + " is ready again (" + seconds(System.nanoTime() - started) + ")");
    }

    /** Stops every process this platform started, Keycloak and the embedded PostgreSQL too. */
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
        // the services first, together, then Keycloak, then the database
        List<Thread> stoppers = new ArrayList<>();
        for (ManagedProcess p : toStop) {
            if (!KEYCLOAK.equals(p.name())) {
                stoppers.add(Thread.ofPlatform().start(() -> p.stop(STOP_GRACE)));
            }
        }
        stoppers.forEach(ParleyPlatform::join);
        toStop.stream().filter(p -> KEYCLOAK.equals(p.name())).forEach(p -> p.stop(STOP_GRACE));
        if (database != null) {
            database.close();
        }
        if (machineLock != null) {
            machineLock.close();
        }
        say("stopped");
    }

    // ---- starting -----------------------------------------------------------------------------

    private void startAll() {
        long t0 = System.nanoTime();
        synchronized (lock) {
            machineLock = MachineLock.acquire(Path.of(System.getProperty("java.io.tmpdir"), "parley-platform.lock"));
        }
        Path javaHome = Path.of(System.getProperty("java.home"));
        Map<String, Path> jars = new LinkedHashMap<>();
        for (String name : options.services()) {
            jars.put(name, jarOf(name));
        }
        Path keycloakHome = keycloakHome();
        Path realm = options.repoRoot().resolve("deploy/keycloak/parley-realm.json");
        if (!Files.isRegularFile(realm)) {
            throw new StartupException("the realm file is missing: " + realm);
        }
        Map<String, int[]> ports = new LinkedHashMap<>();
        ports.put(KEYCLOAK, new int[] {KEYCLOAK_PORT});
        options.services().forEach(name -> ports.put(name, portsOf(name)));
        requirePortsFree(ports);
        prepareLogDir();

        say("starting Keycloak (" + keycloakHome.getFileName() + "; its first start builds itself, about a minute)");
        ManagedProcess keycloak = keycloak(keycloakHome, realm, javaHome);
        launch(keycloak);

        database = Database.start(options);
        database.prepare(CATALOGUE.values().stream().map(Service::database).filter(d -> d != null).sorted().toList(),
                options.freshData() || database.embedded());
        say("PostgreSQL ready: " + database + " (" + seconds(System.nanoTime() - t0) + ")");

        awaitReady(keycloak, options.keycloakTimeout(), t0);

        for (List<String> wave : waves(options.services())) {
            List<ManagedProcess> started = new ArrayList<>();
            for (String name : wave) {
                ManagedProcess p = service(CATALOGUE.get(name), jars.get(name), javaHome);
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

    /**
     * stakeholder-service first; then request- and appeal-service together; the portal and the
     * gateway last, together (the portal calls the API only when a page is asked for).
     */
    private static List<List<String>> waves(List<String> services) {
        List<List<String>> waves = new ArrayList<>();
        for (List<String> wave : List.of(List.of(STAKEHOLDER_SERVICE), List.of(REQUEST_SERVICE, APPEAL_SERVICE),
                List.of(PORTAL, GATEWAY))) {
            List<String> present = wave.stream().filter(services::contains).toList();
            if (!present.isEmpty()) {
                waves.add(present);
            }
        }
        return waves;
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

    private ManagedProcess service(Service service, Path jar, Path javaHome) {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin/java").toString());
        command.addAll(SERVICE_JVM_FLAGS);
        command.add("-jar");
        command.add(jar.toString());

        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_HOME", javaHome.toString());
        env.put("SERVER_ADDRESS", LOOPBACK);
        env.put("SERVER_PORT", Integer.toString(service.httpPort()));
        env.put("KEYCLOAK_ISSUER_URI", issuer());
        if (GATEWAY.equals(service.name())) {
            env.put("STAKEHOLDER_URI", "http://" + LOOPBACK + ":" + CATALOGUE.get(STAKEHOLDER_SERVICE).httpPort());
            env.put("REQUEST_URI", "http://" + LOOPBACK + ":" + CATALOGUE.get(REQUEST_SERVICE).httpPort());
            env.put("APPEAL_URI", "http://" + LOOPBACK + ":" + CATALOGUE.get(APPEAL_SERVICE).httpPort());
            env.put("PORTAL_URI", "http://" + LOOPBACK + ":" + PORTAL_PORT);
        } else if (PORTAL.equals(service.name())) {
            env.put("SPRING_DATASOURCE_URL", database.jdbcUrl(service.database()));
            env.put("SPRING_DATASOURCE_USERNAME", database.user());
            env.put("SPRING_DATASOURCE_PASSWORD", database.password());
            // the public API, through the gateway, with the signed-in person's own token
            env.put("PARLEY_API_URI", "http://" + LOOPBACK + ":" + GATEWAY_PORT);
            env.put("PORTAL_CLIENT_ID", PORTAL_CLIENT_ID);
            env.put("PORTAL_CLIENT_SECRET", PORTAL_CLIENT_SECRET);
        } else {
            env.put("SPRING_GRPC_SERVER_PORT", Integer.toString(service.grpcPort()));
            env.put("SPRING_DATASOURCE_URL", database.jdbcUrl(service.database()));
            env.put("SPRING_DATASOURCE_USERNAME", database.user());
            env.put("SPRING_DATASOURCE_PASSWORD", database.password());
            env.put("STAKEHOLDER_GRPC_ADDRESS", "static://" + LOOPBACK + ":" + CATALOGUE.get(STAKEHOLDER_SERVICE).grpcPort());
            env.put("REQUEST_GRPC_ADDRESS", "static://" + LOOPBACK + ":" + CATALOGUE.get(REQUEST_SERVICE).grpcPort());
            env.put("APPEAL_GRPC_ADDRESS", "static://" + LOOPBACK + ":" + CATALOGUE.get(APPEAL_SERVICE).grpcPort());
            env.put("KEYCLOAK_URL", keycloakUrl().toString());
            // dev values of the realm's confidential clients (deploy/keycloak/parley-realm.json)
            env.put("KEYCLOAK_ADMIN_CLIENT_ID", "parley-stakeholder-admin");
            env.put("KEYCLOAK_ADMIN_CLIENT_SECRET", "parley-stakeholder-admin-dev-secret");
            env.put("SPRING_PROFILES_ACTIVE", "demo");
        }
        URI readiness = URI.create("http://" + LOOPBACK + ":" + service.httpPort() + service.readinessPath());
        return new ManagedProcess(service.name(), command, env, options.repoRoot(), logFile(service.name()), readiness);
    }

    private ManagedProcess keycloak(Path home, Path realm, Path javaHome) {
        try {
            Path data = home.resolve("data");
            // the embedded database is always new, so Keycloak must forget the users of older runs too
            if (options.freshData() || options.externalDbUrl() == null) {
                deleteTree(data.resolve("h2"));
            }
            Path imports = Files.createDirectories(data.resolve("import"));
            Files.copy(realm, imports.resolve("parley-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StartupException("cannot prepare Keycloak in " + home + ": " + e.getMessage(), e);
        }
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                "--http-port=" + KEYCLOAK_PORT, "--http-host=" + LOOPBACK, "--hostname=" + keycloakUrl(),
                "--cache=local");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_HOME", javaHome.toString());
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx384m");
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", KEYCLOAK_ADMIN);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", KEYCLOAK_ADMIN_PASSWORD);
        URI readiness = URI.create(issuer() + "/.well-known/openid-configuration");
        return new ManagedProcess(KEYCLOAK, command, env, home, logFile(KEYCLOAK), readiness);
    }

    private Path jarOf(String module) {
        Path target = options.repoRoot().resolve(module).resolve("target");
        Path jar = target.resolve(module + ".jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        throw new StartupException(module + " is not built: " + jar + " is missing. Build first: "
                + "./parley build (or ./mvnw -DskipTests install)");
    }

    private Path keycloakHome() {
        Path unpacked = options.repoRoot().resolve("deploy/local/target/keycloak");
        try (Stream<Path> dirs = Files.isDirectory(unpacked) ? Files.list(unpacked) : Stream.empty()) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("bin/kc.sh")))
                    .max(Comparator.naturalOrder())
                    .orElseThrow(() -> new StartupException("Keycloak is not unpacked in " + unpacked
                            + ". Build first: ./parley build (or ./mvnw -DskipTests -pl deploy/local package)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int[] portsOf(String name) {
        if (KEYCLOAK.equals(name)) {
            return new int[] {KEYCLOAK_PORT};
        }
        Service service = CATALOGUE.get(name);
        return service.grpcPort() == 0 ? new int[] {service.httpPort()}
                : new int[] {service.httpPort(), service.grpcPort()};
    }

    private static void requirePortsFree(Map<String, int[]> ports) {
        List<String> busy = new ArrayList<>();
        ports.forEach((name, numbers) -> Arrays.stream(numbers)
                .filter(port -> !free(port))
                .forEach(port -> busy.add(port + " (" + name + ")")));
        if (!busy.isEmpty()) {
            throw new StartupException("port(s) already in use on " + LOOPBACK + ": " + String.join(", ", busy)
                    + ". Is another Parley (or something else) running? Find it with: ss -ltnp");
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void prepareLogDir() {
        try {
            Files.createDirectories(options.logDir());
            for (String name : Stream.concat(Stream.of(KEYCLOAK), options.services().stream()).toList()) {
                Files.deleteIfExists(logFile(name));
            }
        } catch (IOException e) {
            throw new StartupException("cannot use the log folder " + options.logDir() + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
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

    // ---- the program ----------------------------------------------------------------------

    /**
     * Starts the platform, prints where to go, and runs until Ctrl-C. Arguments:
     * {@code --services=gateway,...} starts only those of the platform's own processes.
     */
    public static void main(String[] args) {
        Options options = Options.fromEnvironment();
        for (String arg : args) {
            if (arg.startsWith("--services=")) {
                options = options.withServices(List.of(arg.substring("--services=".length()).split(",")));
            } else {
                System.err.println("usage: ParleyPlatform [--services=" + String.join(",", SERVICES) + "]");
                System.exit(2);
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        ParleyPlatform platform = new ParleyPlatform(options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.close();
            stopped.countDown();
        }, "parley-shutdown"));
        try {
            platform.startAll();
        } catch (StartupException e) {
            System.err.println();
            System.err.println("[parley] cannot start: " + e.getMessage());
            platform.close();
            System.exit(1);
        }
        System.out.println(Banner.text(platform, options));
        platform.watch();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Tells when a process dies on its own while the platform runs. */
    private void watch() {
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
}
