package org.medmesh.node.application.port;

import java.util.Objects;

/** The node key store's one exception family. Messages name files and settings, never keys or passphrases. */
public final class NodeKeysException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the keys could not be read, written or used. */
    public enum Code {
        /** The key file does not open with the configured passphrase. */
        WRONG_PASSPHRASE,
        /** A key file exists but there is no passphrase to open it with. */
        NO_PASSPHRASE,
        /** The key file was altered, truncated or is not a key file. */
        DAMAGED,
        /** No pending keys to promote. */
        NO_PENDING_KEYS,
        /** The file system refused a read or write. */
        IO_FAILURE
    }

    private final Code code;

    public NodeKeysException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public Code code() {
        return code;
    }
}
