package org.medmesh.node.adapter.in.http.exchange;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.medmesh.node.adapter.in.http.ApiError;
import org.medmesh.node.adapter.in.http.ApiException;
import org.medmesh.node.application.exchange.ReleaseRecords;

/**
 * {@code POST /exchange/requests}: another hospital's node asks for a patient's records with a signed request
 * ({@code application/jose}, a compact JWS). No bearer token: the request is signed by the requesting
 * organisation's DID key and verified against the ledger. The answer is decided and on the ledger before the
 * first byte of it is sent; it streams as {@value #STREAM}: one compact JWE per line, the chunks in order and the
 * signed manifest last. A refusal is {@code application/problem+json} with a machine-readable {@code code}.
 */
@Controller("/exchange")
@ExecuteOn(TaskExecutors.BLOCKING)
final class HolderController {
    /** The response stream's media type: lines of compact JWE, the last one the manifest. */
    static final String STREAM = "application/vnd.medmesh.exchange-stream";
    private static final int MAX_REQUEST_CHARS = 32 * 1024;

    private final ReleaseRecords release;

    HolderController(ReleaseRecords release) {
        this.release = release;
    }

    @Post(uri = "/requests", consumes = {"application/jose", MediaType.TEXT_PLAIN}, produces = STREAM)
    HttpResponse<Writable> request(@Nullable @Body String body) {
        String jws = body == null ? "" : body.strip();
        if (jws.isEmpty() || jws.length() > MAX_REQUEST_CHARS) {
            throw new ApiException(ApiError.BAD_REQUEST, "MALFORMED", "the body is one compact JWS of at most 32 KiB");
        }
        ReleaseRecords.Release released = release.release(jws);
        return HttpResponse.ok((Writable) new Envelopes(released)).contentType(STREAM)
                .header("MedMesh-Ledger-Tx", released.txId());
    }

    /** Seals while writing: each envelope leaves as soon as it is sealed. */
    private record Envelopes(ReleaseRecords.Release released) implements Writable {
        @Override
        public void writeTo(Writer out) throws IOException {
            try {
                released.writeTo(envelope -> {
                    try {
                        out.write(envelope);
                        out.write('\n');
                        out.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }

        @Override
        public void writeTo(OutputStream out, @Nullable Charset charset) throws IOException {
            Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.US_ASCII);
            writeTo(writer);
            writer.flush();
        }
    }
}
