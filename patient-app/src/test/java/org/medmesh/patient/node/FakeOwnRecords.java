package org.medmesh.patient.node;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.medmesh.chaincode.crypto.Base64Url;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.chaincode.identity.PatientKeys;
import org.medmesh.patient.node.FakeNode.Reply;
import org.medmesh.patient.wallet.DidAuthException;
import org.medmesh.patient.wallet.DidAuthResponse;

/**
 * {@link FakeNode}'s right-of-access routes, checked as the provider node's {@code ReadOwnRecords} does: a challenge
 * for any patient DID; then the DID-auth response resolved on the ledger and verified (this hospital as audience,
 * the challenge, five minutes), the challenge consumed only by the DID it was issued for (once), and the DID
 * enrolled here, before the Bundle held for it is sent as {@code application/fhir+json}.
 */
final class FakeOwnRecords {

    static final byte[] EMPTY_BUNDLE =
            "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);

    private final Did organisation;
    private final Instant now;
    private final FakeLedger ledger;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Did> open = new HashMap<>();
    private final Map<Did, byte[]> held = new HashMap<>();

    FakeOwnRecords(Did organisation, Instant now, FakeLedger ledger) {
        this.organisation = organisation;
        this.now = now;
        this.ledger = ledger;
    }

    synchronized Reply challenge(String didText) {
        Did did;
        try {
            did = Did.parsePatient(didText);
        } catch (ChaincodeException e) {
            return FakeNode.problemReply(400, "BAD_REQUEST", "\"did\" must be a patient DID");
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String challenge = Base64Url.encode(bytes);
        open.put(challenge, did);
        return FakeNode.ok(201, FakeNode.JSON.createObjectNode().put("challenge", challenge)
                .put("audience", organisation.value()).put("expiresAt", now.plus(FakeLedger.MAX_AGE).toString()));
    }

    synchronized Reply records(String challenge, String didAuth) {
        if (challenge == null || challenge.isBlank() || didAuth == null || didAuth.isBlank()) {
            return FakeNode.problemReply(401, "UNAUTHENTICATED", "the MedMesh-DID-Auth and MedMesh-Challenge "
                    + "headers are required");
        }
        Did did;
        try {
            did = Did.parsePatient(DidAuthResponse.claimedDid(didAuth));
        } catch (RuntimeException e) {
            return FakeNode.problemReply(422, "NOT_VERIFIED", "not a DID-auth response");
        }
        Optional<PatientKeys> keys = ledger.keys(did);
        if (keys.isEmpty()) {
            return FakeNode.problemReply(404, "UNKNOWN_DID", "the DID is not registered on the ledger");
        }
        try {
            DidAuthResponse.verify(didAuth, organisation.value(), challenge, keys.get().signingKey().encoded(), now,
                    FakeLedger.MAX_AGE);
        } catch (DidAuthException e) {
            return FakeNode.problemReply(422, "NOT_VERIFIED", "the response does not verify: " + e.getMessage());
        }
        if (!did.equals(open.get(challenge))) {
            return FakeNode.problemReply(422, "CODE_NOT_OPEN", "the challenge is unknown, used or expired");
        }
        open.remove(challenge);
        if (!ledger.isEnrolled(did)) {
            return FakeNode.problemReply(404, "UNKNOWN_PATIENT", "this DID is not enrolled here");
        }
        return new Reply(200, "application/fhir+json", held.getOrDefault(did, EMPTY_BUNDLE).clone());
    }

    synchronized void hold(Did patient, byte[] bundle) {
        held.put(patient, bundle.clone());
    }

    synchronized int openChallenges() {
        return open.size();
    }
}
