package org.medmesh.chaincode.consent;

import static org.medmesh.chaincode.error.Refusals.refuse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.medmesh.chaincode.error.ErrorCode;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.chaincode.identity.DidRecord;
import org.medmesh.chaincode.identity.Identities;
import org.medmesh.chaincode.state.LedgerState;

/**
 * Consent records and their index keys. One index key per (patient, consent) and per (grantee, consent) —
 * never a per-patient list or counter, which would be a hot key that concurrent grants conflict on.
 */
public final class Consents {

    static final String BY_PATIENT = "consent~patient";
    static final String BY_GRANTEE = "consent~grantee";

    private final LedgerState state;

    public Consents(LedgerState state) {
        this.state = state;
    }

    public Optional<ConsentRecord> find(ConsentId id) {
        return state.read(ConsentRecord.key(id)).map(ConsentRecord::fromJson);
    }

    public ConsentRecord require(ConsentId id) {
        return find(id).orElseThrow(() -> refuse(ErrorCode.NOT_FOUND, "consent not found"));
    }

    /** The status at this transaction's time, taking the patient's DID state into account. */
    public EffectiveStatus effectiveStatus(ConsentRecord record) {
        boolean patientActive = new Identities(state).find(record.patient())
                .map(r -> !r.deactivated())
                .orElse(false);
        return record.effectiveStatus(state.now(), patientActive);
    }

    /** The record as returned to clients: stored fields plus {@code effectiveStatus}. */
    public ObjectNode view(ConsentRecord record) {
        ObjectNode json = record.toJson();
        json.put("effectiveStatus", effectiveStatus(record).code());
        return json;
    }

    void insert(ConsentRecord record) {
        state.write(ConsentRecord.key(record.id()), record.toJson());
        String id = record.id().value();
        state.writeText(state.stub().createCompositeKey(BY_PATIENT, record.patient().value(), id).toString(), id);
        // An opt-in (a root deny) names its grantees in its permit exceptions: they find it by grantee too.
        Set<Did> grantees = new LinkedHashSet<>(record.provision().grantees());
        record.provision().provisions().stream().filter(p -> p.type() == ProvisionType.PERMIT)
                .forEach(p -> grantees.addAll(p.grantees()));
        for (Did grantee : grantees) {
            state.writeText(state.stub().createCompositeKey(BY_GRANTEE, grantee.value(), id).toString(), id);
        }
    }

    void update(ConsentRecord record) {
        state.write(ConsentRecord.key(record.id()), record.toJson());
    }

    /** The transaction's time. */
    public Instant now() {
        return state.now();
    }

    DidRecord activePatient(Did patient) {
        return new Identities(state).requireActive(patient);
    }
}
