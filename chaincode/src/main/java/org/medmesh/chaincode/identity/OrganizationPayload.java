package org.medmesh.chaincode.identity;

import static org.medmesh.chaincode.error.Refusals.require;

import java.util.Set;
import org.medmesh.chaincode.crypto.Ed25519PublicKey;
import org.medmesh.chaincode.crypto.X25519PublicKey;
import org.medmesh.chaincode.json.CanonicalJson;
import org.medmesh.chaincode.json.JsonFields;

/**
 * What an organisation registers or updates about itself.
 *
 * @param did {@code did:medmesh:org:<mspId>}
 * @param signingKey Ed25519 key the node signs requests and bundles with
 * @param agreementKey X25519 key for encryption to the node
 * @param endpoint where the node accepts requests
 * @param previousVersion for updates: the version the caller saw (0 for a registration)
 */
public record OrganizationPayload(
        Did did, Ed25519PublicKey signingKey, X25519PublicKey agreementKey, ServiceEndpoint endpoint, long previousVersion) {

    private static final Set<String> REGISTER_FIELDS = Set.of("mspId", "signingKey", "agreementKey", "serviceEndpoint");
    private static final Set<String> UPDATE_FIELDS =
            Set.of("mspId", "signingKey", "agreementKey", "serviceEndpoint", "previousVersion");

    public OrganizationPayload {
        require(did != null && did.isOrganization(), "organisation DID required");
        require(signingKey != null && agreementKey != null && endpoint != null, "organisation keys and endpoint required");
        require(previousVersion >= 0, "previousVersion must not be negative");
    }

    public static OrganizationPayload parseRegistration(String json) {
        JsonFields f = JsonFields.of(CanonicalJson.parseObject(json), REGISTER_FIELDS);
        return fromFields(f, 0);
    }

    public static OrganizationPayload parseUpdate(String json) {
        JsonFields f = JsonFields.of(CanonicalJson.parseObject(json), UPDATE_FIELDS);
        return fromFields(f, f.integer("previousVersion", 1, Long.MAX_VALUE));
    }

    private static OrganizationPayload fromFields(JsonFields f, long previousVersion) {
        return new OrganizationPayload(
                Did.forOrganization(f.text("mspId")),
                Ed25519PublicKey.parse(f.text("signingKey")),
                X25519PublicKey.parse(f.text("agreementKey")),
                ServiceEndpoint.parse(f.text("serviceEndpoint")),
                previousVersion);
    }
}
