package org.parley.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What must hold before anything is launched, each failing with a {@link StartupException}
 * that says how to fix it: the services are built, their ports are free, the log folder is usable.
 */
final class Preflight {

    private Preflight() {
    }

    /** The runnable jar of each service, by name. */
    static Map<String, Path> serviceJars(Path repoRoot, List<String> services) {
        Map<String, Path> jars = new LinkedHashMap<>();
        for (String name : services) {
            jars.put(name, jarOf(repoRoot, name));
        }
        return jars;
    }

    private static Path jarOf(Path repoRoot, String module) {
        Path jar = repoRoot.resolve(module).resolve("target").resolve(module + ".jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        throw new StartupException(module + " is not built: " + jar + " is missing. Build first: "
                + "./parley build (or ./mvnw -DskipTests install)");
    }

    /** Fails naming every port, and whose it is, that something else already listens on. */
    static void requirePortsFree(Map<String, int[]> ports) {
        List<String> busy = new ArrayList<>();
        ports.forEach((name, numbers) -> Arrays.stream(numbers)
                .filter(port -> !free(port))
                .forEach(port -> busy.add(port + " (" + name + ")")));
        if (!busy.isEmpty()) {
            throw new StartupException("port(s) already in use on " + Topology.LOOPBACK + ": " + String.join(", ", busy)
                    + ". Is another Parley (or something else) running? Find it with: ss -ltnp");
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(Topology.LOOPBACK), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Creates the log folder and removes the logs of an earlier run of these processes. */
    static void prepareLogDir(Path logDir, List<Path> logFiles) {
        try {
            Files.createDirectories(logDir);
            for (Path logFile : logFiles) {
                Files.deleteIfExists(logFile);
            }
        } catch (IOException e) {
            throw new StartupException("cannot use the log folder " + logDir + ": " + e.getMessage(), e);
        }
    }

    /** Makes {@code dir} an empty directory, removing whatever an earlier run left in it. */
    static void emptyDirectory(Path dir) {
        try {
            if (java.nio.file.Files.isDirectory(dir)) {
                try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(dir)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        if (!p.equals(dir)) {
                            java.nio.file.Files.delete(p);
                        }
                    }
                }
            }
            java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new StartupException("cannot empty " + dir + ": " + e.getMessage(), e);
        }
    }
}
