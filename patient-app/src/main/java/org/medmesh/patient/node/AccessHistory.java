package org.medmesh.patient.node;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.wallet.Wallet;

/**
 * The patient's access history: the ledger's access events for every DID the wallet registered, read through one
 * node (each DID proves control of itself to it), newest first. The command line and the page show the same.
 */
public final class AccessHistory {
    public static final Comparator<AccessEvent> NEWEST_FIRST = Comparator
            .comparing(AccessEvent::time, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(AccessEvent::eventId);

    private AccessHistory() {}

    /**
     * @param node the node to read through
     * @param reader that node's organisation DID (the audience of each DID's proof)
     * @throws NodeException if the node refuses or cannot be reached
     */
    public static List<AccessEvent> read(Wallet wallet, NodeClient nodes, URI node, Did reader, Instant now) {
        List<AccessEvent> events = new ArrayList<>();
        for (Did hospital : wallet.hospitals()) {
            if (!wallet.isRegistered(hospital)) {
                continue;
            }
            String proof = wallet.identityFor(hospital).signedChallengeResponse(reader.value(),
                    NodeClient.ACCESS_LOG_STATEMENT, now);
            events.addAll(nodes.accessLog(node, proof, null, null));
        }
        events.sort(NEWEST_FIRST);
        return List.copyOf(events);
    }
}
