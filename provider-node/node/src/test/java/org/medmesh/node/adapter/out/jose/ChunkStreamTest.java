package org.medmesh.node.adapter.out.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.X25519Encrypter;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medmesh.node.application.port.ExchangeRefusal;
import org.medmesh.node.application.port.ExchangeRefusedException;

class ChunkStreamTest {
    private static final String REQUEST_ID = ExchangeRequestCodec.requestId("a.signed.request");

    private final FixedNodeKeys holder = FixedNodeKeys.generate("HolderMSP");
    private final ChunkSealer sealer = new ChunkSealer(holder, new SecureRandom());
    private final ReplyKey replyKey = ReplyKey.generate();

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        new SplittableRandom(length).nextBytes(bytes);
        return bytes;
    }

    private SealedResponse seal(int length) {
        return sealer.seal(REQUEST_ID, replyKey.publicKey(), bytes(length));
    }

    private ChunkOpener opener() {
        return new ChunkOpener(REQUEST_ID, replyKey, holder.organization(), holder.signingKey());
    }

    private static void assertRefused(Runnable call, ExchangeRefusal reason) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ExchangeRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private void assertStreamRefused(List<String> chunks, String manifest, ExchangeRefusal reason) {
        ChunkOpener opener = opener();
        assertRefused(() -> {
            chunks.forEach(opener::accept);
            opener.finish(manifest);
        }, reason);
    }

    @Nested
    class RoundTrip {
        @ParameterizedTest(name = "{0} bytes in {1} chunks")
        @CsvSource({"0, 1", "1, 1", "65536, 1", "65537, 2", "1000000, 16"})
        void returns_exactly_the_plaintext(int length, int chunks) {
            SealedResponse response = seal(length);

            byte[] opened = ChunkOpener.open(REQUEST_ID, replyKey, holder.organization(), holder.signingKey(),
                    response);

            assertThat(response.chunks()).hasSize(chunks);
            assertThat(opened).isEqualTo(bytes(length));
        }

        @Test
        void the_manifest_carries_the_receipt_signed_with_the_rest() {
            List<String> envelopes = new java.util.ArrayList<>();
            sealer.seal(REQUEST_ID, replyKey.publicKey(), bytes(70_000), java.util.Map.of("txId", "abc",
                    "consent", "c-1"), envelopes::add);
            ChunkOpener opener = opener();
            envelopes.subList(0, envelopes.size() - 1).forEach(opener::accept);
            assertThat(opener.awaitsManifest()).isTrue();

            assertThat(opener.finish(envelopes.get(envelopes.size() - 1))).isEqualTo(bytes(70_000));
            assertThat(opener.receipt()).containsOnly(java.util.Map.entry("txId", "abc"),
                    java.util.Map.entry("consent", "c-1"));
            assertThat(opener.received()).isEqualTo(2);
        }

        @Test
        void closes_the_reply_key_after_success() {
            ChunkOpener.open(REQUEST_ID, replyKey, holder.organization(), holder.signingKey(), seal(10));

            assertThat(replyKey.isClosed()).isTrue();
        }

        @Test
        void envelopes_are_ecdh_es_a256gcm_jwes_of_signed_jwts() throws Exception {
            JWEObject jwe = JWEObject.parse(seal(1).chunks().get(0));

            assertThat(jwe.getHeader().getAlgorithm().getName()).isEqualTo("ECDH-ES");
            assertThat(jwe.getHeader().getEncryptionMethod().getName()).isEqualTo("A256GCM");
            assertThat(jwe.getHeader().getContentType()).isEqualTo("JWT");
            assertThat(jwe.getHeader().getEphemeralPublicKey().toJSONObject()).containsEntry("crv", "X25519");
        }
    }

    @Nested
    class Tampering {
        @Test
        void refuses_every_single_bit_flip_of_a_chunks_ciphertext() {
            String[] parts = seal(1).chunks().get(0).split("\\.");
            byte[] ciphertext = new Base64URL(parts[3]).decode();
            for (int bit = 0; bit < ciphertext.length * 8; bit++) {
                byte[] flipped = ciphertext.clone();
                flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                parts[3] = Base64URL.encode(flipped).toString();
                String tampered = String.join(".", parts);

                assertRefused(() -> new ChunkOpener(REQUEST_ID, ReplyKey.of(keyPair()), holder.organization(),
                        holder.signingKey()).accept(tampered), ExchangeRefusal.UNDECRYPTABLE);
            }
        }

        @Test
        void refuses_every_single_bit_flip_of_a_chunks_inner_signature_even_when_re_encrypted() throws Exception {
            String inner = decrypt(seal(1).chunks().get(0));
            String[] parts = inner.split("\\.");
            byte[] signature = new Base64URL(parts[2]).decode();
            for (int bit = 0; bit < signature.length * 8; bit++) {
                byte[] flipped = signature.clone();
                flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                String forged = encrypt(parts[0] + "." + parts[1] + "." + Base64URL.encode(flipped));

                assertRefused(() -> new ChunkOpener(REQUEST_ID, ReplyKey.of(keyPair()), holder.organization(),
                        holder.signingKey()).accept(forged), ExchangeRefusal.BAD_SIGNATURE);
            }
        }

        @Test
        void refuses_a_chunk_encrypted_to_another_key() {
            String chunk = sealer.seal(REQUEST_ID, ReplyKey.generate().publicKey(), bytes(5)).chunks().get(0);

            assertRefused(() -> opener().accept(chunk), ExchangeRefusal.UNDECRYPTABLE);
        }

        @Test
        void refuses_a_chunk_signed_by_another_holder() {
            ChunkSealer impostor = new ChunkSealer(FixedNodeKeys.generate("HolderMSP"), new SecureRandom());
            String chunk = impostor.seal(REQUEST_ID, replyKey.publicKey(), bytes(5)).chunks().get(0);

            assertRefused(() -> opener().accept(chunk), ExchangeRefusal.BAD_SIGNATURE);
        }

        @Test
        void refuses_a_manifest_where_a_chunk_belongs() {
            assertRefused(() -> opener().accept(seal(5).manifest()), ExchangeRefusal.MALFORMED);
        }

        @Test
        void refuses_a_chunk_holding_more_than_64_kib() {
            String chunk = Envelopes.seal(chunkClaims(0, true, new byte[ChunkSealer.MAX_CHUNK_BYTES + 1]),
                    StreamClaims.CHUNK, holder, replyKey.publicKey());

            assertRefused(() -> opener().accept(chunk), ExchangeRefusal.MALFORMED);
        }

        @Test
        void closes_the_reply_key_and_the_opener_after_a_refusal() {
            ChunkOpener opener = opener();
            assertRefused(() -> opener.accept("garbage"), ExchangeRefusal.MALFORMED);

            assertThat(replyKey.isClosed()).isTrue();
            assertThatThrownBy(() -> opener.accept(seal(1).chunks().get(0)))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class Order {
        private final SealedResponse response = seal(3 * ChunkSealer.MAX_CHUNK_BYTES);

        private List<String> chunks(int... order) {
            List<String> chunks = new ArrayList<>();
            for (int seq : order) {
                chunks.add(response.chunks().get(seq));
            }
            return chunks;
        }

        @Test
        void refuses_a_stream_without_its_last_chunk() {
            assertStreamRefused(chunks(0, 1), response.manifest(), ExchangeRefusal.TRUNCATED);
        }

        @Test
        void refuses_a_stream_missing_a_middle_chunk() {
            assertStreamRefused(chunks(0, 2), response.manifest(), ExchangeRefusal.OUT_OF_ORDER);
        }

        @Test
        void refuses_reordered_chunks() {
            assertStreamRefused(chunks(1, 0, 2), response.manifest(), ExchangeRefusal.OUT_OF_ORDER);
        }

        @Test
        void refuses_a_duplicated_chunk() {
            assertStreamRefused(chunks(0, 0, 1, 2), response.manifest(), ExchangeRefusal.DUPLICATE);
        }

        @Test
        void refuses_a_chunk_after_the_last() {
            assertStreamRefused(chunks(0, 1, 2, 2), response.manifest(), ExchangeRefusal.AFTER_LAST);
        }

        @Test
        void refuses_a_chunk_from_another_response_to_the_same_request() {
            SealedResponse other = seal(3 * ChunkSealer.MAX_CHUNK_BYTES);
            List<String> spliced = List.of(response.chunks().get(0), other.chunks().get(1), response.chunks().get(2));

            assertStreamRefused(spliced, response.manifest(), ExchangeRefusal.SPLICED);
        }

        @Test
        void refuses_a_chunk_answering_another_request() {
            SealedResponse other = sealer.seal(ExchangeRequestCodec.requestId("another.request.jws"),
                    replyKey.publicKey(), bytes(3 * ChunkSealer.MAX_CHUNK_BYTES));
            List<String> spliced = List.of(response.chunks().get(0), other.chunks().get(1), response.chunks().get(2));

            assertStreamRefused(spliced, response.manifest(), ExchangeRefusal.SPLICED);
        }

        @Test
        void refuses_the_manifest_of_another_response() {
            assertStreamRefused(response.chunks(), seal(3 * ChunkSealer.MAX_CHUNK_BYTES).manifest(),
                    ExchangeRefusal.SPLICED);
        }

        @Test
        void refuses_a_manifest_counting_more_chunks_than_arrived() {
            assertStreamRefused(response.chunks(), manifest(4, response), ExchangeRefusal.TRUNCATED);
        }

        @Test
        void refuses_a_manifest_counting_fewer_chunks_than_arrived() {
            assertStreamRefused(response.chunks(), manifest(2, response), ExchangeRefusal.MANIFEST_MISMATCH);
        }

        @Test
        void refuses_a_manifest_with_another_digest() {
            String manifest = manifestWith(response, claims -> claims.claim(StreamClaims.SHA256,
                    Base64URL.encode(ChunkSealer.sha256(new byte[1])).toString()));

            assertStreamRefused(response.chunks(), manifest, ExchangeRefusal.MANIFEST_MISMATCH);
        }

        private String manifest(int count, SealedResponse of) {
            return manifestWith(of, claims -> claims.claim(StreamClaims.COUNT, count));
        }

        private String manifestWith(SealedResponse of, Consumer<JWTClaimsSet.Builder> change) {
            JWTClaimsSet original = Envelopes.open(of.manifest(), StreamClaims.MANIFEST,
                    ReplyKey.of(keyPair()).decrypter(), holder.signingKey());
            JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder(original);
            change.accept(builder);
            return Envelopes.seal(builder.build(), StreamClaims.MANIFEST, holder, replyKey.publicKey());
        }
    }

    private JWTClaimsSet chunkClaims(int seq, boolean last, byte[] data) {
        return new JWTClaimsSet.Builder().claim(StreamClaims.REQUEST_ID, REQUEST_ID)
                .claim(StreamClaims.STREAM_ID, "stream").claim(StreamClaims.SEQUENCE, seq)
                .claim(StreamClaims.LAST, last).claim(StreamClaims.DATA, Base64URL.encode(data).toString()).build();
    }

    /** The reply key's pair, read before any opener closes it: tests that make many openers share it. */
    private final OctetKeyPair pair = replyKey.decrypter().getPrivateKey();

    private OctetKeyPair keyPair() {
        return pair;
    }

    private String decrypt(String envelope) throws Exception {
        JWEObject jwe = JWEObject.parse(envelope);
        jwe.decrypt(ReplyKey.of(keyPair()).decrypter());
        return jwe.getPayload().toString();
    }

    /** What anyone holding the reply key's public half can do: wrap a JWS of their own. */
    private String encrypt(String innerJws) throws Exception {
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.ECDH_ES, EncryptionMethod.A256GCM)
                .contentType("JWT").build(), new Payload(innerJws));
        jwe.encrypt(new X25519Encrypter(Signatures.x25519PublicKey(replyKey.publicKey())));
        return jwe.serialize();
    }
}
