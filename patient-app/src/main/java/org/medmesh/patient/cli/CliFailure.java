package org.medmesh.patient.cli;

/** A command that cannot go on: one line for the patient, and the exit status. Never carries keys or passphrases. */
final class CliFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitStatus;

    private CliFailure(String message, int exitStatus) {
        super(message, null, false, false);
        this.exitStatus = exitStatus;
    }

    /** The command ran and failed (exit status 1). */
    static CliFailure failed(String message) {
        return new CliFailure(message, PatientCli.FAILED);
    }

    /** The command line is wrong (exit status 2); nothing was done. */
    static CliFailure usage(String message) {
        return new CliFailure(message, PatientCli.USAGE);
    }

    int exitStatus() {
        return exitStatus;
    }
}
