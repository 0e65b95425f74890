package org.medmesh.chaincode.consent;

import static org.medmesh.chaincode.error.Refusals.require;

import java.time.Instant;
import java.util.Set;
import org.medmesh.chaincode.crypto.CompactJws;
import org.medmesh.chaincode.crypto.Sha256;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.chaincode.json.JsonFields;

/**
 * A patient's signed grant ({@code medmesh.consent.grant}, schema version 1), parsed but not yet verified.
 *
 * @param id derived from the canonical payload
 * @param patient the granting patient's DID
 * @param consentHash SHA-256 hex of the full signed FHIR Consent, which travels off-chain
 * @param issuedAt when the patient signed, as the patient claims
 * @param provision what is granted
 * @param jws the signed grant
 */
public record ConsentGrant(
        ConsentId id, Did patient, String consentHash, Instant issuedAt, Provision provision, CompactJws jws) {

    public static final String TYPE = "medmesh.consent.grant";
    private static final Set<String> FIELDS =
            Set.of("type", "schemaVersion", "patient", "consentHash", "issuedAt", "provision");

    public ConsentGrant {
        require(id != null && patient != null && issuedAt != null && provision != null && jws != null,
                "incomplete grant");
        require(Sha256.isHexDigest(consentHash), "consentHash must be 64 lowercase hex digits");
    }

    public static ConsentGrant parse(String compactJws) {
        CompactJws jws = CompactJws.parse(compactJws);
        JsonFields f = JsonFields.of(jws.payload(), FIELDS);
        require(TYPE.equals(f.text("type")), "payload is not a consent grant");
        require(f.integer("schemaVersion", 1, 1) == 1, "unsupported schemaVersion");
        return new ConsentGrant(
                ConsentId.of(jws.payload()),
                Did.parsePatient(f.text("patient")),
                f.text("consentHash"),
                f.instant("issuedAt"),
                Provision.parse(f.node("provision")),
                jws);
    }
}
