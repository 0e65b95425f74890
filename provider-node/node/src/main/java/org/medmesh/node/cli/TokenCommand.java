package org.medmesh.node.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.medmesh.node.adapter.in.fhir.auth.NodeTokens;
import org.medmesh.node.adapter.in.fhir.auth.Role;
import org.medmesh.node.config.NodeProperties;

/**
 * {@code medmesh token --role clinician|admin|auditor [--subject NAME] [--scopes "..."] [--ttl PT8H] [--data DIR]}:
 * prints a bearer token signed with the node's key (the node in the same data directory accepts it).
 */
final class TokenCommand {
    private final PrintStream out;

    TokenCommand(PrintStream out) {
        this.out = out;
    }

    int run(Options options) {
        Role role = Role.parse(options.named().getOrDefault("role", "clinician"));
        Path dataDir = options.data(NodeProperties.defaultHome().resolve("node"));
        String scopes = options.named().getOrDefault("scopes", Tokens.defaultScopes(role));
        Duration ttl;
        try {
            ttl = Duration.parse(options.named().getOrDefault("ttl", "PT8H"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--ttl is an ISO-8601 duration such as PT8H", e);
        }
        String subject = options.named().getOrDefault("subject", role.claim() + "@local");
        out.println(NodeTokens.loadOrCreate(dataDir).issue(subject, role, scopes, ttl, Clock.systemUTC()));
        return Main.OK;
    }
}
