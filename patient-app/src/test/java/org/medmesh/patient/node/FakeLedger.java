package org.medmesh.patient.node;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.hl7.fhir.r4.model.Consent;
import org.medmesh.chaincode.consent.ConsentGrant;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.chaincode.consent.ConsentRevocation;
import org.medmesh.chaincode.crypto.Base64Url;
import org.medmesh.chaincode.crypto.CompactJws;
import org.medmesh.chaincode.crypto.Ed25519PublicKey;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.chaincode.identity.PatientKeys;
import org.medmesh.chaincode.identity.PatientOperation;
import org.medmesh.fhir.consent.ConsentDocuments;
import org.medmesh.fhir.consent.ConsentMapper;
import org.medmesh.fhir.consent.ConsentMappingException;
import org.medmesh.patient.node.FakeNode.Reply;
import org.medmesh.patient.wallet.DidAuthException;
import org.medmesh.patient.wallet.DidAuthResponse;

/**
 * What {@link FakeNode} keeps and checks, as the ledger and a real node would: patient DIDs with keys and versions
 * (signature checked before version, as the chaincode does) and the access log, both shared by the nodes of one
 * {@link Shared} ledger; and per node one-time challenges, enrolments, links to the patient's DIDs at other
 * hospitals, grants with their documents' hashes and provisions, revocations and delivered documents.
 */
final class FakeLedger {

    static final String LINK = "medmesh-link";
    static final String ACCESS_LOG = "medmesh-access-log";
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private record DidState(PatientKeys keys, long version) {}

    private record Stored(ConsentGrant grant, Instant grantedAt, boolean revoked) {}

    /** What every node of one network reads: the patients' DIDs and the access log. */
    static final class Shared {
        private final Map<Did, DidState> dids = new ConcurrentHashMap<>();
        private final List<ObjectNode> access = new CopyOnWriteArrayList<>();
    }

    private final Did organisation;
    private final Instant now;
    private final Map<Did, DidState> dids;
    private final List<ObjectNode> access;
    private final Set<String> challenges = new HashSet<>();
    private final Set<Did> enrolled = new HashSet<>();
    private final Map<ConsentId, Stored> consents = new HashMap<>();
    private final Map<ConsentId, byte[]> delivered = new HashMap<>();
    private final List<FakeNode.Link> links = new ArrayList<>();
    private int accessPageSize = 100;
    private int transactions;

    FakeLedger(Did organisation, Instant now, Shared shared) {
        this.organisation = organisation;
        this.now = now;
        this.dids = shared.dids;
        this.access = shared.access;
    }

    synchronized Reply register(String operation) {
        PatientOperation op = PatientOperation.parse(operation, PatientOperation.Op.CREATE);
        if (!op.keys().deriveDid().equals(op.did())) {
            return FakeNode.problemReply(400, "MALFORMED_INPUT", "DID is not derived from its initial keys");
        }
        if (!signedBy(op.jws(), op.did(), "sign", op.keys().signingKey())) {
            return FakeNode.problemReply(403, "BAD_SIGNATURE", "JWS signature does not verify");
        }
        if (dids.putIfAbsent(op.did(), new DidState(op.keys(), 1)) != null) {
            return FakeNode.problemReply(409, "DUPLICATE", "DID is already registered");
        }
        return commit(201, op.did(), 1);
    }

    synchronized Reply rotate(String operation) {
        PatientOperation op = PatientOperation.parse(operation, PatientOperation.Op.ROTATE);
        DidState current = dids.get(op.did());
        if (current == null) {
            return FakeNode.problemReply(404, "UNKNOWN_DID", "no such DID");
        }
        boolean recovery = "recovery".equals(op.jws().kid().fragment());
        Ed25519PublicKey key = recovery ? current.keys().recoveryKey() : current.keys().signingKey();
        if (!signedBy(op.jws(), op.did(), recovery ? "recovery" : "sign", key)
                || (!recovery && !op.keys().recoveryKey().equals(current.keys().recoveryKey()))) {
            return FakeNode.problemReply(403, "BAD_SIGNATURE", "JWS signature does not verify");
        }
        if (op.previousVersion() != current.version()) {
            return FakeNode.problemReply(409, "STALE_VERSION", "previousVersion is not the current version");
        }
        dids.put(op.did(), new DidState(op.keys(), current.version() + 1));
        return commit(200, op.did(), current.version() + 1);
    }

    synchronized void issueChallenge(String challenge) {
        challenges.add(challenge);
    }

    synchronized Reply enrol(String challenge, String response) {
        if (!challenges.remove(challenge)) {
            return FakeNode.problemReply(404, "UNKNOWN_CHALLENGE", "no such enrolment code, or it was used");
        }
        try {
            Did patient = Did.parsePatient(DidAuthResponse.claimedDid(response));
            DidState state = dids.get(patient);
            if (state == null) {
                return FakeNode.problemReply(404, "UNKNOWN_DID", "no such DID");
            }
            DidAuthResponse.verify(response, organisation.value(), challenge, state.keys().signingKey().encoded(), now,
                    MAX_AGE);
            enrolled.add(patient);
            return FakeNode.ok(200, FakeNode.JSON.createObjectNode().put("patientDid", patient.value())
                    .put("enrolled", true));
        } catch (DidAuthException e) {
            return FakeNode.problemReply(401, e.reason().name(), "the response does not prove control of the DID");
        }
    }

