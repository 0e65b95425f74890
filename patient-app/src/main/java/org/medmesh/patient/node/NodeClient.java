package org.medmesh.patient.node;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.chaincode.consent.EffectiveStatus;
import org.medmesh.chaincode.identity.Did;

/**
 * A provider node's patient-facing API. Every call names the node it talks to ({@code http(s)://host[:port][/base]}),
 * so one client serves the holder and the grantees alike. Reads are named after what they return; writes relay an
 * operation the patient signed, which the ledger verifies against the patient's DID document: the node cannot alter
 * it. Every method throws {@link NodeException} and nothing else on a failure of the node or the network.
 */
public interface NodeClient {

    Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** The challenge a DID-auth response for {@link #accessLog} answers. */
    String ACCESS_LOG_STATEMENT = "medmesh-access-log";

    /** A client over {@code java.net.http} (HTTP/1.1) with the default timeouts. */
    static NodeClient overHttp() {
        return overHttp(DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    /** A client over {@code java.net.http} (HTTP/1.1); {@code requestTimeout} bounds each exchange after connecting. */
    static NodeClient overHttp(Duration connectTimeout, Duration requestTimeout) {
        return new HttpNodeClient(connectTimeout, requestTimeout);
    }

    /** {@code GET /identity}: the hospital's organisation DID, its service endpoint and display name. */
    NodeIdentity identity(URI node);

    /** {@code POST /relay/patients}: registers a pairwise DID with its signed {@code create} operation. */
    PatientDidCommit registerPatient(URI node, String signedCreate);

    /** {@code POST /relay/patients/rotations}: relays a signed key rotation. */
    PatientDidCommit rotatePatientKeys(URI node, String signedRotation);

    /** {@code POST /enrolments/{challenge}/response}: answers the registration desk's one-time code. */
    EnrolmentAnswer answerEnrolmentChallenge(URI node, String challenge, String signedResponse);

    /**
     * {@code POST /relay/consents}: submits a signed grant with the exact bytes of the FHIR Consent whose SHA-256 it
     * carries. The answer is checked against the grant: same consent id (derived from the grant's payload), same
     * patient, same hash.
     */
    GrantReceipt submitGrant(URI node, String signedGrant, byte[] document);

    /** {@code GET /relay/consents/{id}}: the consent as the ledger sees it now. */
    ConsentView consent(URI node, ConsentId id);

    /** {@code POST /relay/consents/{id}/revocation}: relays a signed revocation; returns the new status. */
    EffectiveStatus submitRevocation(URI node, ConsentId id, String signedRevocation);

    /** {@code POST /consents/{id}/document}: hands the signed FHIR Consent to a holder, which checks its hash. */
    void deliverDocument(URI node, ConsentId id, byte[] document);

    /**
     * {@code POST /patients/links}: tells the hospital at {@code node} that the patient's DID there and their DID at
     * {@code holder} are one person, so that it may ask the holder for their records. Both DIDs prove it with a
     * DID-auth response for the node's hospital over the same statement ({@code here}: the DID at the node's
     * hospital; {@code there}: the DID at the holder), see {@link PatientLink#statement}. The answer must name the
     * same holder and DID.
     */
    PatientLink link(URI node, Did holder, String here, String there);

    /**
     * {@code GET /relay/access}: every access decision the ledger recorded for the DID that signed {@code didAuth}
     * (a DID-auth response for the node's hospital over {@code "medmesh-access-log"}), between {@code from} and
     * {@code to} (either null: unbounded), all pages followed, in the node's order. Any node serves any DID's log.
     */
    List<AccessEvent> accessLog(URI node, String didAuth, Instant from, Instant to);

    /**
     * {@code POST /patients/challenges}: a one-time challenge for reading the records the node's hospital holds for
     * the patient enrolled with {@code patient} (the wallet's DID there). Nodes issue one for any patient DID, so
     * the answer says nothing about enrolment; the audience is the hospital the DID-auth response must name.
     */
    RecordsChallenge recordsChallenge(URI node, Did patient);

    /**
     * {@code GET /patients/records}: the FHIR Bundle ({@code collection}) of everything the node's hospital holds for
     * the patient enrolled with the DID that signed {@code didAuth} (a DID-auth response over {@code challenge},
     * the challenge's audience as audience), exactly as received, up to 256 MiB. A challenge answers once. Refusals
     * the node gives: 401 (headers missing), 422 {@code NOT_VERIFIED} / {@code CODE_NOT_OPEN}, 404
     * {@code UNKNOWN_DID} / {@code UNKNOWN_PATIENT} (not enrolled there).
     */
    OwnRecords records(URI node, String challenge, String didAuth);
}
