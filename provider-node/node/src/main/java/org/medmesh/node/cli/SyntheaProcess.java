package org.medmesh.node.cli;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Runs a child process to completion and returns its exit status. */
final class SyntheaProcess {
    private SyntheaProcess() {}

    static int run(ProcessBuilder builder) {
        try {
            Process process = builder.start();
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                process.destroy();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + builder.command().get(0), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + builder.command().get(0), e);
        }
    }
}
