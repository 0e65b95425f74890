package org.medmesh.node.adapter.out.keys;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.medmesh.node.application.port.NodeKeysException;
import org.medmesh.patient.seal.DurableFiles;

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
                Files.createDirectory(directory, DurableFiles.ownerOnly("rwx------"));
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
            DurableFiles.linkWithoutReplacing(temporary, file);
        } catch (FileAlreadyExistsException e) {
            throw failure(file + " appeared while the node was creating it", e);
        } catch (IOException e) {
            throw failure("cannot write " + file, e);
        } finally {
            DurableFiles.deleteQuietly(temporary);
        }
    }

    /** Replaces (or creates) {@code file}; on failure the old file is left as it was. */
    static void replace(Path file, byte[] content) {
        Path temporary = writeTemporary(file, content);
        try {
            moveInPlace(temporary, file);
        } finally {
            DurableFiles.deleteQuietly(temporary);
        }
    }

    /** Renames {@code from} over {@code to} in one step. */
    static void move(Path from, Path to) {
        moveInPlace(from, to);
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
            DurableFiles.syncDirectory(file);
        } catch (IOException e) {
            throw failure("cannot delete " + file, e);
        }
    }

    private static void moveInPlace(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            DurableFiles.syncDirectory(to);
        } catch (IOException e) {
            throw failure("cannot write " + to, e);
        }
    }

    private static Path writeTemporary(Path file, byte[] content) {
        try {
            return DurableFiles.writeTemporary(file, content);
        } catch (IOException e) {
            throw failure("cannot write " + file, e);
        }
    }

    private static NodeKeysException failure(String message, Exception cause) {
        return new NodeKeysException(NodeKeysException.Code.IO_FAILURE, message, cause);
    }
}
