package org.medmesh.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medmesh.node.adapter.out.jose.ExchangeRequestCodec;
import org.medmesh.node.adapter.out.jose.ReplyKey;
import org.medmesh.node.application.exchange.VerifyExchangeRequest;
import org.medmesh.node.application.port.ExchangeRefusal;
import org.medmesh.node.application.port.ExchangeRefusedException;
import org.medmesh.node.application.port.NodeKeys;
import org.medmesh.node.domain.exchange.ExchangeRequest;
import org.medmesh.consent.ledger.Did;
import org.medmesh.node.testing.LedgerNode;

/**
 * Two real nodes on one embedded ledger: node A (Hospital1MSP) signs a request with its own sealed keys, node B
 * (Hospital2MSP) verifies it with the use case as the node wires it, and still refuses the replay after a restart.
 */
class ExchangeVerificationIT {
    @TempDir
    Path dir;

    private LedgerNode a;
    private LedgerNode b;

    @BeforeEach
    void startTwoNodes() {
        a = LedgerNode.start(settings("a", "Hospital1MSP"));
        b = LedgerNode.start(settings("b", "Hospital2MSP"));
    }

    @AfterEach
    void stopNodes() {
        b.close();
        a.close();
    }

    @Test
    void the_holder_accepts_a_peers_request_once_and_refuses_its_replay_after_a_restart() {
        NodeKeys requester = a.bean(NodeKeys.class);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ExchangeRequest request = new ExchangeRequest(requester.organization(), Did.forOrganization("Hospital2MSP"),
                Did.parse("did:medmesh:7Hq2kXbQ9mRt4VnLp3sWzY"), "TREAT", List.of("Observation"), now,
                now.plusSeconds(120), "it-n0nce-" + now.getEpochSecond(), ReplyKey.generate().publicKey());
        String jws = ExchangeRequestCodec.sign(request, requester);

        assertThat(verifier(b).verify(jws)).isEqualTo(request);
        b.close();
        b = LedgerNode.start(settings("b", "Hospital2MSP"));

        assertThatThrownBy(() -> verifier(b).verify(jws)).isInstanceOfSatisfying(ExchangeRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(ExchangeRefusal.REPLAYED));
    }

    private static VerifyExchangeRequest verifier(LedgerNode node) {
        return node.bean(VerifyExchangeRequest.class);
    }

    private Map<String, Object> settings(String node, String mspId) {
        return LedgerNode.settings(dir.resolve(node), dir.resolve("ledger"), mspId);
    }
}
