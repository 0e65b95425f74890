package org.medmesh.patient.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.chaincode.consent.EffectiveStatus;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.chaincode.identity.ServiceEndpoint;
import org.medmesh.chaincode.json.CanonicalJson;
import org.medmesh.chaincode.json.JsonFields;

/**
 * The wallet's plaintext: canonical JSON {@code {"type":"medmesh.wallet","version":1,"walletId","createdAt",
 * "hospitals":{<org DID>:{...}}}}. It exists only inside the sealed envelope, since it holds the private keys.
 */
final class WalletCodec {

    static final String TYPE = "medmesh.wallet";
    static final int VERSION = 1;

    private static final Set<String> FIELDS = Set.of("type", "version", "walletId", "createdAt", "hospitals");
    private static final Set<String> ENTRY_FIELDS =
            Set.of("did", "version", "registered", "keys", "enrolment", "consents", "pendingRotation");
    private static final Set<String> ENROLMENT_FIELDS = Set.of("enrolled", "serviceEndpoint", "since");
    private static final Set<String> CONSENT_FIELDS = Set.of("consentId", "grantJws", "consentJson", "status");
    private static final Set<String> ROTATION_FIELDS = Set.of("signedOperation", "version", "keys");

    private WalletCodec() {
    }

    static byte[] encode(WalletState state) {
        ObjectNode hospitals = CanonicalJson.object();
        state.hospitals().forEach((hospital, entry) -> hospitals.set(hospital.value(), entryJson(entry)));
        ObjectNode root = CanonicalJson.object();
        root.put("type", TYPE);
        root.put("version", VERSION);
        root.put("walletId", state.walletId());
        root.put("createdAt", state.createdAt().toString());
        root.set("hospitals", hospitals);
        return CanonicalJson.bytes(root);
    }

    /** The state in {@code plaintext}; DAMAGED if it is not a well-formed wallet, UNSUPPORTED_FORMAT if newer. */
    static WalletState decode(byte[] plaintext) {
        ObjectNode root = parse(plaintext);
        JsonNode version = root.path("version");
        if (!TYPE.equals(root.path("type").textValue()) || !version.isIntegralNumber() || version.asLong() != VERSION) {
            throw new WalletException(WalletException.Code.UNSUPPORTED_FORMAT, "not a wallet of a version this app reads");
        }
        try {
            JsonFields fields = JsonFields.of(root, FIELDS);
            Map<Did, HospitalEntry> hospitals = new HashMap<>();
            JsonNode hospitalsNode = fields.node("hospitals");
            if (!hospitalsNode.isObject()) {
                throw new IllegalArgumentException("hospitals must be an object");
            }
            for (Map.Entry<String, JsonNode> entry : hospitalsNode.properties()) {
                hospitals.put(Did.parseOrganization(entry.getKey()), entryFrom(entry.getValue()));
            }
            return new WalletState(fields.text("walletId"), fields.instant("createdAt"), hospitals);
        } catch (ChaincodeException | IllegalArgumentException e) {
            throw new WalletException(WalletException.Code.DAMAGED, "the wallet's contents are malformed");
        }
    }

    private static ObjectNode parse(byte[] plaintext) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(plaintext))
                    .toString();
            return CanonicalJson.parseObject(text);
        } catch (CharacterCodingException | ChaincodeException e) {
            throw new WalletException(WalletException.Code.DAMAGED, "the wallet's contents are not JSON");
        }
    }

    private static ObjectNode entryJson(HospitalEntry entry) {
        ObjectNode json = CanonicalJson.object();
        json.put("did", entry.identity().did().value());
        json.put("version", entry.identity().version());
        json.put("registered", entry.registered());
        json.set("keys", entry.identity().keyRing().privateJson());
        if (entry.enrolment() != null) {
            ObjectNode enrolment = json.putObject("enrolment");
            enrolment.put("enrolled", entry.enrolment().enrolled());
            enrolment.put("serviceEndpoint", entry.enrolment().serviceEndpoint().url());
            enrolment.put("since", entry.enrolment().since().toString());
        }
        ArrayNode consents = json.putArray("consents");
        for (SignedConsent consent : entry.consents()) {
            ObjectNode c = consents.addObject();
            c.put("consentId", consent.consentId().value());
            c.put("grantJws", consent.grantJws());
            c.put("consentJson", consent.consentJson());
            c.put("status", consent.status().code());
        }
        if (entry.pendingRotation() != null) {
            ObjectNode rotation = json.putObject("pendingRotation");
            rotation.put("signedOperation", entry.pendingRotation().signedOperation());
            rotation.put("version", entry.pendingRotation().next().version());
            rotation.set("keys", entry.pendingRotation().next().keyRing().privateJson());
        }
        return json;
    }

    private static HospitalEntry entryFrom(JsonNode json) {
        JsonFields f = JsonFields.of(json, ENTRY_FIELDS);
        Did did = Did.parsePatient(f.text("did"));
        PatientIdentity identity = PatientIdentity.restore(did,
                PatientKeyRing.fromPrivateJson(f.node("keys")), f.integer("version", 1, Long.MAX_VALUE));
        Enrolment enrolment = f.optionalNode("enrolment").map(WalletCodec::enrolment).orElse(null);
        PatientIdentity.Rotation rotation =
                f.optionalNode("pendingRotation").map(r -> rotation(did, r)).orElse(null);
        return new HospitalEntry(identity, f.bool("registered"), enrolment, consents(f.node("consents")), rotation);
    }

    private static Enrolment enrolment(JsonNode json) {
        JsonFields f = JsonFields.of(json, ENROLMENT_FIELDS);
        return new Enrolment(f.bool("enrolled"), ServiceEndpoint.parse(f.text("serviceEndpoint")), f.instant("since"));
    }

    /** Iterated here rather than through JsonFields, whose arrays stop at 100 elements. */
    private static List<SignedConsent> consents(JsonNode array) {
        if (!array.isArray()) {
            throw new IllegalArgumentException("consents must be an array");
        }
        SignedConsent[] consents = new SignedConsent[array.size()];
        for (int i = 0; i < consents.length; i++) {
            JsonFields f = JsonFields.of(array.get(i), CONSENT_FIELDS);
            consents[i] = new SignedConsent(ConsentId.parse(f.text("consentId")), f.text("grantJws"),
                    f.text("consentJson"), status(f.text("status")));
        }
        return Arrays.asList(consents);
    }

    private static EffectiveStatus status(String code) {
        return Arrays.stream(EffectiveStatus.values())
                .filter(s -> s.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown consent status"));
    }

    private static PatientIdentity.Rotation rotation(Did did, JsonNode json) {
        JsonFields f = JsonFields.of(json, ROTATION_FIELDS);
        PatientIdentity next = PatientIdentity.restore(did, PatientKeyRing.fromPrivateJson(f.node("keys")),
                f.integer("version", 2, Long.MAX_VALUE));
        return new PatientIdentity.Rotation(f.text("signedOperation"), next);
    }
}
