package org.medmesh.ledger.embedded;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Objects;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * A client identity of one organisation: its MSP id, an X.509 certificate issued by that organisation's CA and
 * the private key that signs proposals. The key never leaves this object except through {@link OrgCa#save}.
 */
public final class OrgIdentity {
    private final String mspId;
    private final X509Certificate certificate;
    private final PrivateKey privateKey;
    private volatile ByteString serialized;

    public OrgIdentity(String mspId, X509Certificate certificate, PrivateKey privateKey) {
        this.mspId = Objects.requireNonNull(mspId, "mspId");
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
    }

    public String mspId() {
        return mspId;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    /** Fabric's serialized identity: MSP id and PEM certificate, as chaincode sees it in {@code getCreator()}. */
    public ByteString serialized() {
        ByteString cached = serialized;
        if (cached == null) {
            cached = serialize();
            serialized = cached;
        }
        return cached;
    }

    private ByteString serialize() {
        return SerializedIdentity.newBuilder()
                .setMspid(mspId)
                .setIdBytes(ByteString.copyFrom(Pem.certificate(certificate), StandardCharsets.US_ASCII))
                .build()
                .toByteString();
    }

    /** Signs with the identity's key (Ed25519 for the embedded ledger's CAs; ECDSA P-256 keys work too). */
    public ByteString sign(ByteString message) {
        try {
            Signature signature = Signature.getInstance(Providers.signatureAlgorithm(privateKey), Providers.BC);
            signature.initSign(privateKey);
            signature.update(message.asReadOnlyByteBuffer());
            return ByteString.copyFrom(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the organisation identity", e);
        }
    }

    @Override
    public String toString() {
        return "OrgIdentity[" + mspId + ", " + certificate.getSubjectX500Principal().getName() + "]";
    }
}
