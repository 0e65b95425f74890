package org.medmesh.node.adapter.out.jose;

import java.security.SecureRandom;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.medmesh.chaincode.crypto.Base64Url;
import org.medmesh.node.application.port.NodeKeys;
import org.medmesh.node.domain.identity.NodePublicKeys;
import org.medmesh.consent.ledger.Did;

/** Node keys in memory, from a known Ed25519 seed where a test needs one (Bouncy Castle as an independent oracle). */
public final class FixedNodeKeys implements NodeKeys {
    private final Did organization;
    private final Ed25519PrivateKeyParameters signing;
    private final X25519PrivateKeyParameters agreement;

    private FixedNodeKeys(Did organization, Ed25519PrivateKeyParameters signing, X25519PrivateKeyParameters agreement) {
        this.organization = organization;
        this.signing = signing;
        this.agreement = agreement;
    }

    public static FixedNodeKeys generate(String mspId) {
        SecureRandom random = new SecureRandom();
        return new FixedNodeKeys(Did.forOrganization(mspId), new Ed25519PrivateKeyParameters(random),
                new X25519PrivateKeyParameters(random));
    }

    static FixedNodeKeys fromSeed(String mspId, byte[] ed25519Seed) {
        return new FixedNodeKeys(Did.forOrganization(mspId), new Ed25519PrivateKeyParameters(ed25519Seed, 0),
                new X25519PrivateKeyParameters(new SecureRandom()));
    }

    public String signingKey() {
        return publicKeys().signingKey();
    }

    @Override
    public Did organization() {
        return organization;
    }

    @Override
    public NodePublicKeys publicKeys() {
        return new NodePublicKeys(Base64Url.encode(signing.generatePublicKey().getEncoded()),
                Base64Url.encode(agreement.generatePublicKey().getEncoded()));
    }

    @Override
    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, signing);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    @Override
    public byte[] agree(byte[] peerPublicKey) {
        X25519Agreement agreement = new X25519Agreement();
        agreement.init(this.agreement);
        byte[] secret = new byte[agreement.getAgreementSize()];
        agreement.calculateAgreement(new X25519PublicKeyParameters(peerPublicKey, 0), secret, 0);
        return secret;
    }
}
