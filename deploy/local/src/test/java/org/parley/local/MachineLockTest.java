package org.parley.local;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineLockTest {

    @TempDir
    Path dir;

    @Test
    void secondPlatformOnTheSameMachineIsRefusedUntilTheFirstStops() {
        Path file = dir.resolve("parley-platform.lock");
        MachineLock first = MachineLock.acquire(file);

        assertThatThrownBy(() -> MachineLock.acquire(file))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("already running")
                .hasMessageContaining("pid " + ProcessHandle.current().pid());

        first.close();
        MachineLock.acquire(file).close();
    }
}
