package org.medmesh.node.adapter.out.ledger.embedded;

import org.junit.jupiter.api.AfterAll;
import org.medmesh.node.adapter.out.ledger.LedgerClientContractTest;
import org.medmesh.node.application.port.LedgerClient;

/** The shared suite on a persisted embedded network; subclasses choose the database. */
abstract class EmbeddedNetworkContractTest extends LedgerClientContractTest {
    final EmbeddedNetworkFixture fixture;

    EmbeddedNetworkContractTest(EmbeddedNetworkFixture fixture) {
        this.fixture = fixture;
    }

    @Override
    protected LedgerClient holder() {
        return fixture.holder;
    }

    @Override
    protected LedgerClient requester() {
        return fixture.requester;
    }

    @AfterAll
    void closeFixture() {
        fixture.close();
    }
}
