package org.medmesh.node.application.identity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.medmesh.chaincode.json.CanonicalJson;
import org.medmesh.node.domain.identity.DidKey;
import org.medmesh.node.domain.identity.ResolvedDid;

/**
 * The W3C DID document of a {@code did:key}, in the shape the ledger gives {@code did:medmesh} documents
 * ({@code JsonWebKey2020} methods with OKP JWKs, canonical JSON) and with the did:key method's identifiers: each
 * method's fragment is its key's multibase. An Ed25519 key signs ({@code authentication}, {@code assertionMethod},
 * {@code capabilityInvocation}, {@code capabilityDelegation}) and its derived X25519 key agrees; an X25519 key only
 * agrees.
 */
final class DidKeyDocuments {
    private static final String DID_CONTEXT = "https://www.w3.org/ns/did/v1";
    private static final String JWS_2020_CONTEXT = "https://w3id.org/security/suites/jws-2020/v1";

    private DidKeyDocuments() {}

    static ResolvedDid resolve(DidKey did) {
        Optional<DidKey> agreement = did.agreementKey();
        ObjectNode document = CanonicalJson.object();
        document.set("@context", CanonicalJson.nodes().arrayNode().add(DID_CONTEXT).add(JWS_2020_CONTEXT));
        document.put("id", did.value());
        ArrayNode methods = document.putArray("verificationMethod");
        Optional<String> signingKey = Optional.empty();
        if (did.type() == DidKey.KeyType.ED25519) {
            signingKey = Optional.of(did.publicKey());
            String id = method(methods, did, did);
            for (String relationship : new String[] {"authentication", "assertionMethod", "capabilityInvocation",
                    "capabilityDelegation"}) {
                document.putArray(relationship).add(id);
            }
        }
        agreement.ifPresent(key -> document.putArray("keyAgreement").add(method(methods, did, key)));
        return new ResolvedDid(did.value(), 1, false, signingKey, agreement.map(DidKey::publicKey), Optional.empty(),
                CanonicalJson.write(document));
    }

    private static String method(ArrayNode methods, DidKey did, DidKey key) {
        String id = did.value() + "#" + key.fingerprint();
        ObjectNode method = methods.addObject();
        method.put("id", id);
        method.put("type", "JsonWebKey2020");
        method.put("controller", did.value());
        ObjectNode jwk = method.putObject("publicKeyJwk");
        jwk.put("kty", "OKP");
        jwk.put("crv", key.type().curve());
        jwk.put("x", key.publicKey());
        return id;
    }
}
