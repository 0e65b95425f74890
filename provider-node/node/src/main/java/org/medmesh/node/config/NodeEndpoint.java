package org.medmesh.node.config;

import io.micronaut.context.BeanProvider;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Locale;

/**
 * The service endpoint the node registers in its DID document: {@code medmesh.node.public-url}, or else the URL
 * the server listens on (fine on one machine; behind a proxy or on {@code 0.0.0.0}, set the public URL).
 */
@Singleton
public final class NodeEndpoint {
    private final NodeProperties properties;
    private final BeanProvider<EmbeddedServer> server;

    NodeEndpoint(NodeProperties properties, BeanProvider<EmbeddedServer> server) {
        this.properties = properties;
        this.server = server;
    }

    public URI uri() {
        String configured = properties.publicUrl();
        if (configured != null && !configured.isBlank()) {
            return checked(configured.strip());
        }
        return checked(server.get().getURL().toString());
    }

    private static URI checked(String url) {
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("medmesh.node.public-url is not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("medmesh.node.public-url must be an absolute http or https URL: "
                    + url);
        }
        return uri;
    }
}
