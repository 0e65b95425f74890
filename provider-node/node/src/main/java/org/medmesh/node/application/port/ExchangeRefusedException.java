package org.medmesh.node.application.port;

import java.util.Objects;

/**
 * The exchange formats' one exception family: a peer sent something that must not be acted on. Messages describe
 * the defect, never claims' values, keys or record content.
 */
public final class ExchangeRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ExchangeRefusal reason;

    public ExchangeRefusedException(ExchangeRefusal reason, String message) {
        this(reason, message, null);
    }

    public ExchangeRefusedException(ExchangeRefusal reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public ExchangeRefusal reason() {
        return reason;
    }
}
