package org.medmesh.node.adapter.in.hl7v2;

import java.util.Objects;
import org.medmesh.fhir.hl7v2.RejectReason.AckCode;
import org.medmesh.fhir.hl7v2.SourceMessage;

/**
 * What the node answers one message with.
 *
 * @param source the message header, as far as it could be read
 * @param code AA when stored; AE or AR when nothing was stored
 * @param ack the acknowledgment message, pipe-delimited, segments ending with CR
 */
record Hl7v2Receipt(SourceMessage source, AckCode code, String ack) {
    Hl7v2Receipt {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(ack, "ack");
    }
}
