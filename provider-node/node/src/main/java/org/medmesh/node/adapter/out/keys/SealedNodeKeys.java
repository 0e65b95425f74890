package org.medmesh.node.adapter.out.keys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.medmesh.node.application.port.NodeKeyStore;
import org.medmesh.node.application.port.NodeKeysException;
import org.medmesh.node.domain.identity.NodePublicKeys;
import org.medmesh.consent.ledger.Did;
import org.medmesh.patient.seal.PassphraseSeal;
import org.medmesh.patient.seal.SealException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's keys sealed at rest in {@code <data-dir>/identity}: {@code node-keys.sealed} (current) and, during
 * a rotation, {@code node-keys.pending.sealed}, each a {@link PassphraseSeal} envelope written atomically with
 * mode 0600. Opening never writes over an existing key file: a wrong passphrase or a damaged file stops the node
 * with the file left as it was. The first start generates the keys.
 */
public final class SealedNodeKeys implements NodeKeyStore {
    public static final String DIRECTORY = "identity";
    public static final String KEY_FILE = "node-keys.sealed";
    public static final String PENDING_FILE = "node-keys.pending.sealed";
    private static final Logger LOG = LoggerFactory.getLogger(SealedNodeKeys.class);

    private final Supplier<Did> organization;
    private final Path keyFile;
    private final Path pendingFile;
    private final KeyPassphrase passphrase;
    private final PassphraseSeal seal;
    private final SecureRandom random;
    private volatile NodeKeyPair current;
    private volatile NodeKeyPair pending;

    private SealedNodeKeys(Supplier<Did> organization, Path directory, KeyPassphrase passphrase, PassphraseSeal seal,
            SecureRandom random) {
        this.organization = organization;
        this.keyFile = directory.resolve(KEY_FILE);
        this.pendingFile = directory.resolve(PENDING_FILE);
        this.passphrase = passphrase;
        this.seal = seal;
        this.random = random;
    }

    /**
     * Opens (or on first start creates) the keys under {@code dataDir/identity}.
     *
     * @param organization the organisation the keys belong to, asked for on first use (it may come from the
     *     ledger, which need not be opened for a node that cannot open its keys)
     * @param configuredPassphrase the passphrase setting; empty: use (or create) the passphrase file
     * @param seal the envelope; its Argon2id cost applies to files it writes
     * @throws NodeKeysException WRONG_PASSPHRASE, NO_PASSPHRASE, DAMAGED or IO_FAILURE
     */
    public static SealedNodeKeys open(Path dataDir, Supplier<Did> organization,
            Optional<String> configuredPassphrase, PassphraseSeal seal, SecureRandom random) {
        Objects.requireNonNull(organization, "organization");
        Path directory = dataDir.resolve(DIRECTORY);
        KeyFiles.ensureDirectory(directory);
        boolean exists = Files.exists(directory.resolve(KEY_FILE));
        KeyPassphrase passphrase = configuredPassphrase.map(KeyPassphrase::configured)
                .orElseGet(() -> KeyPassphrase.fromFile(directory, exists, random));
        if (passphrase.fromFile()) {
            LOG.warn("The node's keys are sealed under a passphrase file in its data directory ({}): anyone who can"
                    + " read that directory can read the keys. In production set MEDMESH_NODE_KEY_PASSPHRASE.",
                    directory);
        }
        SealedNodeKeys keys = new SealedNodeKeys(organization, directory, passphrase, seal, random);
        keys.load(exists);
        return keys;
    }

    private void load(boolean exists) {
        if (exists) {
            current = unseal(keyFile);
        } else {
            NodeKeyPair generated = NodeKeyPair.generate(random);
            KeyFiles.createNew(keyFile, sealed(generated));
            current = generated;
            LOG.info("generated the node's keys in {}", keyFile);
        }
        if (Files.exists(pendingFile)) {
            pending = unseal(pendingFile);
        }
    }

    @Override
    public Did organization() {
        return organization.get();
    }

    @Override
    public NodePublicKeys publicKeys() {
        return current.publicKeys();
    }

    @Override
    public byte[] sign(byte[] message) {
        return current.sign(Objects.requireNonNull(message, "message"));
    }

    @Override
    public byte[] agree(byte[] peerPublicKey) {
        return current.agree(Objects.requireNonNull(peerPublicKey, "peerPublicKey"));
    }

    @Override
    public Optional<NodePublicKeys> pending() {
        NodeKeyPair staged = pending;
        return staged == null ? Optional.empty() : Optional.of(staged.publicKeys());
    }

    @Override
    public synchronized NodePublicKeys stagePending() {
        NodeKeyPair generated = NodeKeyPair.generate(random);
        KeyFiles.replace(pendingFile, sealed(generated));
        pending = generated;
        return generated.publicKeys();
    }

    @Override
    public synchronized void promotePending() {
        NodeKeyPair staged = pending;
        if (staged == null) {
            throw new NodeKeysException(NodeKeysException.Code.NO_PENDING_KEYS, "there are no pending keys", null);
        }
        KeyFiles.move(pendingFile, keyFile);
        current = staged;
        pending = null;
    }

    @Override
    public synchronized void discardPending() {
        KeyFiles.delete(pendingFile);
        pending = null;
    }

    /** Whether the passphrase is the generated file in the data directory rather than a setting. */
    public boolean sealedUnderPassphraseFile() {
        return passphrase.fromFile();
    }

    public Path keyFile() {
        return keyFile;
    }

    @Override
    public String toString() {
        return "SealedNodeKeys[" + keyFile + ", signingKey=" + publicKeys().signingKey()
                + ", private keys hidden]";
    }

    private byte[] sealed(NodeKeyPair keys) {
        byte[] plaintext = keys.encode();
        try {
            return seal.seal(passphrase.characters(), plaintext, random);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private NodeKeyPair unseal(Path file) {
        byte[] plaintext;
        try {
            plaintext = seal.open(passphrase.characters(), KeyFiles.read(file));
        } catch (SealException e) {
            throw refusal(file, e);
        }
        try {
            return NodeKeyPair.decode(plaintext);
        } catch (IllegalArgumentException e) {
            throw damaged(file);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private NodeKeysException refusal(Path file, SealException e) {
        if (e.code() == SealException.Code.WRONG_PASSPHRASE) {
            return new NodeKeysException(NodeKeysException.Code.WRONG_PASSPHRASE, "the node's key file " + file
                    + " does not open with " + passphrase.source() + "; the node will not start. Set "
                    + KeyPassphrase.SETTING + " to the passphrase the keys were sealed with. The file is unchanged.",
                    null);
        }
        return damaged(file);
    }

    private static NodeKeysException damaged(Path file) {
        return new NodeKeysException(NodeKeysException.Code.DAMAGED, "the node's key file " + file
                + " is damaged or not a MedMesh key file; restore it from a backup. The node does not overwrite it.",
                null);
    }
}
