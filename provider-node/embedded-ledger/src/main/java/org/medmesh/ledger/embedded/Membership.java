package org.medmesh.ledger.embedded;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * The organisations the ledger trusts, by their CA certificates: a proposal's creator must hold a certificate
 * issued by the CA of the MSP it names, valid now, and must have signed the proposal with that certificate's key.
 */
final class Membership {
    private final Map<String, X509Certificate> caByMsp = new ConcurrentHashMap<>();
    private final Map<ByteString, X509Certificate> verifiedCreators = new ConcurrentHashMap<>();

    void trust(String mspId, X509Certificate caCertificate) {
        X509Certificate previous = caByMsp.putIfAbsent(mspId, caCertificate);
        if (previous != null && !previous.equals(caCertificate)) {
            throw new IllegalArgumentException("MSP " + mspId + " is already trusted with another CA");
        }
    }

    /** The creator's MSP id when the creator is a trusted member and the signature is its own; empty otherwise. */
    Optional<String> verify(ByteString creator, ByteString message, ByteString signature) {
        try {
            SerializedIdentity identity = SerializedIdentity.parseFrom(creator);
            X509Certificate certificate = memberCertificate(creator, identity);
            if (certificate == null) {
                return Optional.empty();
            }
            certificate.checkValidity();
            Signature verifier = Signature.getInstance(Providers.signatureAlgorithm(certificate.getPublicKey()), Providers.BC);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(message.asReadOnlyByteBuffer());
            return verifier.verify(signature.toByteArray()) ? Optional.of(identity.getMspid()) : Optional.empty();
        } catch (InvalidProtocolBufferException | GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private X509Certificate memberCertificate(ByteString creator, SerializedIdentity identity) {
        X509Certificate cached = verifiedCreators.get(creator);
        if (cached != null) {
            return cached;
        }
        X509Certificate ca = caByMsp.get(identity.getMspid());
        if (ca == null) {
            return null;
        }
        X509Certificate certificate = Pem.parseCertificate(identity.getIdBytes().toByteArray());
        try {
            certificate.verify(ca.getPublicKey());
        } catch (GeneralSecurityException e) {
            return null;
        }
        verifiedCreators.put(creator, certificate);
        return certificate;
    }
}
