package org.medmesh.fhir.hl7v2;

import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;

/** The outcome of converting one HL7 v2 message: a whole transaction Bundle, or a refusal with its reason. Never part of a bundle. */
public sealed interface Hl7v2Conversion {

    /** The message header as read, for the ACK. */
    SourceMessage source();

    /**
     * The message converted.
     *
     * @param source the message header
     * @param bundle a FHIR R4 transaction Bundle: the mapped resources, then one Provenance that targets them all
     */
    record Converted(SourceMessage source, Bundle bundle) implements Hl7v2Conversion {
        public Converted {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(bundle, "bundle");
        }
    }

    /**
     * The message refused; nothing should be stored.
     *
     * @param source the message header, as far as it could be read
     * @param reason why, which also decides AE or AR
     * @param detail a sentence for the sender, without patient data
     * @param location where the problem is, when known
     */
    record Rejected(SourceMessage source, RejectReason reason, String detail, Optional<ErrorLocation> location)
            implements Hl7v2Conversion {
        public Rejected {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(location, "location");
        }
    }
}
