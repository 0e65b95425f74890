package org.medmesh.node.adapter.out.jose;

import java.util.List;
import java.util.Objects;

/** A holder's answer on the wire: the chunk envelopes in order, then the manifest envelope (compact JWEs). */
public record SealedResponse(List<String> chunks, String manifest) {
    public SealedResponse {
        chunks = List.copyOf(chunks);
        Objects.requireNonNull(manifest, "manifest");
        if (chunks.isEmpty()) {
            throw new IllegalArgumentException("a response has at least one chunk");
        }
    }
}
