package org.medmesh.patient.seal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The steps that keep sealed files whole across crashes, for every file MedMesh seals (the patient's wallet, a
 * node's keys): content goes to an owner-only temporary file in the same directory and is forced to disk; it is
 * then linked (never replacing) or renamed (replacing) into place in one step, and the directory is synced.
 * Failures are {@link IOException}s for the caller to map to its own errors.
 */
public final class DurableFiles {
    private DurableFiles() {}

    /** A forced, owner-only temporary copy of {@code content} next to {@code file}; deleted again on failure. */
    public static Path writeTemporary(Path file, byte[] content) throws IOException {
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName() + ".",
                ".tmp", ownerOnly("rw-------"));
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
            return temporary;
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw e;
        }
    }

    /**
     * Puts {@code temporary} in place as {@code file} without ever replacing one: a rename replaces silently on
     * POSIX, a hard link refuses with {@link FileAlreadyExistsException}. Where there are no hard links, a move
     * without REPLACE_EXISTING.
     */
    public static void linkWithoutReplacing(Path temporary, Path file) throws IOException {
        try {
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.move(temporary, file);
        }
        syncDirectory(file);
    }

    /** Makes a rename durable; skipped where directories cannot be opened (Windows), as Lucene does. */
    public static void syncDirectory(Path file) {
        try (FileChannel directory = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // The rename itself is atomic; only its durability across a power cut is not guaranteed here.
        }
    }

    /** Deletes a temporary file if there is one; a stray one holds only sealed bytes. */
    public static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Not worth failing the operation over.
        }
    }

    /** POSIX permissions such as {@code rw-------} as a creation attribute, or none where there is no POSIX. */
    public static FileAttribute<?>[] ownerOnly(String permissions) {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString(permissions))}
                : new FileAttribute<?>[0];
    }
}
