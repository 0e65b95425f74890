package org.medmesh.patient.wallet;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.chaincode.consent.EffectiveStatus;
import org.medmesh.chaincode.crypto.Base64Url;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.chaincode.identity.ServiceEndpoint;
import org.medmesh.patient.seal.PassphraseSeal;
import org.medmesh.patient.seal.SealException;

/**
 * The patient's wallet file: per hospital (keyed by its organisation DID) one pairwise identity with its private
 * keys, ledger version and registration, the enrolment there and the consents signed, all sealed under the
 * patient's passphrase by {@link PassphraseSeal}. Every change is written atomically before the method returns and
 * becomes visible only once written: a failure leaves the file and this object as they were. Not thread-safe, and
 * meant for one process at a time. {@link #close()} clears the passphrase copy it keeps for saving.
 */
public final class Wallet implements AutoCloseable {

    private final Path file;
    private final WalletSettings settings;
    private final WalletFiles files;
    private char[] passphrase;
    private WalletState state;

    private Wallet(Path file, char[] passphrase, WalletSettings settings, WalletFiles files, WalletState state) {
        this.file = file;
        this.passphrase = passphrase.clone();
        this.settings = settings;
        this.files = files;
        this.state = state;
    }

    /** A new, empty wallet at {@code file}, sealed with the default Argon2id cost; EXISTS if the file exists. */
    public static Wallet create(Path file, char[] passphrase, SecureRandom random, Clock clock) {
        return create(file, passphrase, WalletSettings.of(random, clock));
    }

    public static Wallet create(Path file, char[] passphrase, WalletSettings settings) {
        return create(file, passphrase, settings, WalletFiles.SYSTEM);
    }

    static Wallet create(Path file, char[] passphrase, WalletSettings settings, WalletFiles files) {
        files.requireAbsent(file);
        byte[] id = new byte[16];
        settings.random().nextBytes(id);
        WalletState empty = WalletState.empty("w-" + Base64Url.encode(id), settings.clock().instant());
        return writeNew(file, passphrase, settings, files, empty);
    }

    /** Opens a wallet; it re-seals with the default cost when saved. Never writes to the file. */
    public static Wallet open(Path file, char[] passphrase) {
        return open(file, passphrase, WalletSettings.defaults());
    }

    public static Wallet open(Path file, char[] passphrase, WalletSettings settings) {
        return open(file, passphrase, settings, WalletFiles.SYSTEM);
    }

    static Wallet open(Path file, char[] passphrase, WalletSettings settings, WalletFiles files) {
        WalletState opened = unseal(settings.seal(), passphrase, files.read(file));
        return new Wallet(file, passphrase, settings, files, opened);
    }

    /**
     * A new wallet file from a backup, sealed under {@code newPassphrase}. Refuses (EXISTS) to replace a wallet
     * file; a wrong backup passphrase or a damaged backup writes nothing.
     */
    public static Wallet restore(Path backup, char[] backupPassphrase, Path walletFile, char[] newPassphrase) {
        return restore(backup, backupPassphrase, walletFile, newPassphrase, WalletSettings.defaults());
    }

    public static Wallet restore(Path backup, char[] backupPassphrase, Path walletFile, char[] newPassphrase,
            WalletSettings settings) {
        WalletFiles files = WalletFiles.SYSTEM;
        files.requireAbsent(walletFile);
        WalletState restored = unseal(settings.seal(), backupPassphrase, files.read(backup));
        return writeNew(walletFile, newPassphrase, settings, files, restored);
    }

    public String walletId() {
        return current().walletId();
    }

    public Path file() {
        return file;
    }

    /** The hospitals this wallet holds an identity for, in DID order. */
    public Set<Did> hospitals() {
        return current().hospitals().keySet();
    }

    /** Writes the wallet again (e.g. to re-seal under a new cost); changes are saved as they happen anyway. */
    public void save() {
        files.replace(file, sealed(current(), passphrase));
    }

    /** A sealed copy under {@code backupPassphrase} at a new file; refuses (EXISTS) to overwrite. */
    public void backup(Path target, char[] backupPassphrase) {
        files.requireAbsent(target);
        files.createNew(target, sealed(current(), backupPassphrase));
    }

    /**
     * The pairwise identity for {@code hospital} (an organisation DID), created and saved on first use: every
     * hospital gets its own DID and keys, so no two hospitals can link the patient.
     */
    public PatientIdentity identityFor(Did hospital) {
        if (!Objects.requireNonNull(hospital, "hospital").isOrganization()) {
            throw new IllegalArgumentException("hospitals are named by organisation DIDs");
        }
        Optional<HospitalEntry> existing = current().entry(hospital);
        if (existing.isPresent()) {
            return existing.get().identity();
        }
        PatientIdentity fresh;
        do {
            fresh = PatientIdentity.create(settings.random());
        } while (state.usesPatientDid(fresh.did()));
        commit(hospital, HospitalEntry.fresh(fresh));
        return fresh;
    }

    public boolean isRegistered(Did hospital) {
        return entry(hospital).registered();
    }

    /** Records that the identity's create operation is committed on the ledger. */
    public void markRegistered(Did hospital) {
        commit(hospital, entry(hospital).markedRegistered());
    }

    public Optional<Enrolment> enrolment(Did hospital) {
        return Optional.ofNullable(entry(hospital).enrolment());
    }

    /** Records enrolment (or its end) at {@code hospital}, dated now. */
    public void recordEnrolment(Did hospital, ServiceEndpoint serviceEndpoint, boolean enrolled) {
        Enrolment enrolment = new Enrolment(enrolled, serviceEndpoint, settings.clock().instant());
        commit(hospital, entry(hospital).withEnrolment(enrolment));
    }

