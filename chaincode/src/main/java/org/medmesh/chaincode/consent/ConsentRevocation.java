package org.medmesh.chaincode.consent;

import static org.medmesh.chaincode.error.Refusals.require;

import java.time.Instant;
import java.util.Set;
import org.medmesh.chaincode.crypto.CompactJws;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.chaincode.json.JsonFields;

/**
 * A patient's signed revocation ({@code medmesh.consent.revoke}), parsed but not yet verified.
 *
 * @param consentId the consent to revoke
 * @param patient the revoking patient's DID
 * @param issuedAt when the patient signed, as the patient claims
 * @param jws the signed revocation
 */
public record ConsentRevocation(ConsentId consentId, Did patient, Instant issuedAt, CompactJws jws) {

    public static final String TYPE = "medmesh.consent.revoke";
    private static final Set<String> FIELDS = Set.of("type", "consentId", "patient", "issuedAt");

    public ConsentRevocation {
        require(consentId != null && patient != null && issuedAt != null && jws != null, "incomplete revocation");
    }

    public static ConsentRevocation parse(String compactJws) {
        CompactJws jws = CompactJws.parse(compactJws);
        JsonFields f = JsonFields.of(jws.payload(), FIELDS);
        require(TYPE.equals(f.text("type")), "payload is not a consent revocation");
        return new ConsentRevocation(
                ConsentId.parse(f.text("consentId")),
                Did.parsePatient(f.text("patient")),
                f.instant("issuedAt"),
                jws);
    }
}