    synchronized Reply submitGrant(String grantJws, String document) {
        ConsentGrant grant = ConsentGrant.parse(grantJws);
        DidState state = dids.get(grant.patient());
        if (state == null) {
            return FakeNode.problemReply(404, "UNKNOWN_DID", "no such DID");
        }
        if (!signedBy(grant.jws(), grant.patient(), "sign", state.keys().signingKey())) {
            return FakeNode.problemReply(403, "BAD_SIGNATURE", "JWS signature does not verify");
        }
        try {
            Consent consent = ConsentDocuments.read(Base64Url.decode(document), grant.consentHash());
            if (!ConsentMapper.toProvision(consent).equals(grant.provision())
                    || !ConsentMapper.headerOf(consent).patient().equals(grant.patient())) {
                return FakeNode.problemReply(422, "DOCUMENT_MISMATCH", "the document states another consent");
            }
        } catch (ConsentMappingException e) {
            return FakeNode.problemReply(422, "DOCUMENT_MISMATCH", "the document is not the one signed");
        }
        if (consents.containsKey(grant.id())) {
            return FakeNode.problemReply(409, "DUPLICATE", "consent already granted");
        }
        consents.put(grant.id(), new Stored(grant, now, false));
        return FakeNode.ok(201, FakeNode.JSON.createObjectNode().put("id", grant.id().value()).put("status", "active")
                .put("patient", grant.patient().value()).put("consentHash", grant.consentHash()));
    }

    synchronized Reply consent(String id) {
        Stored stored = consents.get(ConsentId.parse(id));
        if (stored == null) {
            return FakeNode.problemReply(404, "NOT_FOUND", "no such consent");
        }
        ObjectNode body = FakeNode.JSON.createObjectNode().put("id", id)
                .put("status", stored.revoked() ? "revoked" : "active")
                .put("patient", stored.grant().patient().value()).put("consentHash", stored.grant().consentHash())
                .put("grantedAt", stored.grantedAt().toString());
        if (stored.revoked()) {
            body.put("revokedAt", now.toString());
        }
        return FakeNode.ok(200, body);
    }

    synchronized Reply revoke(String id, String operation) {
        ConsentRevocation revocation = ConsentRevocation.parse(operation);
        Stored stored = consents.get(ConsentId.parse(id));
        if (stored == null) {
            return FakeNode.problemReply(404, "NOT_FOUND", "no such consent");
        }
        if (!revocation.consentId().value().equals(id) || !revocation.patient().equals(stored.grant().patient())) {
            return FakeNode.problemReply(403, "NOT_OWNER", "not this patient's consent");
        }
        if (!signedBy(revocation.jws(), revocation.patient(), "sign", dids.get(revocation.patient()).keys()
                .signingKey())) {
            return FakeNode.problemReply(403, "BAD_SIGNATURE", "JWS signature does not verify");
        }
        if (stored.revoked()) {
            return FakeNode.problemReply(409, "REVOKED", "consent already revoked");
        }
        revoke(ConsentId.parse(id));
        return FakeNode.ok(200, FakeNode.JSON.createObjectNode().put("id", id).put("status", "revoked"));
    }

    synchronized Reply deliver(String id, String document) {
        Stored stored = consents.get(ConsentId.parse(id));
        if (stored == null) {
            return FakeNode.problemReply(404, "NOT_FOUND", "no such consent");
        }
        if (!FakeNode.hash(document).equals(stored.grant().consentHash())) {
            return FakeNode.problemReply(422, "HASH_MISMATCH", "the document is not the one the patient signed");
        }
        delivered.put(stored.grant().id(), Base64Url.decode(document));
        return new Reply(204, null, null);
    }

