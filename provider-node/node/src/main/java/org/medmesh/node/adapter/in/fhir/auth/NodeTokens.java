package org.medmesh.node.adapter.in.fhir.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;

/**
 * The node's own token key: a random 256-bit HMAC key in {@code <data-dir>/auth/jwt-hmac.key} (owner-only),
 * created on first use, never logged and never in git. Tokens it signs are what {@code medmesh token} prints.
 */
public final class NodeTokens {
    public static final String ISSUER = "medmesh-node";
    private static final String KEY_FILE = "jwt-hmac.key";

    private final byte[] key;

    private NodeTokens(byte[] key) {
        this.key = key.clone();
    }

    public static NodeTokens loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve("auth").resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Files.createDirectories(file.getParent());
                Path temporary = Files.createTempFile(file.getParent(), "key", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.write(temporary, fresh);
                Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return new NodeTokens(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the node's token key", e);
        }
    }

    byte[] key() {
        return key.clone();
    }

    /** A bearer token for a local user with a role and SMART-style scopes, valid for {@code ttl}. */
    public String issue(String subject, Role role, String scopes, Duration ttl, Clock clock) {
        Date now = Date.from(clock.instant());
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject).jwtID(UUID.randomUUID()
                .toString()).issueTime(now).expirationTime(Date.from(clock.instant().plus(ttl)))
                .claim("role", role.claim()).claim("scope", scopes).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign token", e);
        }
        return jwt.serialize();
    }

    @Override
    public String toString() {
        return "NodeTokens[key hidden]";
    }
}
