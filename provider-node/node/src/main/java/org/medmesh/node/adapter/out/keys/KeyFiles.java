package org.medmesh.node.adapter.out.keys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import org.medmesh.node.application.port.NodeKeysException;

/**
 * Owner-only files written so that a crash never leaves half of one: the content goes to a temporary file in the
 * same directory (mode 0600 where POSIX), is forced to disk, then linked or renamed into place in one step.
 */
final class KeyFiles {
    /** Far above any key or passphrase file: refuses to read something else into memory. */
    private static final long MAX_BYTES = 64 * 1024;

    private KeyFiles() {}

    static void ensureDirectory(Path directory) {
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory.getParent());
                Files.createDirectory(directory, ownerOnly("rwx------"));
            }
        } catch (FileAlreadyExistsException e) {
            // Created concurrently: fine.
        } catch (IOException e) {
            throw failure("cannot create " + directory, e);
        }
    }

    static byte[] read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new NodeKeysException(NodeKeysException.Code.DAMAGED, file + " is too large to be a key file",
                        null);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw failure("cannot read " + file, e);
        }
    }

    /** Writes a new file; fails with IO_FAILURE rather than replace one that appeared meanwhile. */
    static void createNew(Path file, byte[] content) {
        Path temporary = writeTemporary(file, content);
        try {
            Files.createLink(file, temporary);
            syncDirectory(file);
        } catch (FileAlreadyExistsException e) {
            throw failure(file + " appeared while the node was creating it", e);
        } catch (IOException | UnsupportedOperationException e) {
            moveInPlace(temporary, file, false);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /** Replaces (or creates) {@code file}; on failure the old file is left as it was. */
    static void replace(Path file, byte[] content) {
        Path temporary = writeTemporary(file, content);
        try {
            moveInPlace(temporary, file, true);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /** Renames {@code from} over {@code to} in one step. */
    static void move(Path from, Path to) {
        moveInPlace(from, to, true);
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
            syncDirectory(file);
        } catch (IOException e) {
            throw failure("cannot delete " + file, e);
        }
    }

    private static void moveInPlace(Path from, Path to, boolean replace) {
        try {
            if (replace) {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(from, to);
            }
            syncDirectory(to);
        } catch (IOException e) {
            throw failure("cannot write " + to, e);
        }
    }

    private static Path writeTemporary(Path file, byte[] content) {
        Path temporary = null;
        try {
            temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName() + ".",
                    ".tmp", ownerOnly("rw-------"));
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            return temporary;
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw failure("cannot write " + file, e);
        }
    }

    private static FileAttribute<?>[] ownerOnly(String permissions) {
        return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString(permissions))}
                : new FileAttribute<?>[0];
    }

    /** Makes a rename durable; skipped where directories cannot be opened (Windows). */
    private static void syncDirectory(Path file) {
        try (FileChannel directory = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // The rename itself is atomic; only its durability across a power cut is not guaranteed here.
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A stray temporary file holds only sealed bytes.
        }
    }

    private static NodeKeysException failure(String message, Exception cause) {
        return new NodeKeysException(NodeKeysException.Code.IO_FAILURE, message, cause);
    }
}
