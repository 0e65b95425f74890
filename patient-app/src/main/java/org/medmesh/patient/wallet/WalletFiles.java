package org.medmesh.patient.wallet;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import org.medmesh.patient.seal.DurableFiles;

/**
 * Reads and writes sealed files so that a crash or an error never leaves a half-written one: content goes to a
 * temporary file in the same directory (owner-only permissions where POSIX), is forced to disk, then renamed into
 * place in one step.
 */
final class WalletFiles {

    /** Far above any real wallet; refuses to read a huge file into memory. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    static final WalletFiles SYSTEM =
            new WalletFiles((temporary, target) -> Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE));

    /** The step that puts a complete temporary file in place of the target; a test seam for failures. */
    @FunctionalInterface
    interface Replacement {
        void replace(Path temporary, Path target) throws IOException;
    }

    private final Replacement replacement;

    WalletFiles(Replacement replacement) {
        this.replacement = Objects.requireNonNull(replacement, "replacement");
    }

    byte[] read(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new WalletException(WalletException.Code.DAMAGED, "the file is too large to be a wallet");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new WalletException(WalletException.Code.NOT_FOUND, "no such file");
        } catch (IOException e) {
            throw new WalletException(WalletException.Code.IO_FAILURE, "the file could not be read", e);
        }
    }

    void requireAbsent(Path file) {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new WalletException(WalletException.Code.EXISTS, "a file already exists there");
        }
    }

    /** Replaces {@code file} with {@code content}; on failure the old file is left exactly as it was. */
    void replace(Path file, byte[] content) {
        Path temporary = writeTemporary(file, content);
        try {
            replacement.replace(temporary, file);
            DurableFiles.syncDirectory(file);
        } catch (IOException e) {
            throw new WalletException(WalletException.Code.IO_FAILURE, "the file could not be written", e);
        } finally {
            DurableFiles.deleteQuietly(temporary);
        }
    }

    /** Writes {@code content} to a new {@code file}; refuses with EXISTS rather than replace anything. */
    void createNew(Path file, byte[] content) {
        requireAbsent(file);
        Path temporary = writeTemporary(file, content);
        try {
            DurableFiles.linkWithoutReplacing(temporary, file);
        } catch (FileAlreadyExistsException e) {
            throw new WalletException(WalletException.Code.EXISTS, "a file already exists there");
        } catch (IOException e) {
            throw new WalletException(WalletException.Code.IO_FAILURE, "the file could not be written", e);
        } finally {
            DurableFiles.deleteQuietly(temporary);
        }
    }

    private static Path writeTemporary(Path file, byte[] content) {
        try {
            return DurableFiles.writeTemporary(file, content);
        } catch (IOException e) {
            throw new WalletException(WalletException.Code.IO_FAILURE, "the file could not be written", e);
        }
    }
}
