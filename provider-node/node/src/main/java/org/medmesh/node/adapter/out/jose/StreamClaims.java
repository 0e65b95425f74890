package org.medmesh.node.adapter.out.jose;

import com.nimbusds.jose.JOSEObjectType;

/** The claim names and types of the response stream, shared by the sealer and the opener. */
final class StreamClaims {
    static final JOSEObjectType CHUNK = new JOSEObjectType("medmesh-exchange-chunk+jwt");
    static final JOSEObjectType MANIFEST = new JOSEObjectType("medmesh-exchange-manifest+jwt");
    static final String REQUEST_ID = "rid";
    static final String STREAM_ID = "sid";
    static final String SEQUENCE = "seq";
    static final String LAST = "last";
    static final String DATA = "data";
    static final String COUNT = "count";
    static final String SHA256 = "sha256";
    static final String RECEIPT = "receipt";

    private StreamClaims() {
    }
}
