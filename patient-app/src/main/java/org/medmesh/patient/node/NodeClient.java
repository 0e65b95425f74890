package org.medmesh.patient.node;

import java.net.URI;
import java.time.Duration;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.chaincode.consent.EffectiveStatus;

/**
 * A provider node's patient-facing API. Every call names the node it talks to ({@code http(s)://host[:port][/base]}),
 * so one client serves the holder and the grantees alike. Reads are named after what they return; writes relay an
 * operation the patient signed, which the ledger verifies against the patient's DID document: the node cannot alter
 * it. Every method throws {@link NodeException} and nothing else on a failure of the node or the network.
 */
public interface NodeClient {

    Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

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
}
