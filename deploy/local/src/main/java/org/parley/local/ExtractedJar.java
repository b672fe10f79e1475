package org.parley.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Spring Boot jar unpacked the way Boot recommends for deployments
 * ({@code java -Djarmode=tools -jar app.jar extract}): the application jar beside a {@code lib}
 * folder, so classes load from plain jars, which a JDK startup cache needs. Extracted again when
 * the built jar is newer.
 */
final class ExtractedJar {

    private ExtractedJar() {
    }

    /** The runnable jar of the extracted copy of {@code jar} under {@code dir}, extracting it when needed. */
    static Path of(Path jar, Path dir, Path javaHome) {
        Path runnable = dir.resolve(jar.getFileName());
        try {
            if (Files.isRegularFile(runnable)
                    && Files.getLastModifiedTime(runnable).compareTo(Files.getLastModifiedTime(jar)) >= 0) {
                return runnable;
            }
            Files.createDirectories(dir.getParent());
            Process p = new ProcessBuilder(List.of(javaHome.resolve("bin/java").toString(), "-Djarmode=tools", "-jar",
                    jar.toString(), "extract", "--force", "--destination", dir.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new StartupException("cannot extract " + jar + " into " + dir);
            }
            // the extracted jar keeps the build's time; mark it as extracted now
            Files.setLastModifiedTime(runnable, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
            return runnable;
        } catch (IOException e) {
            throw new StartupException("cannot extract " + jar + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while extracting " + jar, e);
        }
    }
}
