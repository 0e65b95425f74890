package org.medmesh.chaincode.identity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medmesh.chaincode.json.CanonicalJson;

/** Renders a DID record as a W3C DID Core resolution result: document plus metadata. */
final class DidDocuments {

    static final String DID_CONTEXT = "https://www.w3.org/ns/did/v1";
    static final String JWS_2020_CONTEXT = "https://w3id.org/security/suites/jws-2020/v1";

    private DidDocuments() {
    }

    static ObjectNode resolution(DidRecord record) {
        ObjectNode result = CanonicalJson.object();
        result.set("didDocument", document(record));
        result.set("didDocumentMetadata", metadata(record));
        if (record.isOrganization()) {
            result.put("mspId", record.mspId());
        }
        return result;
    }

    /** A deactivated DID resolves to a document without keys, so nobody can keep using them by mistake. */
    static ObjectNode document(DidRecord record) {
        String did = record.did().value();
        ObjectNode doc = CanonicalJson.object();
        doc.set("@context", CanonicalJson.nodes().arrayNode().add(DID_CONTEXT).add(JWS_2020_CONTEXT));
        doc.put("id", did);
        if (record.deactivated()) {
            return doc;
        }
        ArrayNode methods = doc.putArray("verificationMethod");
        methods.add(method(did, PatientSignatures.SIGNING_FRAGMENT, "Ed25519", record.signingKey().encoded()));
        methods.add(method(did, PatientSignatures.AGREEMENT_FRAGMENT, "X25519", record.agreementKey().encoded()));
        doc.putArray("authentication").add(did + "#" + PatientSignatures.SIGNING_FRAGMENT);
        doc.putArray("assertionMethod").add(did + "#" + PatientSignatures.SIGNING_FRAGMENT);
        doc.putArray("keyAgreement").add(did + "#" + PatientSignatures.AGREEMENT_FRAGMENT);
        if (record.recoveryKey() != null) {
            // DID Core's relationship for keys that may update the DID document itself.
            methods.add(method(did, PatientSignatures.RECOVERY_FRAGMENT, "Ed25519", record.recoveryKey().encoded()));
            doc.putArray("capabilityInvocation").add(did + "#" + PatientSignatures.RECOVERY_FRAGMENT);
        }
        if (record.isOrganization()) {
            ObjectNode service = doc.putArray("service").addObject();
            service.put("id", did + "#node");
            service.put("type", "MedMeshNode");
            service.put("serviceEndpoint", record.serviceEndpoint().url());
        }
        return doc;
    }

    private static ObjectNode metadata(DidRecord record) {
        ObjectNode metadata = CanonicalJson.object();
        metadata.put("versionId", Long.toString(record.version()));
        metadata.put("deactivated", record.deactivated());
        metadata.put("created", record.created().toString());
        metadata.put("updated", record.updated().toString());
        return metadata;
    }

    private static ObjectNode method(String did, String fragment, String curve, String x) {
        ObjectNode method = CanonicalJson.object();
        method.put("id", did + "#" + fragment);
        method.put("type", "JsonWebKey2020");
        method.put("controller", did);
        ObjectNode jwk = method.putObject("publicKeyJwk");
        jwk.put("kty", "OKP");
        jwk.put("crv", curve);
        jwk.put("x", x);
        return method;
    }
}
