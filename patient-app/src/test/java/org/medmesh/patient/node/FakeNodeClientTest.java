package org.medmesh.patient.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.wallet.PatientIdentity;

/** The HTTP client's tests against an in-process node (City Hospital) that answers per the contract. */
abstract class FakeNodeClientTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");
    static final Did RIVER = Did.forOrganization("RiverClinicMSP");

    final FakeNode node = FakeNode.start("CityHospitalMSP", "City Hospital", NOW);
    final NodeClient client;
    final PatientIdentity patient = PatientIdentity.create(new SecureRandom());

    /** With a client that connects within 2 s and gives up on an answer after 500 ms. */
    FakeNodeClientTest() {
        this(NodeClient.overHttp(Duration.ofSeconds(2), Duration.ofMillis(500)));
    }

    FakeNodeClientTest(NodeClient client) {
        this.client = client;
    }

    @AfterEach
    void stopNode() {
        node.close();
    }

    /** {@code identity}, once its DID is registered through the node. */
    PatientIdentity registered(PatientIdentity identity) {
        client.registerPatient(node.url(), identity.signedCreate());
        return identity;
    }

    static NodeException failure(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(NodeException.class);
        return (NodeException) thrown;
    }
}
