package org.medmesh.node.adapter.out.ledger.embedded;

import org.junit.jupiter.api.AfterAll;
import org.medmesh.ledger.embedded.ContractChaincode;
import org.medmesh.ledger.embedded.EmbeddedLedger;
import org.medmesh.ledger.embedded.OrgCa;
import org.medmesh.node.adapter.out.ledger.LedgerClientContractTest;
import org.medmesh.node.application.port.LedgerClient;

/** The shared suite on the embedded ledger with its in-memory block store. */
class EmbeddedLedgerClientTest extends LedgerClientContractTest {
    private static final OrgCa CITY = OrgCa.generate("CityHospitalMSP");
    private static final OrgCa ST_MARYS = OrgCa.generate("StMarysHospitalMSP");

    private final EmbeddedLedger ledger = EmbeddedLedger.builder().chaincode(ContractChaincode.fromClasspath())
            .trust(CITY).trust(ST_MARYS).build();
    private final LedgerClient holder = new EmbeddedLedgerClient(ledger, CITY.issue("node"));
    private final LedgerClient requester = new EmbeddedLedgerClient(ledger, ST_MARYS.issue("node"));

    @Override
    protected LedgerClient holder() {
        return holder;
    }

    @Override
    protected LedgerClient requester() {
        return requester;
    }

    @AfterAll
    void close() {
        ledger.close();
    }
}
