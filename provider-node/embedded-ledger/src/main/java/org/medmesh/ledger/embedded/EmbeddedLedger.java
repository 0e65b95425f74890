package org.medmesh.ledger.embedded;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.hyperledger.fabric.shim.Chaincode;

/**
 * A ledger with Fabric's semantics in one process: proposals signed by members of trusted organisations are
 * simulated against the committed state (endorsement), ordered into hash-chained blocks signed by the orderer,
 * validated (MVCC and phantom reads) and committed; events of valid transactions are delivered in block order.
 */
public final class EmbeddedLedger implements AutoCloseable {
    private final Chaincode chaincode;
    private final Membership membership;
    private final LedgerCore core;
    private final Committer committer;
    private final EventHub events;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration commitTimeout;

    private EmbeddedLedger(Builder builder) {
        this.chaincode = Objects.requireNonNull(builder.chaincode, "chaincode");
        this.membership = builder.membership;
        this.clock = builder.clock;
        this.random = builder.random;
        this.commitTimeout = builder.commitTimeout;
        EventHub[] hub = new EventHub[1];
        this.core = new LedgerCore(builder.store, builder.ordererKey, () -> {
            if (hub[0] != null) {
                hub[0].blockCommitted();
            }
        });
        this.events = new EventHub(core);
        hub[0] = events;
        core.catchUp();
        this.committer = new Committer(core, clock, builder.batchTimeout, builder.maxBatchSize);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Endorses, orders and commits; returns once the transaction's block is committed. Claims the clock's time. */
    public SubmitResult submit(OrgIdentity identity, String function, String... args) {
        return submitAt(clock.instant(), identity, function, args);
    }

    /** As {@link #submit}, claiming {@code timestamp} as the transaction time (clients assert it, as in Fabric). */
    public SubmitResult submitAt(Instant timestamp, OrgIdentity identity, String function, String... args) {
        return await(submitAsync(timestamp, identity, function, Arrays.asList(args)));
    }

    /** Endorses on the calling thread, then hands the transaction to the committer. */
    public CompletableFuture<SubmitResult> submitAsync(Instant timestamp, OrgIdentity identity, String function,
            List<String> args) {
        Proposal proposal = Proposal.create(identity, timestamp, function, args, random);
        Optional<String> mspId = membership.verify(proposal.creator(), proposal.signedBytes(), proposal.signature());
        if (mspId.isEmpty()) {
            return CompletableFuture.completedFuture(badProposal(proposal));
        }
        core.catchUpIfBehind();
        LedgerCore.Simulation simulation = core.simulate(chaincode, proposal, mspId.get(), false);
        if (simulation.envelope() == null) {
            return CompletableFuture.completedFuture(new SubmitResult(proposal.txId(), -1,
                    TxValidationCode.ENDORSEMENT_FAILURE, simulation.response()));
        }
        return committer.enqueue(simulation.envelope()).thenApply(commit -> new SubmitResult(proposal.txId(),
                commit.blockNumber(), commit.code(), simulation.response()));
    }

    /** Runs a read-only simulation: nothing is ordered or written. */
    public ChaincodeResponse evaluate(OrgIdentity identity, String function, String... args) {
        Proposal proposal = Proposal.create(identity, clock.instant(), function, Arrays.asList(args), random);
        Optional<String> mspId = membership.verify(proposal.creator(), proposal.signedBytes(), proposal.signature());
        if (mspId.isEmpty()) {
            return badProposal(proposal).response();
        }
        core.catchUpIfBehind();
        return core.simulate(chaincode, proposal, mspId.get(), true).response();
    }

    /** Delivers events of valid transactions from {@code fromBlock} on, in order, on a thread of its own. */
    public EventSubscription subscribe(long fromBlock, Consumer<ChaincodeEventRecord> listener) {
        return events.subscribe(fromBlock, listener);
    }

    /** The number of committed blocks. */
    public long height() {
        core.catchUpIfBehind();
        return core.height();
    }

    /** A copy of the committed world state (key to UTF-8 value), e.g. to show that a refusal changed nothing. */
    public Map<String, String> stateSnapshot() {
        return core.snapshot();
    }

    /** Stops the committer and event delivery, then closes the block store it was built with. */
    @Override
    public void close() {
        committer.close();
        events.close();
        core.store().close();
    }

    private SubmitResult await(CompletableFuture<SubmitResult> future) {
        try {
            return future.get(commitTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException(LedgerException.Code.CLOSED, "interrupted while waiting for commit", e);
        } catch (TimeoutException e) {
            throw new LedgerException(LedgerException.Code.TIMEOUT, "commit took longer than " + commitTimeout, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LedgerException ledgerException) {
                throw ledgerException;
            }
            throw new LedgerException(LedgerException.Code.STORAGE, "commit failed", e.getCause());
        }
    }

    private static SubmitResult badProposal(Proposal proposal) {
        return new SubmitResult(proposal.txId(), -1, TxValidationCode.BAD_PROPOSAL,
                new ChaincodeResponse(403, "creator is not a member of a trusted organisation", ""));
    }

    /** Configures an {@link EmbeddedLedger}; only the chaincode is required. */
    public static final class Builder {
        private Chaincode chaincode;
        private final Membership membership = new Membership();
        private BlockStore store = new InMemoryBlockStore();
        private OrdererKey ordererKey;
        private Clock clock = Clock.systemUTC();
        private SecureRandom random = new SecureRandom();
        private Duration batchTimeout = Duration.ZERO;
        private int maxBatchSize = 500;
        private Duration commitTimeout = Duration.ofSeconds(30);

        private Builder() {}

        public Builder chaincode(Chaincode chaincode) {
            this.chaincode = chaincode;
            return this;
        }

        public Builder trust(OrgCa ca) {
            return trust(ca.mspId(), ca.certificate());
        }

        public Builder trust(String mspId, X509Certificate caCertificate) {
            membership.trust(mspId, caCertificate);
            return this;
        }

        public Builder store(BlockStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        public Builder ordererKey(OrdererKey ordererKey) {
            this.ordererKey = Objects.requireNonNull(ordererKey, "ordererKey");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** How long the orderer waits for more transactions before cutting a block; zero cuts what is waiting. */
        public Builder batchTimeout(Duration batchTimeout) {
            this.batchTimeout = Objects.requireNonNull(batchTimeout, "batchTimeout");
            return this;
        }

        public Builder maxBatchSize(int maxBatchSize) {
            if (maxBatchSize < 1) {
                throw new IllegalArgumentException("maxBatchSize must be positive");
            }
            this.maxBatchSize = maxBatchSize;
            return this;
        }

        public Builder commitTimeout(Duration commitTimeout) {
            this.commitTimeout = Objects.requireNonNull(commitTimeout, "commitTimeout");
            return this;
        }

        public EmbeddedLedger build() {
            if (ordererKey == null) {
                ordererKey = OrdererKey.generate();
            }
            if (!ordererKey.canSign()) {
                throw new IllegalArgumentException("the orderer key must include its private key");
            }
            return new EmbeddedLedger(this);
        }
    }
}
