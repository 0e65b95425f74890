package org.medmesh.node.adapter.out.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.util.Objects;
import java.util.Set;
import org.medmesh.node.application.port.NodeKeys;

/** An Ed25519 {@link JWSSigner} over the node's keys: the private key stays behind {@link NodeKeys#sign}. */
final class NodeKeysSigner implements JWSSigner {
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);

    private final NodeKeys keys;
    private final JCAContext jcaContext = new JCAContext();

    NodeKeysSigner(NodeKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (!ALGORITHMS.contains(header.getAlgorithm())) {
            throw new JOSEException("node keys sign with Ed25519 only");
        }
        return Base64URL.encode(keys.sign(signingInput));
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return ALGORITHMS;
    }

    @Override
    public JCAContext getJCAContext() {
        return jcaContext;
    }
}
