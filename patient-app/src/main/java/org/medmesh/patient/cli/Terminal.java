package org.medmesh.patient.cli;

import java.io.Console;

/** Where a passphrase is typed when the environment does not give one. */
@FunctionalInterface
interface Terminal {

    /** Reads a secret without echo; null when there is no terminal (or it was closed). */
    char[] readSecret(String prompt);

    /** {@link System#console()}: none when input or output is redirected. */
    static Terminal system() {
        return prompt -> {
            Console console = System.console();
            return console == null ? null : console.readPassword("%s", prompt);
        };
    }
}
