package org.medmesh.patient.seal;

/** Why a sealed envelope could not be opened. Messages are fixed phrases: never passphrases, keys or plaintext. */
public final class SealException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, for callers that map it to their own errors. */
    public enum Code {
        /** The key-check value does not match: not the passphrase the envelope was sealed with. */
        WRONG_PASSPHRASE,
        /** The envelope is not intact: truncated, altered, malformed, or its authentication tag fails. */
        DAMAGED,
        /** An intact envelope of another format, version or algorithm than this code reads. */
        UNSUPPORTED_FORMAT
    }

    private final Code code;

    SealException(Code code, String message) {
        super(code.name() + ": " + message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
