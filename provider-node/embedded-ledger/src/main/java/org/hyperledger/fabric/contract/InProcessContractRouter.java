package org.hyperledger.fabric.contract;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Builds Fabric's {@link ContractRouter} without connecting it to a peer. It lives in Fabric's package because
 * the router's contract scan ({@code findAllContracts}) is package-private; nothing else of Fabric is touched.
 */
public final class InProcessContractRouter {
    /** Strong references: java.util.logging forgets levels of loggers nobody holds. */
    private static final Logger FABRIC_LOGGER = Logger.getLogger("org.hyperledger");

    private static final Logger ROUTER_LOGGER = Logger.getLogger(ContractRouter.class.getPackage().getName());

    private static ContractRouter router;

    private InProcessContractRouter() {}

    public static synchronized ContractRouter instance() {
        if (router == null) {
            FABRIC_LOGGER.setLevel(Level.WARNING);
            ContractRouter created = new ContractRouter(new String[] {"--id", "medmesh:embedded"});
            created.findAllContracts();
            // The router logs every invocation's arguments, and every refusal with a stack trace, through
            // java.util.logging: business refusals are answers, not errors, and reach the caller as responses.
            FABRIC_LOGGER.setLevel(Level.OFF);
            ROUTER_LOGGER.setLevel(Level.OFF);
            router = created;
        }
        return router;
    }
}
