package org.hyperledger.fabric.contract;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.DataType;
import org.hyperledger.fabric.contract.routing.impl.RoutingRegistryImpl;

/**
 * Builds Fabric's {@link ContractRouter} without connecting it to a peer, its contracts found by Fabric's own
 * registry code over a scan of the chaincode's packages only. It lives in Fabric's package for the router's
 * package-private accessors; nothing else of Fabric is touched.
 */
public final class InProcessContractRouter {
    /** Strong references: java.util.logging forgets levels of loggers nobody holds. */
    private static final Logger FABRIC_LOGGER = Logger.getLogger("org.hyperledger");

    private static final Logger ROUTER_LOGGER = Logger.getLogger(ContractRouter.class.getPackage().getName());

    private static ContractRouter router;

    /**
     * Where contracts and data types are looked for. Fabric's own scan ({@code findAllContracts}) reads every class
     * on the classpath — half a minute for a provider node's jar on a small machine; the chaincode and Fabric's
     * system contract live here. Override with the system property {@value #PACKAGES_PROPERTY} (comma-separated).
     */
    public static final String PACKAGES_PROPERTY = "medmesh.chaincode.packages";

    private static final String DEFAULT_PACKAGES = "org.medmesh.chaincode,org.hyperledger.fabric.contract";

    private InProcessContractRouter() {}

    public static synchronized ContractRouter instance() {
        if (router == null) {
            FABRIC_LOGGER.setLevel(Level.WARNING);
            ContractRouter created = new ContractRouter(new String[] {"--id", "medmesh:embedded"});
            registerContracts(created);
            // The router logs every invocation's arguments, and every refusal with a stack trace, through
            // java.util.logging: business refusals are answers, not errors, and reach the caller as responses.
            FABRIC_LOGGER.setLevel(Level.OFF);
            ROUTER_LOGGER.setLevel(Level.OFF);
            router = created;
        }
        return router;
    }

    /** Fabric's {@code findAndSetContracts}, with the scan limited to the chaincode's packages. */
    @SuppressWarnings("unchecked")
    private static void registerContracts(ContractRouter router) {
        String[] packages = System.getProperty(PACKAGES_PROPERTY, DEFAULT_PACKAGES).split(",");
        List<Class<ContractInterface>> contracts = new ArrayList<>();
        List<Class<?>> dataTypes = new ArrayList<>();
        try (ScanResult scan = new ClassGraph().enableClassInfo().enableAnnotationInfo().acceptPackages(packages)
                .scan()) {
            for (ClassInfo info : scan.getClassesWithAnnotation(Contract.class.getName())) {
                Class<?> type = info.loadClass();
                if (ContractInterface.class.isAssignableFrom(type)) {
                    contracts.add((Class<ContractInterface>) type);
                }
            }
            scan.getClassesWithAnnotation(DataType.class.getName()).forEach(info -> dataTypes.add(info.loadClass()));
        }
        try {
            // The registry's own loop (routes, transaction functions, the default contract): private in Fabric.
            Method addContracts = RoutingRegistryImpl.class.getDeclaredMethod("addContracts", List.class);
            addContracts.setAccessible(true);
            addContracts.invoke(router.getRoutingRegistry(), contracts);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this Fabric shim's contract registry is not the one expected", e);
        }
        dataTypes.forEach(router.getTypeRegistry()::addDataType);
    }
}
