package org.medmesh.node.adapter.in.http.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Set;
import org.medmesh.node.adapter.in.fhir.auth.Caller;
import org.medmesh.node.adapter.in.fhir.auth.Role;
import org.medmesh.node.adapter.in.http.BearerAuthorization;
import org.medmesh.node.application.identity.IdentityException;
import org.medmesh.node.application.identity.RotateNodeKeys;
import org.medmesh.node.application.port.LedgerClientException;
import org.medmesh.node.application.port.NodeKeys;
import org.medmesh.node.config.NodeEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's own identity: {@code GET /identity} (open) names its DID and endpoint; {@code POST
 * /admin/identity/rotation} (role admin) replaces its keys on disk and on the ledger.
 */
@Controller
final class IdentityController {
    private static final Logger LOG = LoggerFactory.getLogger(IdentityController.class);

    private final NodeKeys keys;
    private final NodeEndpoint endpoint;
    private final RotateNodeKeys rotate;
    private final BearerAuthorization authorization;

    IdentityController(NodeKeys keys, NodeEndpoint endpoint, RotateNodeKeys rotate,
            BearerAuthorization authorization) {
        this.keys = keys;
        this.endpoint = endpoint;
        this.rotate = rotate;
        this.authorization = authorization;
    }

    @Get(uri = "/identity", produces = MediaType.APPLICATION_JSON)
    NodeIdentity identity() {
        return new NodeIdentity(keys.organization().value(), endpoint.uri().toString());
    }

    @Post(uri = "/admin/identity/rotation", produces = MediaType.APPLICATION_JSON)
    RotatedKeys rotate(@Nullable @Header(HttpHeaders.AUTHORIZATION) String header) {
        Caller caller = authorization.require(header, Set.of(Role.ADMIN));
        try {
            RotateNodeKeys.Rotation rotation = rotate.rotate();
            LOG.info("{} rotated the node's keys: {} version {}", caller.subject(), rotation.did(),
                    rotation.version());
            return new RotatedKeys(rotation.did().value(), rotation.version(), rotation.keys().signingKey());
        } catch (IdentityException e) {
            throw IdentityErrors.of(e);
        } catch (LedgerClientException e) {
            throw IdentityErrors.of(e);
        }
    }

    /** The node's public identity. */
    @Serdeable
    record NodeIdentity(String did, String serviceEndpoint) {}

    /** The organisation's DID after a rotation, with its new signing key (base64url). */
    @Serdeable
    record RotatedKeys(String did, long version, String signingKey) {}
}
