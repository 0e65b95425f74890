package org.medmesh.node.adapter.in.hl7v2;

import java.util.Objects;

/** What reading one MLLP frame gave: a message, the sender's close, or a broken frame. */
sealed interface MllpRead {

    /** A whole frame; {@code message} is its content, decoded. */
    record Frame(String message) implements MllpRead {
        public Frame {
            Objects.requireNonNull(message, "message");
        }
    }

    /** The sender closed the connection between frames. */
    record Closed() implements MllpRead {}

    /** The bytes are not a frame we take; the connection cannot be trusted to resynchronise. */
    record Broken(Fault fault) implements MllpRead {
        public Broken {
            Objects.requireNonNull(fault, "fault");
        }
    }

    /** Why a frame is broken, with the sentence the NAK carries. */
    enum Fault {
        /** Data before the start block (0x0B). */
        OUTSIDE_FRAME("MLLP framing error: data outside a frame (a frame starts with 0x0B)"),
        /** The end block (0x1C) not followed by a carriage return (0x0D). */
        BAD_END("MLLP framing error: the end block 0x1C must be followed by 0x0D"),
        /** More bytes than the configured limit before the end block. */
        TOO_LARGE("MLLP frame larger than the node accepts"),
        /** The connection ended inside a frame. */
        CUT_OFF("MLLP frame cut off: the connection ended before the end block");

        private final String detail;

        Fault(String detail) {
            this.detail = detail;
        }

        String detail() {
            return detail;
        }
    }
}
