package org.medmesh.fhir.consent;

import static org.medmesh.fhir.consent.ConsentMappingException.invalid;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.medmesh.chaincode.crypto.Sha256;
import org.medmesh.chaincode.json.CanonicalJson;
import org.medmesh.fhir.Fhir;

/**
 * The signed FHIR Consent as bytes. The patient's grant carries {@code consentHash}, the SHA-256 of exactly the bytes
 * that travel to the holders: the wallet serialises the Consent once ({@link #documentBytes}), hashes those bytes and
 * sends those bytes; a holder hashes what it received before parsing it ({@link #read}) and never serialises again
 * to check a hash. HAPI's JSON output is not a canonical form (another HAPI version may order, escape or drop
 * elements differently), which is why nothing here is called canonical and nothing is ever re-encoded to be hashed.
 */
public final class ConsentDocuments {

    private ConsentDocuments() {}

    /**
     * The bytes to hash and send: HAPI's JSON encoding of the Consent, pretty printing off, in UTF-8. Call it once
     * per Consent and keep the result; two calls are only equal under the same HAPI version.
     */
    public static byte[] documentBytes(Consent consent) {
        Objects.requireNonNull(consent, "consent");
        return Fhir.context().newJsonParser().setPrettyPrint(false).encodeResourceToString(consent)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** SHA-256 of the bytes, lowercase hex: the grant's {@code consentHash}. */
    public static String sha256Hex(byte[] document) {
        return Sha256.hex(Objects.requireNonNull(document, "document"));
    }

    /**
     * The Consent in bytes received from a patient or a peer, after checking them against the grant's hash. The JSON
     * must be strict (no duplicate keys, which parsers resolve differently) and every element must be known to R4
     * (HAPI's default would drop unknown ones, and with them whatever they restricted).
     *
     * @throws ConsentMappingException {@code invalid} if the bytes do not hash to {@code consentHash},
     *     {@code structure} if they are not one strict JSON R4 Consent
     */
    public static Consent read(byte[] document, String consentHash) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(consentHash, "consentHash");
        byte[] expected = consentHash.getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(sha256Hex(document).getBytes(StandardCharsets.US_ASCII), expected)) {
            throw invalid("Consent", "the document is not the one whose SHA-256 the patient signed");
        }
        String json = utf8(document);
        try {
            CanonicalJson.parseObject(json);
        } catch (ChaincodeException e) {
            throw structure("the document is not one strict JSON object (duplicate keys, trailing content?)");
        }
        IParser parser = Fhir.context().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        try {
            return parser.parseResource(Consent.class, json);
        } catch (DataFormatException e) {
            // HAPI's message may quote the document: keep it out of the refusal
            throw structure("the document is not an R4 Consent, or holds elements R4 does not define");
        }
    }

    private static String utf8(byte[] document) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(document))
                    .toString();
        } catch (CharacterCodingException e) {
            throw structure("the document is not UTF-8");
        }
    }

    private static ConsentMappingException structure(String diagnostics) {
        return new ConsentMappingException(IssueType.STRUCTURE, "Consent", diagnostics);
    }
}
