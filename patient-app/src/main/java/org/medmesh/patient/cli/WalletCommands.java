package org.medmesh.patient.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.medmesh.chaincode.consent.EffectiveStatus;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.wallet.Enrolment;
import org.medmesh.patient.wallet.PatientIdentity;
import org.medmesh.patient.wallet.SignedConsent;
import org.medmesh.patient.wallet.Wallet;
import org.medmesh.patient.wallet.WalletException;

/** {@code patient create | show | backup | restore}: the wallet file itself. */
final class WalletCommands {

    private WalletCommands() {}

    static int create(Session session) {
        session.prepareWalletFolder();
        char[] passphrase = session.passphrases().newWallet();
        try (Wallet wallet = Wallet.create(session.walletFile(), passphrase, session.settings())) {
            session.say("Created a new wallet at " + wallet.file() + ".");
            session.say("Next: enrol at a hospital with `patient enrol --node URL --challenge CODE`, "
                    + "then keep a backup with `patient backup --to FILE`.");
            return PatientCli.OK;
        } catch (WalletException e) {
            if (e.code() == WalletException.Code.EXISTS) {
                throw CliFailure.failed("a wallet already exists at " + session.walletFile() + ": it was not changed");
            }
            throw e;
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    static int show(Session session) {
        try (Wallet wallet = session.openWallet()) {
            session.say("Wallet at " + wallet.file() + (session.details() ? " (id " + wallet.walletId() + ")" : ""));
            if (wallet.hospitals().isEmpty()) {
                session.say("No hospitals yet: enrol with `patient enrol --node URL --challenge CODE`.");
            }
            for (Did hospital : wallet.hospitals()) {
                showHospital(session, wallet, hospital);
            }
            return PatientCli.OK;
        }
    }

    private static void showHospital(Session session, Wallet wallet, Did hospital) {
        boolean details = session.details();
        session.say(PlainWords.hospital(hospital, details) + ": " + enrolment(wallet.enrolment(hospital)));
        PatientIdentity identity = wallet.identityFor(hospital);
        String registered = wallet.isRegistered(hospital) ? "on the ledger, key version " + identity.version()
                : "not yet on the ledger";
        session.say("  your identity there: " + registered + (details ? " (" + identity.did().value() + ")" : ""));
        if (wallet.pendingRotation(hospital).isPresent()) {
            session.say("  a key rotation is pending: finish it with `patient rotate --node URL --resume`");
        }
        List<SignedConsent> consents = wallet.consents(hospital);
        if (consents.isEmpty()) {
            session.say("  no consents");
            return;
        }
        Map<EffectiveStatus, Long> counts = consents.stream()
                .collect(Collectors.groupingBy(SignedConsent::status, Collectors.counting()));
        session.say("  consents: " + counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue() + " " + e.getKey().code()).collect(Collectors.joining(", ")));
        for (SignedConsent consent : consents) {
            session.say("    " + consent.consentId() + " " + consent.status().code());
        }
    }

    private static String enrolment(Optional<Enrolment> enrolment) {
        return enrolment.map(e -> (e.enrolled() ? "enrolled" : "not enrolled") + " since "
                + PlainWords.instant(e.since()) + " at " + e.serviceEndpoint().url())
                .orElse("not enrolled");
    }

    static int backup(Session session) {
        Path target = Path.of(session.args().required("to", "FILE")).toAbsolutePath();
        try (Wallet wallet = session.openWallet()) {
            char[] backupPassphrase = session.passphrases().newBackup();
            try {
                wallet.backup(target, backupPassphrase);
            } catch (WalletException e) {
                if (e.code() == WalletException.Code.EXISTS) {
                    throw CliFailure.failed("a file already exists at " + target + ": choose another name; "
                            + "nothing was written");
                }
                throw e;
            } finally {
                Arrays.fill(backupPassphrase, '\0');
            }
            session.say("Backup written to " + target + ".");
            session.say("Keep it and its passphrase apart from this computer; after a key rotation, make a new one.");
            return PatientCli.OK;
        }
    }

    static int restore(Session session) {
        Path backup = Path.of(session.args().required("from", "FILE")).toAbsolutePath();
        char[] backupPassphrase = session.passphrases().backup();
        char[] newPassphrase = null;
        try {
            newPassphrase = session.passphrases().newWallet();
            session.prepareWalletFolder();
            try (Wallet wallet = Wallet.restore(backup, backupPassphrase, session.walletFile(), newPassphrase,
                    session.settings())) {
                session.say("Restored the wallet from " + backup + " to " + wallet.file() + ": "
                        + wallet.hospitals().size() + " hospital(s).");
                return PatientCli.OK;
            }
        } catch (WalletException e) {
            throw switch (e.code()) {
                case EXISTS -> CliFailure.failed("a wallet already exists at " + session.walletFile()
                        + ": restoring never replaces one; give another file with --wallet");
                case NOT_FOUND -> CliFailure.failed("no backup at " + backup);
                case WRONG_PASSPHRASE -> CliFailure.failed("wrong backup passphrase: nothing was written");
                case DAMAGED -> CliFailure.failed("the backup " + backup + " is damaged or was altered: "
                        + "nothing was written");
                default -> e;
            };
        } finally {
            Arrays.fill(backupPassphrase, '\0');
            if (newPassphrase != null) {
                Arrays.fill(newPassphrase, '\0');
            }
        }
    }
}
