package org.medmesh.ledger.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An organisation's certificate authority, laid out as Fabric's cryptogen makes one: a self-signed root that
 * issues the organisation's client certificates. The embedded ledger trusts an organisation by its CA. Keys are
 * Ed25519 rather than Fabric 2.5's ECDSA P-256: every proposal is signed and checked, and on this JVM Ed25519
 * does both several times faster (the membership check accepts either).
 */
public final class OrgCa {
    private static final Duration VALIDITY = Duration.ofDays(3650);

    private final String mspId;
    private final X509Certificate certificate;
    private final PrivateKey privateKey;
    private final SecureRandom random;

    private OrgCa(String mspId, X509Certificate certificate, PrivateKey privateKey, SecureRandom random) {
        this.mspId = mspId;
        this.certificate = certificate;
        this.privateKey = privateKey;
        this.random = random;
    }

    public static OrgCa generate(String mspId) {
        return generate(mspId, new SecureRandom());
    }

    public static OrgCa generate(String mspId, SecureRandom random) {
        requireMspId(mspId);
        KeyPair keys = newKeyPair(random);
        X500Name name = new X500Name("CN=ca." + mspId + ",O=" + mspId);
        X509v3CertificateBuilder builder = builder(name, name, keys, random);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } catch (CertIOException e) {
            throw new UncheckedIOException(e);
        }
        return new OrgCa(mspId, sign(builder, keys.getPrivate()), keys.getPrivate(), random);
    }

    /** Loads a CA saved by {@link #save}: {@code ca-cert.pem} and {@code ca-key.pem} in {@code directory}. */
    public static OrgCa load(String mspId, Path directory) {
        try {
            X509Certificate certificate = Pem.parseCertificate(Files.readAllBytes(directory.resolve("ca-cert.pem")));
            PrivateKey key = Pem.parsePrivateKey(Files.readString(directory.resolve("ca-key.pem")));
            return new OrgCa(requireMspId(mspId), certificate, key, new SecureRandom());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the CA certificate and key (owner-only permissions) into {@code directory}. */
    public void save(Path directory) {
        writePrivate(directory.resolve("ca-key.pem"), Pem.privateKey(privateKey));
        write(directory.resolve("ca-cert.pem"), Pem.certificate(certificate));
    }

    public String mspId() {
        return mspId;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** Issues a client identity of this organisation. */
    public OrgIdentity issue(String commonName) {
        Objects.requireNonNull(commonName, "commonName");
        KeyPair keys = newKeyPair(random);
        X500Name subject = new X500Name("CN=" + commonName + ",OU=client,O=" + mspId);
        X500Name issuer = new X500Name(certificate.getSubjectX500Principal().getName());
        X509v3CertificateBuilder builder = builder(issuer, subject, keys, random);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        } catch (CertIOException e) {
            throw new UncheckedIOException(e);
        }
        return new OrgIdentity(mspId, sign(builder, privateKey), keys.getPrivate());
    }

    /** Saves an identity issued by this CA as {@code <name>-cert.pem} and {@code <name>-key.pem}. */
    public static void saveIdentity(OrgIdentity identity, Path directory, String name) {
        writePrivate(directory.resolve(name + "-key.pem"), Pem.privateKey(identity.privateKey()));
        write(directory.resolve(name + "-cert.pem"), Pem.certificate(identity.certificate()));
    }

    /** Loads an identity saved by {@link #saveIdentity}. */
    public static OrgIdentity loadIdentity(String mspId, Path directory, String name) {
        try {
            X509Certificate certificate =
                    Pem.parseCertificate(Files.readAllBytes(directory.resolve(name + "-cert.pem")));
            PrivateKey key = Pem.parsePrivateKey(Files.readString(directory.resolve(name + "-key.pem")));
            return new OrgIdentity(requireMspId(mspId), certificate, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String requireMspId(String mspId) {
        if (mspId == null || !mspId.matches("[A-Za-z0-9][A-Za-z0-9.-]{0,63}")) {
            throw new IllegalArgumentException("an MSP id is 1-64 letters, digits, dots or hyphens");
        }
        return mspId;
    }

    private static KeyPair newKeyPair(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519", Providers.BC);
            generator.initialize(255, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 keys are unavailable", e);
        }
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys, SecureRandom r) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(128, r), Date.from(now.minusSeconds(300)),
                Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer) {
        try {
            ContentSigner contentSigner = new JcaContentSignerBuilder(Providers.signatureAlgorithm(signer)).setProvider(Providers.BC)
                    .build(signer);
            return new JcaX509CertificateConverter().setProvider(Providers.BC).getCertificate(builder.build(contentSigner));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue certificate", e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writePrivate(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
