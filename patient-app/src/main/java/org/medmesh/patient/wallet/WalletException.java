package org.medmesh.patient.wallet;

import org.medmesh.patient.seal.SealException;

/**
 * Why a wallet operation failed. Whatever the code, the wallet file on disk is as it was before the call.
 * Messages are fixed phrases: never passphrases, keys or record contents.
 */
public final class WalletException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, for the page and the CLI to explain. */
    public enum Code {
        /** The passphrase does not open this wallet or backup. */
        WRONG_PASSPHRASE,
        /** The file is truncated, altered or malformed. */
        DAMAGED,
        /** An intact file of another format or a newer version. */
        UNSUPPORTED_FORMAT,
        /** Creating, restoring or backing up would overwrite an existing file. */
        EXISTS,
        /** The wallet or backup file does not exist. */
        NOT_FOUND,
        /** The wallet holds no identity for this hospital yet. */
        UNKNOWN_HOSPITAL,
        /** The wallet holds no consent with this id at this hospital. */
        UNKNOWN_CONSENT,
        /** The identity is not registered on the ledger, so it cannot be rotated. */
        NOT_REGISTERED,
        /** A rotation was begun and neither completed nor abandoned. */
        ROTATION_PENDING,
        /** There is no rotation to complete or abandon. */
        NO_PENDING_ROTATION,
        /** Reading or writing a file failed (disk full, permissions, ...). */
        IO_FAILURE
    }

    private final Code code;

    WalletException(Code code, String message) {
        super(code.name() + ": " + message);
        this.code = code;
    }

    WalletException(Code code, String message, Throwable cause) {
        super(code.name() + ": " + message, cause);
        this.code = code;
    }

    static WalletException from(SealException e) {
        return switch (e.code()) {
            case WRONG_PASSPHRASE -> new WalletException(Code.WRONG_PASSPHRASE, "the passphrase does not open this file", e);
            case DAMAGED -> new WalletException(Code.DAMAGED, "the file is damaged or was altered", e);
            case UNSUPPORTED_FORMAT -> new WalletException(Code.UNSUPPORTED_FORMAT, "not a file this app reads", e);
        };
    }

    public Code code() {
        return code;
    }
}
