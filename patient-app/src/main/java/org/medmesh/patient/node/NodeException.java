package org.medmesh.patient.node;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a call to a provider node failed. A failure never changes the caller's wallet: the client only talks to the
 * node. Messages are fixed phrases plus what the node said, with control characters removed and length bounded, so a
 * hostile node cannot write escape sequences to the patient's terminal.
 */
public final class NodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_TEXT = 300;

    /** What went wrong, for the CLI and the page to explain. */
    public enum Reason {
        /** No connection could be made (refused, unknown host, connect timeout): nothing reached the node. */
        UNREACHABLE,
        /**
         * The request was sent but no complete answer came back (timeout, connection dropped): a write may or may
         * not have been applied.
         */
        NO_ANSWER,
        /** The node answered with an error status, usually an {@code application/problem+json} body. */
        REFUSED,
        /** The node answered 2xx with a body this client does not understand, or that contradicts the request. */
        BAD_RESPONSE
    }

    private final Reason reason;
    private final URI node;
    private final int status;
    private final String problemCode;
    private final String detail;

    private NodeException(Reason reason, URI node, int status, String problemCode, String detail, String message,
            Throwable cause) {
        super(reason.name() + ": " + message, cause);
        this.reason = reason;
        this.node = node;
        this.status = status;
        this.problemCode = problemCode;
        this.detail = detail;
    }

    static NodeException unreachable(URI node, Throwable cause) {
        return new NodeException(Reason.UNREACHABLE, node, 0, null, null, "no connection to " + node, cause);
    }

    static NodeException noAnswer(URI node, Throwable cause) {
        return new NodeException(Reason.NO_ANSWER, node, 0, null, null, "no complete answer from " + node, cause);
    }

    static NodeException refused(URI node, int status, String problemCode, String detail) {
        String code = printable(problemCode);
        String text = printable(detail);
        String message = "HTTP " + status + (code == null ? "" : " " + code) + (text == null ? "" : ": " + text);
        return new NodeException(Reason.REFUSED, node, status, code, text, message, null);
    }

    static NodeException badResponse(URI node, int status, String what) {
        return new NodeException(Reason.BAD_RESPONSE, node, status, null, null, what + " (from " + node + ")", null);
    }

    public Reason reason() {
        return reason;
    }

    /** The node's base URL as the caller gave it. */
    public URI node() {
        return node;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** The problem's {@code code} (e.g. a ledger error code such as {@code STALE_VERSION}), if the node gave one. */
    public Optional<String> problemCode() {
        return Optional.ofNullable(problemCode);
    }

    /** The problem's {@code detail} (or {@code title}), cleaned for a terminal, if the node gave one. */
    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    /** True when the node refused with a 4xx: the request was understood and rejected, so nothing was applied. */
    public boolean isRefusal() {
        return reason == Reason.REFUSED && status >= 400 && status < 500;
    }

    /** True for a refusal whose problem code is {@code code}. */
    public boolean isRefusal(String code) {
        return isRefusal() && Objects.equals(problemCode, code);
    }

    /** Text from the node without control characters, bounded; null when there is nothing printable. */
    static String printable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder(Math.min(text.length(), MAX_TEXT));
        text.codePoints().limit(MAX_TEXT).forEach(c -> {
            boolean control = Character.isISOControl(c) || Character.getType(c) == Character.FORMAT;
            clean.appendCodePoint(control ? ' ' : c);
        });
        String result = clean.toString().strip();
        if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            result += "…";
        }
        return result.isEmpty() ? null : result;
    }
}
