package org.medmesh.ledger.embedded;

import java.nio.file.Path;

/**
 * A second process on the same ledger database: opens it with the shared orderer key and CA from {@code dir},
 * commits one transaction and exits with 0 if it committed. Started by {@link CrossProcessLedgerIT}.
 */
public final class OtherProcess {
    private OtherProcess() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        String url = args[1];
        OrgCa ca = OrgCa.load("Hospital1MSP", dir.resolve("ca"));
        OrgIdentity node = OrgCa.loadIdentity("Hospital1MSP", dir.resolve("ca"), "node2");
        try (EmbeddedLedger ledger = EmbeddedLedger.builder().chaincode(new KeyValueChaincode()).trust(ca)
                .store(JdbcBlockStore.open(url, "sa", "")).ordererKey(OrdererKey.loadOrCreate(dir.resolve("keys")))
                .build()) {
            SubmitResult result = ledger.submit(node, args[2], java.util.Arrays.copyOfRange(args, 3, args.length));
            System.exit(result.isValid() ? 0 : 1);
        }
    }
}
