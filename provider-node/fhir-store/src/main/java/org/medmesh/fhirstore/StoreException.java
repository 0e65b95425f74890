package org.medmesh.fhirstore;

import java.util.Objects;

/** The store's one failure family; the code says which FHIR HTTP status the REST layer should answer with. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why an operation failed. */
    public enum Code {
        /** The resource never existed (404). */
        NOT_FOUND,
        /** The resource existed and is deleted (410). */
        GONE,
        /** The expected version is not the current one, or another transaction won the race (409/412). */
        VERSION_CONFLICT,
        /** The request itself is wrong: unknown type, bad id, unsupported search parameter (400). */
        INVALID,
        /** The database failed (500). */
        STORAGE
    }

    private final Code code;

    public StoreException(Code code, String message) {
        this(code, message, null);
    }

    public StoreException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public Code code() {
        return code;
    }
}
