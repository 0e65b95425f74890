package org.medmesh.patient.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.medmesh.patient.seal.DurableFiles;

/**
 * Where {@code patient records --out FILE} saves the Bundle: a new file, never one that exists (whatever it holds,
 * the patient did not say to replace it), written whole or not at all — to an owner-only temporary file next to it,
 * forced to disk, then linked into place (which refuses to replace) — and owner-only where POSIX, since it is the
 * patient's health record.
 */
final class RecordsFile {

    private RecordsFile() {}

    /** The file named, checked before anything is asked of the node: new, in a folder that exists. */
    static Path target(String text) {
        Path file;
        try {
            file = Path.of(text).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw CliFailure.usage("not a file name: " + text);
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw CliFailure.failed(file + " already exists: nothing was asked or written (records are never "
                    + "saved over a file; name a new one)");
        }
        Path folder = file.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw CliFailure.failed("the folder " + folder + " does not exist: nothing was asked or written");
        }
        return file;
    }

    /** Writes {@code bundle} to the new {@code file}; on failure nothing is left there, not even the temporary. */
    static void save(Path file, byte[] bundle) {
        Path temporary = null;
        try {
            temporary = DurableFiles.writeTemporary(file, bundle);
            DurableFiles.linkWithoutReplacing(temporary, file);
        } catch (FileAlreadyExistsException e) {
            throw CliFailure.failed(file + " appeared while your records were read: it was not replaced, and your "
                    + "records were not saved; name a new file");
        } catch (IOException e) {
            throw CliFailure.failed("your records could not be written to " + file + " (disk full? permissions?): "
                    + "nothing was saved");
        } finally {
            DurableFiles.deleteQuietly(temporary);
        }
    }

    /** Whether the file system keeps POSIX permissions, so that the saved file is readable by its owner only. */
    static boolean ownerOnly() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
