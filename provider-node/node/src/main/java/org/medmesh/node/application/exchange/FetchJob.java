package org.medmesh.node.application.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.medmesh.consent.ledger.Did;

/** One clinician's fetch in progress or done: one transfer per holder, each with its own status. */
public final class FetchJob {
    private final String id;
    private final FetchOrder order;
    private final Instant started;
    private final List<Transfer> transfers;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    FetchJob(String id, FetchOrder order, Instant started, List<Did> holders) {
        this.id = Objects.requireNonNull(id, "id");
        this.order = order;
        this.started = started;
        this.transfers = holders.stream().map(Transfer::new).toList();
    }

    public String id() {
        return id;
    }

    public FetchOrder order() {
        return order;
    }

    public Instant started() {
        return started;
    }

    public List<Transfer> transfers() {
        return transfers;
    }

    public boolean isDone() {
        return done.isDone();
    }

    /** Waits up to {@code millis} for every transfer to end; returns whether they all did. */
    public boolean await(long millis) {
        try {
            done.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true;
        }
    }

    void finish() {
        done.complete(null);
    }

    /** The state of one holder's transfer. */
    public enum State {
        /** Not started yet. */
        WAITING,
        /** The request is out; chunks may be arriving. */
        RECEIVING,
        /** Verified, validated and stored, with its Provenance. */
        IMPORTED,
        /** The holder refused under the patient's consent; the deny is on its ledger. */
        DENIED,
        /** The holder refused the request itself (e.g. an expired break-glass). */
        REFUSED,
        /** The holder could not commit to its ledger or failed; retry later. */
        UNAVAILABLE,
        /** The holder could not be reached, or the connection broke mid-transfer: nothing imported; retry. */
        UNREACHABLE,
        /** The answer did not verify (signature, encryption, order, manifest): nothing imported. */
        INVALID,
        /** The records did not validate or could not be stored: nothing imported. */
        FAILED
    }

    /** One holder's transfer; fields are read while the transfer runs, so they are volatile. */
    public static final class Transfer {
        private final Did holder;
        private volatile State state = State.WAITING;
        private volatile int chunks;
        private volatile long bytes;
        private volatile int imported;
        private volatile String code;
        private volatile String detail;
        private volatile String txId;
        private volatile String provenance;

        Transfer(Did holder) {
            this.holder = holder;
        }

        public Did holder() {
            return holder;
        }

        public State state() {
            return state;
        }

        public int chunks() {
            return chunks;
        }

        public long bytes() {
            return bytes;
        }

        public int imported() {
            return imported;
        }

        public String code() {
            return code;
        }

        public String detail() {
            return detail;
        }

        public String txId() {
            return txId;
        }

        public String provenance() {
            return provenance;
        }

        void receiving() {
            state = State.RECEIVING;
        }

        void progress(int chunks, long bytes) {
            this.chunks = chunks;
            this.bytes = bytes;
        }

        void imported(int count, String txId, String provenance) {
            this.imported = count;
            this.txId = txId;
            this.provenance = provenance;
            this.state = State.IMPORTED;
        }

        void ended(State state, String code, String detail) {
            this.code = code;
            this.detail = detail;
            this.state = state;
        }
    }
}
