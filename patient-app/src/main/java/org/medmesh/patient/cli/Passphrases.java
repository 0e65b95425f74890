package org.medmesh.patient.cli;

import java.util.Arrays;
import java.util.Map;

/**
 * The wallet and backup passphrases: from the environment when set (scripts, tests), otherwise typed at the terminal
 * without echo; a new passphrase typed at the terminal is asked twice. Callers clear the arrays they get.
 */
final class Passphrases {

    static final String WALLET_ENV = "MEDMESH_WALLET_PASSPHRASE";
    static final String BACKUP_ENV = "MEDMESH_BACKUP_PASSPHRASE";

    private final Map<String, String> env;
    private final Terminal terminal;

    Passphrases(Map<String, String> env, Terminal terminal) {
        this.env = env;
        this.terminal = terminal;
    }

    char[] wallet() {
        return read(WALLET_ENV, "Wallet passphrase: ", false, "wallet");
    }

    char[] newWallet() {
        return read(WALLET_ENV, "New wallet passphrase: ", true, "wallet");
    }

    char[] backup() {
        return read(BACKUP_ENV, "Backup passphrase: ", false, "backup");
    }

    char[] newBackup() {
        return read(BACKUP_ENV, "New backup passphrase: ", true, "backup");
    }

    private char[] read(String variable, String prompt, boolean confirm, String what) {
        String fromEnv = env.get(variable);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        char[] first = terminal.readSecret(prompt);
        if (first == null) {
            throw CliFailure.failed("no " + what + " passphrase: set " + variable
                    + " or run the command in a terminal");
        }
        if (first.length == 0) {
            throw CliFailure.failed("the " + what + " passphrase must not be empty");
        }
        if (!confirm) {
            return first;
        }
        char[] again = terminal.readSecret("Repeat it: ");
        try {
            if (again == null || !Arrays.equals(first, again)) {
                Arrays.fill(first, '\0');
                throw CliFailure.failed("the two " + what + " passphrases differ: nothing was written");
            }
            return first;
        } finally {
            if (again != null) {
                Arrays.fill(again, '\0');
            }
        }
    }
}
