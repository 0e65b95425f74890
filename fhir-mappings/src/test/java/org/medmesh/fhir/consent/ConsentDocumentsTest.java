package org.medmesh.fhir.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medmesh.chaincode.crypto.Sha256;
import org.medmesh.fhir.Fhir;

class ConsentDocumentsTest {

    static final Consent CONSENT = PcfExamples.load("ex-consent-advanced-normal-focused-psy-or-sdv");

    static ConsentMappingException refusal(byte[] document, String hash) {
        ConsentMappingException e = catchThrowableOfType(ConsentMappingException.class,
                () -> ConsentDocuments.read(document, hash));
        assertThat(e).as("refused").isNotNull();
        return e;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Nested
    class DocumentBytes {

        @Test
        void are_hapi_json_without_pretty_printing() {
            String json = new String(ConsentDocuments.documentBytes(CONSENT), StandardCharsets.UTF_8);
            assertThat(json).startsWith("{\"resourceType\":\"Consent\",").doesNotContain("\n").doesNotContain("  ");
            assertThat(json).isEqualTo(Fhir.context().newJsonParser().encodeResourceToString(CONSENT));
        }

        @Test
        void keep_every_element_of_the_consent_not_only_the_mapped_ones() {
            String json = new String(ConsentDocuments.documentBytes(CONSENT), StandardCharsets.UTF_8);
            Consent read = Fhir.context().newJsonParser().parseResource(Consent.class, json);
            assertThat(read.equalsDeep(CONSENT)).isTrue();
        }
    }

    @Nested
    class Sha256Hex {

        @Test
        void is_the_fips_180_known_answer_for_abc() {
            assertThat(ConsentDocuments.sha256Hex(utf8("abc")))
                    .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        }

        @Test
        void is_what_the_ledger_accepts_as_consent_hash() {
            String hash = ConsentDocuments.sha256Hex(ConsentDocuments.documentBytes(CONSENT));
            assertThat(Sha256.isHexDigest(hash)).isTrue();
        }
    }

    @Nested
    class Read {

        final byte[] document = ConsentDocuments.documentBytes(CONSENT);
        final String hash = ConsentDocuments.sha256Hex(document);

        @Test
        void returns_the_consent_whose_bytes_match_the_hash() {
            assertThat(ConsentDocuments.read(document, hash).equalsDeep(CONSENT)).isTrue();
        }

        @Test
        void hashes_the_bytes_as_received_so_a_pretty_printed_document_is_checked_against_its_own_hash() {
            byte[] pretty = utf8(PcfExamples.json("ex-consent-advanced-normal-focused-psy-or-sdv"));
            Consent read = ConsentDocuments.read(pretty, Sha256.hex(pretty));
            assertThat(ConsentMapper.toProvision(read)).isEqualTo(ConsentMapper.toProvision(CONSENT));
            assertThat(refusal(pretty, hash).code()).isEqualTo(IssueType.INVALID);
        }

        @Test
        void refuses_every_document_with_one_byte_changed() {
            for (int i = 0; i < document.length; i++) {
                byte[] tampered = document.clone();
                tampered[i] ^= 0x01;
                assertThat(refusal(tampered, hash).code()).as("byte %d", i).isEqualTo(IssueType.INVALID);
            }
        }

        @Test
        void refuses_duplicate_keys_even_when_the_hash_matches() {
            byte[] duplicated = utf8(new String(document, StandardCharsets.UTF_8)
                    .replace("\"status\":\"active\"", "\"status\":\"active\",\"status\":\"active\""));
            assertThat(refusal(duplicated, Sha256.hex(duplicated)).code()).isEqualTo(IssueType.STRUCTURE);
        }

        @Test
        void refuses_elements_r4_does_not_define_instead_of_dropping_them() {
            byte[] unknown = utf8(new String(document, StandardCharsets.UTF_8)
                    .replace("\"provision\":{", "\"provision\":{\"onlyOnWeekdays\":true,"));
            assertThat(refusal(unknown, Sha256.hex(unknown)).code()).isEqualTo(IssueType.STRUCTURE);
        }

        @Test
        void refuses_a_resource_that_is_not_a_consent() {
            byte[] patient = utf8("{\"resourceType\":\"Patient\",\"active\":true}");
            assertThat(refusal(patient, Sha256.hex(patient)).code()).isEqualTo(IssueType.STRUCTURE);
        }

        @Test
        void refuses_bytes_that_are_not_utf_8() {
            byte[] latin1 = "{\"resourceType\":\"Consent\",\"id\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
            assertThat(refusal(latin1, Sha256.hex(latin1)).code()).isEqualTo(IssueType.STRUCTURE);
        }

        @Test
        void refuses_an_invalid_code_without_quoting_it() {
            byte[] invalid = utf8(new String(document, StandardCharsets.UTF_8)
                    .replace("\"status\":\"active\"", "\"status\":\"Jack Smith\""));
            ConsentMappingException e = refusal(invalid, Sha256.hex(invalid));
            assertThat(e.code()).isEqualTo(IssueType.STRUCTURE);
            assertThat(e.outcome().getIssueFirstRep().getDiagnostics()).doesNotContain("Jack");
        }
    }
}
