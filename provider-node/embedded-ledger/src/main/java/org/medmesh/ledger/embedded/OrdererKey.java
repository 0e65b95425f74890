package org.medmesh.ledger.embedded;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Objects;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * The orderer's Ed25519 block-signing key. It is kept in files outside the database ({@code orderer-key.pem},
 * owner-only, and {@code orderer-pub.pem}), so someone who can edit the block tables cannot re-sign a block.
 */
public final class OrdererKey {
    private static final String PRIVATE_FILE = "orderer-key.pem";
    private static final String PUBLIC_FILE = "orderer-pub.pem";

    private final PublicKey publicKey;
    private final PrivateKey privateKey;

    private OrdererKey(PublicKey publicKey, PrivateKey privateKey) {
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        this.privateKey = privateKey;
    }

    public static OrdererKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519", Providers.BC).generateKeyPair();
            return new OrdererKey(pair.getPublic(), pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is unavailable", e);
        }
    }

    /** Loads the key pair from {@code directory}, creating and saving a new one when there is none yet. */
    public static OrdererKey loadOrCreate(Path directory) {
        if (Files.exists(directory.resolve(PRIVATE_FILE))) {
            return new OrdererKey(readPublic(directory), Pem.parsePrivateKey(read(directory.resolve(PRIVATE_FILE))));
        }
        OrdererKey key = generate();
        key.save(directory);
        return key;
    }

    /** Loads only the public key: enough to verify the chain, not to extend it. */
    public static OrdererKey loadPublic(Path directory) {
        return new OrdererKey(readPublic(directory), null);
    }

    public void save(Path directory) {
        try {
            Files.createDirectories(directory);
            Path privateFile = directory.resolve(PRIVATE_FILE);
            Files.deleteIfExists(privateFile);
            Files.createFile(privateFile,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(privateFile, Pem.privateKey(requirePrivate()));
            Files.writeString(directory.resolve(PUBLIC_FILE), pem(SubjectPublicKeyInfo.getInstance(
                    publicKey.getEncoded())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ByteString sign(ByteString message) {
        try {
            Signature signature = Signature.getInstance("Ed25519", Providers.BC);
            signature.initSign(requirePrivate());
            signature.update(message.asReadOnlyByteBuffer());
            return ByteString.copyFrom(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign block", e);
        }
    }

    boolean verify(ByteString message, ByteString signatureBytes) {
        try {
            Signature signature = Signature.getInstance("Ed25519", Providers.BC);
            signature.initVerify(publicKey);
            signature.update(message.asReadOnlyByteBuffer());
            return signature.verify(signatureBytes.toByteArray());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    boolean canSign() {
        return privateKey != null;
    }

    private PrivateKey requirePrivate() {
        if (privateKey == null) {
            throw new IllegalStateException("only the orderer's public key is loaded");
        }
        return privateKey;
    }

    private static PublicKey readPublic(Path directory) {
        try (PEMParser parser = new PEMParser(new StringReader(read(directory.resolve(PUBLIC_FILE))))) {
            return new JcaPEMKeyConverter().setProvider(Providers.BC).getPublicKey((SubjectPublicKeyInfo) parser.readObject());
        } catch (IOException | ClassCastException e) {
            throw new IllegalArgumentException("unreadable orderer public key", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pem(Object object) {
        java.io.StringWriter out = new java.io.StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
