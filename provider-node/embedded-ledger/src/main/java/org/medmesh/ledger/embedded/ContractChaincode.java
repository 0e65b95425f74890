package org.medmesh.ledger.embedded;

import org.hyperledger.fabric.contract.InProcessContractRouter;
import org.hyperledger.fabric.shim.Chaincode;

/** Fabric's contract router over the {@code @Contract} classes on the classpath, for in-process use. */
public final class ContractChaincode {
    private ContractChaincode() {}

    /** The one router of this process: Fabric's type registry is static, so contracts are scanned once. */
    public static Chaincode fromClasspath() {
        return InProcessContractRouter.instance();
    }
}
