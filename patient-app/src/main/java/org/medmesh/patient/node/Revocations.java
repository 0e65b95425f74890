package org.medmesh.patient.node;

import java.net.URI;
import java.time.Instant;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.chaincode.consent.EffectiveStatus;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.wallet.Wallet;

/** Revoking a consent: signed by the patient's DID at the holder, submitted through a node, kept in the wallet. */
public final class Revocations {
    private Revocations() {}

    /**
     * Signs and submits a revocation of {@code id}, signed with the wallet's DID at {@code hospital} (the holder);
     * an already revoked consent counts as revoked. The wallet records the status.
     *
     * @throws NodeException if the node refuses otherwise or cannot be reached (nothing changed)
     */
    public static EffectiveStatus revoke(NodeClient nodes, Wallet wallet, Did hospital, URI node, ConsentId id,
            Instant now) {
        String operation = wallet.identityFor(hospital).signedRevoke(id.value(), now);
        EffectiveStatus status;
        try {
            status = nodes.submitRevocation(node, id, operation);
        } catch (NodeException e) {
            if (!e.isRefusal("REVOKED")) {
                throw e;
            }
            status = EffectiveStatus.REVOKED;
        }
        if (wallet.consents(hospital).stream().anyMatch(c -> c.consentId().equals(id))) {
            wallet.recordConsentStatus(hospital, id, status);
        }
        return status;
    }
}
