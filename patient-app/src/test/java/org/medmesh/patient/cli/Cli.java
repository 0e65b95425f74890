package org.medmesh.patient.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medmesh.patient.node.NodeClient;
import org.medmesh.patient.seal.PassphraseSeal;
import org.medmesh.patient.wallet.Wallet;
import org.medmesh.patient.wallet.WalletSettings;

/**
 * Runs {@link PatientCli} as the launcher would, in a temporary MEDMESH_HOME, with the test KDF cost, a fixed clock
 * and a terminal the test types into (or none). Inspects the wallet with the same passphrase.
 */
final class Cli {

    static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");
    static final String PASSPHRASE = "correct horse battery staple";
    static final String BACKUP_PASSPHRASE = "a different backup phrase";
    private static final Pattern LONG_TOKEN = Pattern.compile("[A-Za-z0-9_-]{40,}");
    private static final Pattern PATIENT_DID = Pattern.compile("did:medmesh:[1-9A-HJ-NP-Za-km-z]{32,}");

    /** What a run printed and returned. */
    record Result(int status, String out, String err) {

        /** No stack trace, no key-like token (consent ids aside), and no patient DID unless asked for. */
        Result clean(boolean detailsAsked) {
            for (String text : new String[] {out, err}) {
                assertThat(text).doesNotContain("Exception").doesNotContain("\tat ");
                Matcher tokens = LONG_TOKEN.matcher(PATIENT_DID.matcher(text).replaceAll("did:medmesh:PATIENT"));
                while (tokens.find()) {
                    assertThat(tokens.group()).matches("c-[0-9a-f]{64}");
                }
                if (!detailsAsked) {
                    assertThat(PATIENT_DID.matcher(text).find()).as("a patient DID in: %s", text).isFalse();
                }
            }
            return this;
        }

        String errorLine() {
            return err.lines().filter(l -> l.startsWith("error: ")).findFirst().orElse("");
        }
    }

    final Path home;
    final Map<String, String> env = new HashMap<>();
    final Deque<String> typed = new ArrayDeque<>();
    boolean terminal;

    Cli(Path home) {
        this.home = home;
        env.put("MEDMESH_HOME", home.toString());
        env.put("MEDMESH_WALLET_PASSPHRASE", PASSPHRASE);
        env.put("MEDMESH_BACKUP_PASSPHRASE", BACKUP_PASSPHRASE);
        env.put("MEDMESH_WALLET_KDF", "test");
    }

    Result run(Object... args) {
        String[] words = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            words[i] = String.valueOf(args[i]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = PatientCli.run(words, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.copyOf(env),
                Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom(), this::type,
                NodeClient.overHttp(Duration.ofSeconds(2), Duration.ofSeconds(2)));
        boolean details = java.util.Arrays.asList(words).contains("--details");
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8))
                .clean(details);
    }

    private char[] type(String prompt) {
        if (!terminal) {
            return null;
        }
        String next = typed.poll();
        return next == null ? null : next.toCharArray();
    }

    Path walletFile() {
        return home.resolve("patient").resolve("wallet.json");
    }

    Wallet openWallet() {
        return Wallet.open(walletFile(), PASSPHRASE.toCharArray(), new WalletSettings(
                new PassphraseSeal(PatientCli.TEST_COST), new SecureRandom(), Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    byte[] walletBytes() {
        try {
            return Files.readAllBytes(walletFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
