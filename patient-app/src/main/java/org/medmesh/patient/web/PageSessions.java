package org.medmesh.patient.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.medmesh.patient.wallet.Wallet;

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

    /** A new session holding {@code wallet}; returns its id (the cookie's value). */
    String open(Wallet wallet) {
        String id = token();
        sessions.put(id, new Unlocked(wallet, token(), clock.instant()));
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
            session.wallet().close();
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
        private final Wallet wallet;
        private final String csrf;
        private volatile Instant lastSeen;

        Unlocked(Wallet wallet, String csrf, Instant lastSeen) {
            this.wallet = wallet;
            this.csrf = csrf;
            this.lastSeen = lastSeen;
        }

        Wallet wallet() {
            return wallet;
        }

        String csrf() {
            return csrf;
        }

        Duration idleSince(Instant now) {
            return Duration.between(lastSeen, now);
        }

        void touch(Instant now) {
            lastSeen = now;
        }
    }
}
