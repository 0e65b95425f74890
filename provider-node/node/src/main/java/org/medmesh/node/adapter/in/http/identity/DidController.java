package org.medmesh.node.adapter.in.http.identity;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import org.medmesh.node.adapter.in.http.ApiError;
import org.medmesh.node.adapter.in.http.ApiException;
import org.medmesh.node.application.identity.DidResolver;
import org.medmesh.node.application.identity.IdentityException;
import org.medmesh.node.application.port.LedgerClientException;
import org.medmesh.node.domain.identity.ResolvedDid;

/**
 * DID resolution for anyone who can reach the node: {@code GET /dids/{did}} answers the W3C DID document
 * ({@code application/did+json}) of a {@code did:medmesh} (from the ledger) or {@code did:key} DID. DID documents
 * hold public keys and endpoints only, no PHI. 404 if unknown, 400 if malformed or of another method.
 */
@Controller("/dids")
final class DidController {
    static final String DID_JSON = "application/did+json";

    private final DidResolver resolver;

    DidController(DidResolver resolver) {
        this.resolver = resolver;
    }

    @Get(uri = "/{did}", produces = {DID_JSON, MediaType.APPLICATION_JSON})
    HttpResponse<String> resolve(@PathVariable String did) {
        ResolvedDid resolved;
        try {
            resolved = resolver.resolve(did).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND,
                    "no such DID on the ledger"));
        } catch (IdentityException e) {
            throw IdentityErrors.of(e);
        } catch (LedgerClientException e) {
            throw IdentityErrors.of(e);
        }
        return HttpResponse.ok(resolved.document()).contentType(DID_JSON);
    }
}
