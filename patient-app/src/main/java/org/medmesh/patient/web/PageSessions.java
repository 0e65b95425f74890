package org.medmesh.patient.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.medmesh.patient.wallet.Wallet;
import org.medmesh.patient.wallet.WalletSettings;

/**
 * Unlocked pages: one open wallet per session, known by a random cookie, with a form token of its own. A session
 * idle for {@code lockAfter} is locked — its wallet closed (keys wiped) and the session forgotten — on its next
 * request or by the sweep, whichever comes first.
 */
final class PageSessions {
    private final Map<String, Unlocked> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration lockAfter;

    PageSessions(Clock clock, Duration lockAfter) {
        this.clock = clock;
        this.lockAfter = lockAfter;
    }

    Duration lockAfter() {
        return lockAfter;
    }

    /**
     * A new session holding {@code wallet}, opened from {@code file} with {@code passphrase} (kept, as the wallet
     * itself keeps it for saving, to re-open the file when another process — the command line — changed it);
     * returns its id (the cookie's value).
     */
    String open(Wallet wallet, Path file, char[] passphrase, WalletSettings settings) {
        String id = token();
        sessions.put(id, new Unlocked(wallet, file, passphrase.clone(), settings, token(), clock.instant()));
        return id;
    }

    /** The session of {@code id} if it is unlocked and was active within the time allowed; touches it. */
    Optional<Unlocked> active(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Unlocked session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (session.idleSince(now).compareTo(lockAfter) >= 0) {
            lock(id);
            return Optional.empty();
        }
        session.touch(now);
        return Optional.of(session);
    }

    void lock(String id) {
        Unlocked session = sessions.remove(id);
        if (session != null) {
            session.close();
        }
    }

    /** Locks every session idle for too long. */
    void sweep() {
        Instant now = clock.instant();
        sessions.forEach((id, session) -> {
            if (session.idleSince(now).compareTo(lockAfter) >= 0) {
                lock(id);
            }
        });
    }

    void lockAll() {
        sessions.keySet().forEach(this::lock);
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** One unlocked session. */
    static final class Unlocked {
        private final Path file;
        private final char[] passphrase;
        private final WalletSettings settings;
        private final String csrf;
        private Wallet wallet;
        private FileTime stamp;
        private volatile Instant lastSeen;
        private ConsentDraft draft;

        Unlocked(Wallet wallet, Path file, char[] passphrase, WalletSettings settings, String csrf, Instant lastSeen) {
            this.wallet = wallet;
            this.file = file;
            this.passphrase = passphrase;
            this.settings = settings;
            this.csrf = csrf;
            this.lastSeen = lastSeen;
            this.stamp = stamp(file);
        }

        /**
         * The wallet as the file holds it now: re-opened if another process changed the file since (the wallet
         * writes its whole state on each change, so a stale copy would undo the other's change).
         */
        synchronized Wallet wallet() {
            FileTime now = stamp(file);
            if (!java.util.Objects.equals(now, stamp)) {
                Wallet fresh = Wallet.open(file, passphrase, settings);
                wallet.close();
                wallet = fresh;
                stamp = now;
            }
            return wallet;
        }

        /** Call after this session changed the wallet, so its own write is not taken for another process's. */
        synchronized void saved() {
            stamp = stamp(file);
        }

        synchronized void close() {
            wallet.close();
            java.util.Arrays.fill(passphrase, '\0');
        }

        private static FileTime stamp(Path file) {
            try {
                return Files.getLastModifiedTime(file);
            } catch (IOException e) {
                return null;
            }
        }

        String csrf() {
            return csrf;
        }

        /** The consent being composed, or null. */
        synchronized ConsentDraft draft() {
            return draft;
        }

        synchronized void draft(ConsentDraft draft) {
            this.draft = draft;
        }

        Duration idleSince(Instant now) {
            return Duration.between(lastSeen, now);
        }

        void touch(Instant now) {
            lastSeen = now;
        }
    }
}
