package org.parley.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One operating-system process of the platform: how to launch it, where its output goes,
 * how to tell that it is ready, and how to stop it together with everything it started.
 */
final class ManagedProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workDir;
    private final Path logFile;
    private final URI readiness;

    private volatile Process process;

    ManagedProcess(String name, List<String> command, Map<String, String> environment, Path workDir, Path logFile,
            URI readiness) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.workDir = workDir;
        this.logFile = logFile;
        this.readiness = readiness;
    }

    String name() {
        return name;
    }

    Path logFile() {
        return logFile;
    }

    URI readiness() {
        return readiness;
    }

    boolean alive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    Optional<Process> process() {
        return Optional.ofNullable(process);
    }

    /** Starts the process; its output is appended to the log file. */
    synchronized void launch() {
        if (alive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "---- parley: starting " + name + ": " + String.join(" ", command) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new StartupException("cannot start " + name + " (" + command.getFirst() + "): " + e.getMessage(), e);
        }
    }

    /** Waits until the readiness URL answers 2xx; fails with the log's tail otherwise. */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Process p = process;
            if (p == null || !p.isAlive()) {
                throw new StartupException(name + " exited" + (p == null ? "" : " with code " + p.exitValue())
                        + " before it was ready; its log: " + logFile + "\n" + tail(40));
            }
            if (ready()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new StartupException(name + " did not become ready within " + timeout.toSeconds() + " s ("
                        + readiness + " never answered 2xx); its log: " + logFile + "\n" + tail(40));
            }
            sleep(300);
        }
    }

    /** Waits until the process exits on its own with code 0 (a training run); fails with the log's tail otherwise. */
    void awaitExit(Duration timeout) {
        Process p = process;
        try {
            if (p == null || !p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(Duration.ofSeconds(5));
                throw new StartupException(name + " did not exit within " + timeout.toSeconds() + " s; its log: "
                        + logFile + "\n" + tail(40));
            }
            if (p.exitValue() != 0) {
                throw new StartupException(name + " exited with code " + p.exitValue() + "; its log: " + logFile + "\n"
                        + tail(40));
            }
            process = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while waiting for " + name + " to exit", e);
        }
    }

    boolean ready() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while waiting for " + name, e);
        }
    }

    /** The process and every process it started, the descendants first. */
    private static List<ProcessHandle> family(Process p) {
        List<ProcessHandle> all = new ArrayList<>();
        p.descendants().forEach(all::add);
        all.add(p.toHandle());
        return all;
    }

    /** Kills the process and all its descendants with SIGKILL, without a chance to shut down. */
    synchronized void kill() {
        Process p = process;
        if (p == null) {
            return;
        }
        List<ProcessHandle> all = family(p);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : all) {
            handle.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> handle).join();
        }
        process = null;
    }

    /**
     * Stops the process and all its descendants: SIGTERM first, then SIGKILL for whatever
     * is still alive after {@code grace}.
     */
    synchronized void stop(Duration grace) {
        Process p = process;
        if (p == null) {
            return;
        }
        List<ProcessHandle> all = family(p);
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : all) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    handle.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (Exception e) {
                // still alive: killed below
            }
        }
        for (ProcessHandle handle : all) {
            if (handle.isAlive()) {
                // said, since what a process writes as it exits (a profile, a last log line) is then lost
                ParleyPlatform.say(name + " (pid " + handle.pid() + ") did not stop within " + grace.toSeconds()
                        + " s: killed");
                handle.destroyForcibly();
                handle.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> handle).join();
            }
        }
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** The last lines of the log file, for error messages. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            List<String> last = all.subList(Math.max(0, all.size() - lines), all.size());
            return "---- last " + last.size() + " lines of " + logFile.getFileName() + " ----\n"
                    + String.join("\n", last);
        } catch (IOException | UncheckedIOException e) {
            return "(log not readable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted", e);
        }
    }
}
