package org.parley.bench.anchor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.parley.bench.anchor.trivial.TrivialBackend;
import org.parley.local.PlatformProfile;

/** {@link TrivialBackend} in a JVM of its own, with the JVM settings the services run with. */
public final class TrivialBackendProcess implements AutoCloseable {

    private final Process process;
    private final URI url;

    private TrivialBackendProcess(Process process, URI url) {
        this.process = process;
        this.url = url;
    }

    public static TrivialBackendProcess start(PlatformProfile profile, int port, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(profile.jvmFlags());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(TrivialBackend.class.getName());
        command.add("--server.port=" + port);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
            TrivialBackendProcess backend = new TrivialBackendProcess(process, URI.create("http://127.0.0.1:" + port));
            backend.awaitReady();
            return backend;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the trivial backend: " + e.getMessage(), e);
        }
    }

    public URI url() {
        return url;
    }

    public long pid() {
        return process.pid();
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the trivial backend exited with code " + process.exitValue());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(url.resolve("/anchor/ready"))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("the trivial backend did not answer within 60 s");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
