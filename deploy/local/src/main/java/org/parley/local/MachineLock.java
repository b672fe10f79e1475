package org.parley.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One platform per machine: the ports are fixed, so a second launcher would only fight the
 * first one for them (and might even take the other's Keycloak or gateway for its own). The
 * lock is an operating-system file lock, released when the holder exits, however it exits.
 */
final class MachineLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private MachineLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static MachineLock acquire(Path file) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                channel.close();
                throw new StartupException("another Parley platform is already running on this machine"
                        + (holder.isEmpty() ? "" : " (" + holder + ")") + "; stop it first (Ctrl-C in its terminal)");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
            return new MachineLock(channel, lock);
        } catch (IOException e) {
            throw new StartupException("cannot take the lock " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // released by the operating system at exit anyway
        }
    }
}
