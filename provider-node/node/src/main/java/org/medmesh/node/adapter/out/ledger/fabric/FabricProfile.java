package org.medmesh.node.adapter.out.ledger.fabric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A hospital's connection profile, as {@code network-config/fabric.sh up} writes it: its MSP id, the channel and
 * chaincode, its gateway peer (endpoint, TLS root certificate, host name in that certificate) and the paths of its
 * client certificate and private key. The key file is read only when connecting and never logged.
 */
public record FabricProfile(String mspId, String channel, String chaincode, String peerEndpoint,
        String hostnameOverride, Path tlsRootCert, Path certificate, Path privateKey) {
    public FabricProfile {
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(chaincode, "chaincode");
        Objects.requireNonNull(peerEndpoint, "peerEndpoint");
        Objects.requireNonNull(tlsRootCert, "tlsRootCert");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    public static FabricProfile read(Path file) {
        try {
            JsonNode json = new ObjectMapper().readTree(Files.readString(file));
            JsonNode peer = json.path("peer");
            JsonNode identity = json.path("identity");
            return new FabricProfile(text(json, "mspId"), text(json, "channel"), text(json, "chaincode"),
                    text(peer, "endpoint"), peer.path("hostnameOverride").asText(""),
                    Path.of(text(peer, "tlsRootCert")), Path.of(text(identity, "certificate")),
                    Path.of(text(identity, "privateKey")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read connection profile " + file, e);
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("connection profile lacks '" + field + "'");
        }
        return value.asText();
    }
}
