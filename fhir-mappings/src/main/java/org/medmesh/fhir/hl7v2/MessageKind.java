package org.medmesh.fhir.hl7v2;

import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v25.message.ADT_A01;
import ca.uhn.hl7v2.model.v25.message.ADT_A03;
import ca.uhn.hl7v2.model.v25.message.ORU_R01;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;

/**
 * The message types converted, each with the v2.5 structure it is parsed into (A04 and A08 share A01's) and the
 * Encounter status its event implies (null: from PV1-45).
 */
enum MessageKind {
    ADT_A01_ADMIT("ADT", "A01", ADT_A01::new, EncounterStatus.INPROGRESS),
    ADT_A03_DISCHARGE("ADT", "A03", ADT_A03::new, EncounterStatus.FINISHED),
    ADT_A04_REGISTER("ADT", "A04", ADT_A01::new, EncounterStatus.INPROGRESS),
    ADT_A08_UPDATE("ADT", "A08", ADT_A01::new, null),
    ORU_R01_RESULT("ORU", "R01", ORU_R01::new, null);

    /** HL7 versions accepted (MSH-12): all parse into the v2.5 model, which is a superset for these messages. */
    static final Set<String> VERSIONS = Set.of("2.3", "2.3.1", "2.4", "2.5", "2.5.1");

    private final String code;
    private final String event;
    private final Supplier<Message> structure;
    private final EncounterStatus encounterStatus;

    MessageKind(String code, String event, Supplier<Message> structure, EncounterStatus encounterStatus) {
        this.code = code;
        this.event = event;
        this.structure = structure;
        this.encounterStatus = encounterStatus;
    }

    static Optional<MessageKind> of(String code, String event) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code) && k.event.equals(event)).findFirst();
    }

    Message newStructure() {
        return structure.get();
    }

    EncounterStatus encounterStatus() {
        return encounterStatus;
    }

    boolean isAdt() {
        return "ADT".equals(code);
    }
}
