package org.parley.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JDK's startup cache of one process: the AOT cache from JDK 25 on (JEP 483, 514, 515: classes
 * loaded and linked, method profiles), the application class-data archive (CDS) before. Spring
 * Boot trains it with a run that exits once the context is refreshed
 * ({@code -Dspring.context.exit=onRefresh}); it only applies to the extracted jar.
 */
final class StartupCache {

    private static final int AOT_CACHE_SINCE = 25;

    private final Path file;

    /** The cache of {@code name} for the running JDK, under {@code dir}. */
    StartupCache(Path dir, String name) {
        String kind = aotCache() ? "aot" : "jsa";
        this.file = dir.resolve("jdk-" + Runtime.version().feature()).resolve(name + "." + kind);
    }

    /** True when the JDK has the AOT cache; otherwise the cache is a CDS archive. */
    static boolean aotCache() {
        return Runtime.version().feature() >= AOT_CACHE_SINCE;
    }

    /** Which kind, for reports. */
    static String kind() {
        return aotCache() ? "AOT cache (JDK " + Runtime.version().feature() + ")"
                : "CDS archive (JDK " + Runtime.version().feature() + ")";
    }

    Path file() {
        return file;
    }

    /** Whether there is a cache trained on this very jar (a newer jar makes it stale). */
    boolean usableFor(Path jar) {
        try {
            return Files.isRegularFile(file)
                    && Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(jar)) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** JVM options of the run that writes the cache; the process exits after the context refresh. */
    List<String> trainingFlags() {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String output = aotCache() ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=";
        return List.of(output + file, "-Dspring.context.exit=onRefresh");
    }

    /** JVM options of a run that uses the cache. */
    List<String> useFlags() {
        return List.of((aotCache() ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + file);
    }
}
