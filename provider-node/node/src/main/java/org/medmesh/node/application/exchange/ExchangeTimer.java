package org.medmesh.node.application.exchange;

import java.time.Duration;

/**
 * Where an exchange's time goes, phase by phase, on both sides: the holder's verification, decision, selection,
 * ledger commit and sealing; the requester's wait for the holder, transfer, decryption and verification,
 * validation and store. The node measures always and reports to this timer; the default discards. The exchange
 * benchmark installs one that keeps the figures.
 */
@FunctionalInterface
public interface ExchangeTimer {
    ExchangeTimer NONE = (phase, took) -> { };

    /** Holder phases. */
    String VERIFY = "holder: verify request";
    String DECIDE = "holder: consent decision";
    String SELECT = "holder: read and select records";
    String LEDGER = "holder: ledger commit";
    String SEAL = "holder: sign and encrypt";
    /** Requester phases. */
    String WAIT = "requester: wait for the holder's answer";
    String TRANSFER = "requester: transfer";
    String OPEN = "requester: decrypt and verify";
    String PREPARE = "requester: parse and map ids";
    String VALIDATE = "requester: validate";
    String STORE = "requester: store";

    void record(String phase, Duration took);

    /** Nanoseconds since {@code startNanos} as a duration. */
    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
