package org.medmesh.node.adapter.out.ledger.fabric;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.protos.common.BlockchainInfo;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.medmesh.node.adapter.out.ledger.ChaincodeLedgerClient;
import org.medmesh.node.adapter.out.ledger.ChaincodeRefusal;
import org.medmesh.node.adapter.out.ledger.CheckpointFilter;
import org.medmesh.node.application.port.LedgerClientException;
import org.medmesh.node.application.port.LedgerErrorCode;
import org.medmesh.consent.ledger.Did;
import org.medmesh.node.domain.ledger.EventCheckpoint;
import org.medmesh.node.domain.ledger.LedgerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger port on a Fabric network through the Fabric Gateway: the gateway peer collects endorsements from
 * the organisations the chaincode's policy needs, orders and reports the commit status, which is checked here
 * (an MVCC conflict becomes a retryable {@link LedgerErrorCode#CONFLICT}).
 */
public final class FabricLedgerClient extends ChaincodeLedgerClient {
    private static final Logger LOG = LoggerFactory.getLogger(FabricLedgerClient.class);

    private final ManagedChannel channel;
    private final Gateway gateway;
    private final Network network;
    private final Contract contract;
    private final String chaincode;

    FabricLedgerClient(String mspId, ManagedChannel channel, Gateway gateway, String channelName, String chaincode) {
        super(Did.forOrganization(mspId));
        this.channel = channel;
        this.gateway = gateway;
        this.network = gateway.getNetwork(channelName);
        this.contract = network.getContract(chaincode);
        this.chaincode = chaincode;
    }

    /** Connects with the profile's identity over TLS to its gateway peer. */
    public static FabricLedgerClient connect(FabricProfile profile, FabricDeadlines deadlines) {
        return FabricConnections.open(profile, deadlines);
    }

    @Override
    protected Committed submit(String function, String... args) {
        try {
            SubmittedTransaction submitted = contract.newProposal(function).addArguments(args).build().endorse()
                    .submitAsync();
            Status status = submitted.getStatus();
            if (!status.isSuccessful()) {
                throw invalidated(status);
            }
            return new Committed(status.getTransactionId(), status.getBlockNumber(),
                    new String(submitted.getResult(), StandardCharsets.UTF_8));
        } catch (EndorseException e) {
            throw refusalOrFailure(e);
        } catch (SubmitException | CommitStatusException e) {
            throw unavailable(e);
        } catch (StatusRuntimeException e) {
            throw new LedgerClientException(LedgerErrorCode.UNAVAILABLE, "the Fabric gateway failed: "
                    + e.getStatus().getCode(), e);
        }
    }

    @Override
    protected String evaluate(String function, String... args) {
        try {
            return new String(contract.evaluateTransaction(function, args), StandardCharsets.UTF_8);
        } catch (GatewayException e) {
            throw refusalOrFailure(e);
        }
    }

    /** Asks the gateway peer's ledger query system chaincode for the channel height. */
    @Override
    public long height() {
        try {
            byte[] info = network.getContract("qscc").evaluateTransaction("GetChainInfo", network.getName());
            return BlockchainInfo.parseFrom(info).getHeight();
        } catch (GatewayException e) {
            throw unavailable(e);
        } catch (InvalidProtocolBufferException e) {
            throw new LedgerClientException(LedgerErrorCode.UNKNOWN, "unreadable chain info", e);
        }
    }

    @Override
    public Subscription subscribe(EventCheckpoint from, Consumer<LedgerEvent> handler) {
        CloseableIterator<ChaincodeEvent> events = network.newChaincodeEventsRequest(chaincode)
                .startBlock(from.blockNumber()).build().getEvents();
        CheckpointFilter filter = new CheckpointFilter(from, handler);
        Thread thread = new Thread(() -> deliver(events, filter), "fabric-chaincode-events");
        thread.setDaemon(true);
        thread.start();
        return events::close;
    }

    @Override
    public void close() {
        gateway.close();
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deliver(CloseableIterator<ChaincodeEvent> events, Consumer<LedgerEvent> handler) {
        try {
            events.forEachRemaining(event -> handler.accept(new LedgerEvent(event.getBlockNumber(),
                    event.getTransactionId(), event.getEventName(),
                    new String(event.getPayload(), StandardCharsets.UTF_8))));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != io.grpc.Status.Code.CANCELLED) {
                LOG.warn("chaincode event stream ended: {}", e.getStatus().getCode());
            }
        }
    }

    private static LedgerClientException invalidated(Status status) {
        return switch (status.getCode()) {
            case MVCC_READ_CONFLICT, PHANTOM_READ_CONFLICT -> new LedgerClientException(LedgerErrorCode.CONFLICT,
                    "a concurrent transaction changed what this one read; retry", null);
            default -> new LedgerClientException(LedgerErrorCode.UNKNOWN,
                    "transaction " + status.getTransactionId() + " invalidated: " + status.getCode(), null);
        };
    }

    /** A chaincode refusal carries its code in the error details' messages; anything else is unavailability. */
    private static LedgerClientException refusalOrFailure(GatewayException e) {
        for (ErrorDetail detail : e.getDetails()) {
            LedgerErrorCode code = ChaincodeRefusal.codeOf(detail.getMessage());
            if (code != LedgerErrorCode.UNKNOWN) {
                return new LedgerClientException(code, ChaincodeRefusal.withoutCode(detail.getMessage()), null);
            }
        }
        LedgerErrorCode code = ChaincodeRefusal.codeOf(e.getMessage());
        if (code != LedgerErrorCode.UNKNOWN) {
            return new LedgerClientException(code, ChaincodeRefusal.withoutCode(e.getMessage()), null);
        }
        return unavailable(e);
    }

    private static LedgerClientException unavailable(GatewayException e) {
        return new LedgerClientException(LedgerErrorCode.UNAVAILABLE,
                "the Fabric network did not complete the call: " + e.getStatus().getCode(), e);
    }
}