    /** As a requester's node checks a link: both DIDs sign the statement for it, the DID here is enrolled here. */
    synchronized Reply link(String holderText, String here, String there) {
        Did holder;
        try {
            holder = Did.parseOrganization(holderText);
        } catch (ChaincodeException e) {
            return FakeNode.problemReply(400, "BAD_REQUEST", "\"holder\" must be a hospital's organisation DID");
        }
        if (holder.equals(organisation)) {
            return FakeNode.problemReply(422, "NOT_VERIFIED", "the holder is another hospital's organisation DID");
        }
        Optional<Did> patientHere = claimed(here);
        Optional<Did> patientThere = claimed(there);
        if (patientHere.isEmpty() || patientThere.isEmpty() || patientHere.equals(patientThere)) {
            return FakeNode.problemReply(422, "NOT_VERIFIED", "two different patient DIDs must sign");
        }
        String statement = LINK + "|" + holder.value() + "|" + patientThere.get().value() + "|"
                + patientHere.get().value();
        Optional<Reply> refused = verify(here, patientHere.get(), statement)
                .or(() -> verify(there, patientThere.get(), statement));
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!enrolled.contains(patientHere.get())) {
            return FakeNode.problemReply(404, "UNKNOWN_PATIENT", "the DID signing for this hospital is not enrolled "
                    + "here");
        }
        links.removeIf(l -> l.patientHere().equals(patientHere.get()) && l.holder().equals(holder));
        links.add(new FakeNode.Link(patientHere.get(), holder, patientThere.get()));
        return FakeNode.ok(201, FakeNode.JSON.createObjectNode().put("holder", holder.value())
                .put("patientAtHolder", patientThere.get().value()));
    }

    /** The signing DID's events, a page at a time; the bookmark is the offset of the next page. */
    synchronized Reply accessLog(String didAuth, Map<String, String> query) {
        if (didAuth == null || didAuth.isBlank()) {
            return FakeNode.problemReply(401, "UNAUTHENTICATED", "the MedMesh-DID-Auth header is required");
        }
        Optional<Did> patient = claimed(didAuth);
        if (patient.isEmpty()) {
            return FakeNode.problemReply(422, "NOT_VERIFIED", "not a DID-auth response");
        }
        Optional<Reply> refused = verify(didAuth, patient.get(), ACCESS_LOG);
        if (refused.isPresent()) {
            return refused.get();
        }
        Instant from = query.containsKey("from") ? Instant.parse(query.get("from")) : Instant.MIN;
        Instant to = query.containsKey("to") ? Instant.parse(query.get("to")) : Instant.MAX;
        List<ObjectNode> mine = access.stream().filter(e -> e.get("patient").textValue().equals(
                patient.get().value())).filter(e -> inRange(e, from, to)).toList();
        int size = Math.min(accessPageSize, Integer.parseInt(query.getOrDefault("size", "100")));
        int start = query.containsKey("bookmark") ? Integer.parseInt(query.get("bookmark").substring(1)) : 0;
        int end = Math.min(mine.size(), start + size);
        ObjectNode body = FakeNode.JSON.createObjectNode();
        body.putArray("events").addAll(mine.subList(Math.min(start, end), end));
        if (end < mine.size()) {
            body.put("bookmark", "p" + end);
        }
        return FakeNode.ok(200, body);
    }

    synchronized void accessPageSize(int size) {
        accessPageSize = size;
    }

    void recordAccess(ObjectNode event) {
        access.add(event.deepCopy());
    }

    synchronized List<FakeNode.Link> links() {
        return List.copyOf(links);
    }

    private static boolean inRange(ObjectNode event, Instant from, Instant to) {
        Instant time = Instant.parse(event.get("time").textValue());
        return !time.isBefore(from) && time.isBefore(to);
    }

    private static Optional<Did> claimed(String response) {
        try {
            return Optional.of(Did.parsePatient(DidAuthResponse.claimedDid(response)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The refusal, if {@code response} is not {@code did}'s answer to {@code challenge} for this hospital. */
    private Optional<Reply> verify(String response, Did did, String challenge) {
        DidState state = dids.get(did);
        if (state == null) {
            return Optional.of(FakeNode.problemReply(404, "UNKNOWN_DID", "a signing DID is not on the ledger"));
        }
        try {
            DidAuthResponse.verify(response, organisation.value(), challenge, state.keys().signingKey().encoded(),
                    now, MAX_AGE);
            return Optional.empty();
        } catch (DidAuthException e) {
            return Optional.of(FakeNode.problemReply(422, "NOT_VERIFIED", "a signature does not verify: "
                    + e.getMessage()));
        }
    }

    synchronized void revoke(ConsentId id) {
        Stored stored = consents.get(id);
        consents.put(id, new Stored(stored.grant(), stored.grantedAt(), true));
    }

    synchronized Optional<PatientKeys> keys(Did patient) {
        return Optional.ofNullable(dids.get(patient)).map(DidState::keys);
    }

    synchronized long version(Did patient) {
        return Optional.ofNullable(dids.get(patient)).map(DidState::version).orElse(0L);
    }

    synchronized boolean isEnrolled(Did patient) {
        return enrolled.contains(patient);
    }

    synchronized Optional<ConsentGrant> grant(ConsentId id) {
        return Optional.ofNullable(consents.get(id)).map(Stored::grant);
    }

    synchronized boolean isRevoked(ConsentId id) {
        return Optional.ofNullable(consents.get(id)).map(Stored::revoked).orElse(false);
    }

    synchronized Optional<byte[]> delivered(ConsentId id) {
        return Optional.ofNullable(delivered.get(id)).map(byte[]::clone);
    }

    private Reply commit(int status, Did did, long version) {
        transactions++;
        return FakeNode.ok(status, FakeNode.JSON.createObjectNode().put("did", did.value()).put("version", version)
                .put("txId", "tx-" + transactions));
    }

    private static boolean signedBy(CompactJws jws, Did did, String fragment, Ed25519PublicKey key) {
        return jws.kid().did().equals(did.value()) && jws.kid().fragment().equals(fragment) && jws.verifiedBy(key);
    }
}