    public List<SignedConsent> consents(Did hospital) {
        return entry(hospital).consents();
    }

    /** The consent {@code id} and the hospital whose records it shares (whose identity signed it), if held. */
    public Optional<HeldConsent> findConsent(ConsentId id) {
        for (Did hospital : hospitals()) {
            for (SignedConsent consent : consents(hospital)) {
                if (consent.consentId().equals(id)) {
                    return Optional.of(new HeldConsent(hospital, consent));
                }
            }
        }
        return Optional.empty();
    }

    /** A consent the wallet holds, with the hospital whose records it shares. */
    public record HeldConsent(Did hospital, SignedConsent consent) {}

    /** Keeps a consent the patient signed for {@code hospital}'s identity; replaces one with the same id. */
    public void recordConsent(Did hospital, SignedConsent consent) {
        commit(hospital, entry(hospital).withConsent(Objects.requireNonNull(consent, "consent")));
    }

    /** Records the status the ledger reported for a consent; UNKNOWN_CONSENT if the wallet does not hold it. */
    public void recordConsentStatus(Did hospital, ConsentId consentId, EffectiveStatus status) {
        HospitalEntry entry = entry(hospital);
        if (entry.consent(consentId).isEmpty()) {
            throw new WalletException(WalletException.Code.UNKNOWN_CONSENT, "no such consent at this hospital");
        }
        commit(hospital, entry.withConsentStatus(consentId, Objects.requireNonNull(status, "status")));
    }

    /**
     * Signs a rotation to fresh keys and saves them as pending <em>before</em> returning the operation to submit,
     * so that a crash after the ledger commits it cannot lose the keys the ledger now expects. With
     * {@code withRecoveryKey} the recovery key signs and all three keys are replaced.
     */
    public String beginRotation(Did hospital, boolean withRecoveryKey) {
        HospitalEntry entry = entry(hospital);
        if (!entry.registered()) {
            throw new WalletException(WalletException.Code.NOT_REGISTERED, "the identity is not on the ledger");
        }
        if (entry.pendingRotation() != null) {
            throw new WalletException(WalletException.Code.ROTATION_PENDING, "complete or abandon the last rotation");
        }
        PatientIdentity.Rotation rotation = entry.identity().rotate(settings.random(), withRecoveryKey);
        commit(hospital, entry.withPendingRotation(rotation));
        return rotation.signedOperation();
    }

    /** The rotation begun and not yet completed or abandoned: after a crash, submit or check it again. */
    public Optional<PatientIdentity.Rotation> pendingRotation(Did hospital) {
        return Optional.ofNullable(entry(hospital).pendingRotation());
    }

    /** Makes the pending keys current, once the ledger has committed the rotation. */
    public PatientIdentity completeRotation(Did hospital) {
        HospitalEntry entry = requirePending(hospital);
        commit(hospital, entry.rotationCompleted());
        return entry.pendingRotation().next();
    }

    /** Drops the pending keys, once the ledger has refused the rotation (or it was never submitted). */
    public void abandonRotation(Did hospital) {
        commit(hospital, requirePending(hospital).rotationAbandoned());
    }

    /** Clears the passphrase copy; the wallet cannot be used afterwards. */
    @Override
    public void close() {
        if (passphrase != null) {
            Arrays.fill(passphrase, '\0');
        }
        passphrase = null;
        state = null;
    }

    @Override
    public String toString() {
        return state == null ? "Wallet[closed]" : "Wallet[" + state.walletId() + ", " + state.hospitals().size()
                + " hospitals]";
    }

    private HospitalEntry requirePending(Did hospital) {
        HospitalEntry entry = entry(hospital);
        if (entry.pendingRotation() == null) {
            throw new WalletException(WalletException.Code.NO_PENDING_ROTATION, "no rotation was begun");
        }
        return entry;
    }

    private HospitalEntry entry(Did hospital) {
        return current().entry(Objects.requireNonNull(hospital, "hospital")).orElseThrow(() ->
                new WalletException(WalletException.Code.UNKNOWN_HOSPITAL, "no identity for this hospital"));
    }

    /** Writes the changed state first; only a written state becomes current. */
    private void commit(Did hospital, HospitalEntry entry) {
        WalletState next = current().with(hospital, entry);
        files.replace(file, sealed(next, passphrase));
        state = next;
    }

    private WalletState current() {
        if (state == null) {
            throw new IllegalStateException("the wallet is closed");
        }
        return state;
    }

    private byte[] sealed(WalletState content, char[] sealingPassphrase) {
        byte[] plaintext = WalletCodec.encode(content);
        try {
            return settings.seal().seal(sealingPassphrase, plaintext, settings.random());
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private static WalletState unseal(PassphraseSeal seal, char[] passphrase, byte[] envelope) {
        byte[] plaintext;
        try {
            plaintext = seal.open(passphrase, envelope);
        } catch (SealException e) {
            throw WalletException.from(e);
        }
        try {
            return WalletCodec.decode(plaintext);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private static Wallet writeNew(Path file, char[] passphrase, WalletSettings settings, WalletFiles files,
            WalletState content) {
        Wallet wallet = new Wallet(file, passphrase, settings, files, content);
        try {
            files.createNew(file, wallet.sealed(content, wallet.passphrase));
            return wallet;
        } catch (RuntimeException e) {
            wallet.close();
            throw e;
        }
    }
}
