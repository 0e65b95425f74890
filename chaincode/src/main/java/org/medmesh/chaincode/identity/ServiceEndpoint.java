package org.medmesh.chaincode.identity;

import static org.medmesh.chaincode.error.Refusals.require;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The URL where an organisation's node accepts record requests.
 *
 * @param url an absolute http or https URL without user info
 */
public record ServiceEndpoint(String url) {

    private static final int MAX_LENGTH = 2048;

    public ServiceEndpoint {
        require(url != null && url.length() <= MAX_LENGTH && isHttpUrl(url), "serviceEndpoint must be an http(s) URL");
    }

    public static ServiceEndpoint parse(String url) {
        return new ServiceEndpoint(url);
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return ("https".equals(scheme) || "http".equals(scheme))
                    && uri.getHost() != null
                    && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
