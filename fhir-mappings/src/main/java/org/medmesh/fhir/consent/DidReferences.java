package org.medmesh.fhir.consent;

import static org.medmesh.fhir.consent.ConsentMappingException.invalid;
import static org.medmesh.fhir.consent.ConsentMappingException.notSupported;

import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.medmesh.chaincode.identity.Did;

/**
 * Logical references that carry a DID: {@code {"identifier": {"system": "urn:ietf:rfc:3986", "value": "did:…"}}},
 * optionally with {@code type} and {@code display}. A literal reference ({@code Organization/123}) is refused: it
 * names a different resource on every node, and next to a DID it could contradict it.
 */
final class DidReferences {

    private DidReferences() {}

    static Reference write(Did did, String type) {
        return new Reference()
                .setType(type)
                .setIdentifier(new Identifier().setSystem(ConsentCodes.URI).setValue(did.value()));
    }

    /** The organisation DID a reference carries. */
    static Did organization(Reference reference, String path) {
        Did did = read(reference, "Organization", path);
        if (!did.isOrganization()) {
            throw notSupported(path + ".identifier.value", "is not an organisation DID (did:medmesh:org:<mspId>)");
        }
        return did;
    }

    /** The patient DID a reference carries. */
    static Did patient(Reference reference, String path) {
        Did did = read(reference, "Patient", path);
        if (!did.isPatient()) {
            throw notSupported(path + ".identifier.value", "is not a MedMesh patient DID (did:medmesh:<base58>)");
        }
        return did;
    }

    private static Did read(Reference reference, String type, String path) {
        if (reference == null || reference.isEmpty()) {
            throw invalid(path, "is required");
        }
        if (reference.hasReference()) {
            throw notSupported(path + ".reference", "literal references are not accepted: identify the party by "
                    + "its DID in identifier (system " + ConsentCodes.URI + ")");
        }
        if (reference.hasType() && !type.equals(reference.getType())) {
            throw notSupported(path + ".type", "must be " + type);
        }
        Identifier identifier = reference.getIdentifier();
        if (!identifier.hasValue() || !ConsentCodes.URI.equals(identifier.getSystem())) {
            throw notSupported(path + ".identifier", "must carry a DID with system " + ConsentCodes.URI);
        }
        try {
            return Did.parse(identifier.getValue());
        } catch (ChaincodeException e) {
            throw invalid(path + ".identifier.value", "is not a DID");
        }
    }
}
