package org.medmesh.chaincode.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static String canonical(String json) {
        return CanonicalJson.write(CanonicalJson.parse(json));
    }

    private static void assertMalformed(Runnable action) {
        assertThatThrownBy(action::run)
                .isInstanceOf(ChaincodeException.class)
                .satisfies(e -> assertThat(new String(((ChaincodeException) e).getPayload(), StandardCharsets.UTF_8))
                        .isEqualTo("MALFORMED_INPUT"));
    }

    @Nested
    class Write {

        @Test
        void matches_the_rfc_8785_example_without_its_non_integer_numbers() {
            String input = "{\n  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                    + "  \"literals\": [null, true, false]\n}";
            assertThat(canonical(input))
                    .isEqualTo("{\"literals\":[null,true,false],\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
        }

        @Test
        void sorts_keys_by_utf16_code_units_as_in_rfc_8785_section_3_2_3() {
            String input = "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet\","
                    + "\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji\",\"\\u0080\":\"Control\",\"\\u00f6\":\"O Diaeresis\"}";
            assertThat(canonical(input)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                    + "\"ö\":\"O Diaeresis\",\"€\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji\",\"\ufb33\":\"Hebrew Letter Dalet\"}");
        }

        @Test
        void sorts_nested_object_keys_and_keeps_array_order() {
            assertThat(canonical("{\"b\":[3,1,{\"z\":1,\"a\":2}],\"a\":{}}")).isEqualTo("{\"a\":{},\"b\":[3,1,{\"a\":2,\"z\":1}]}");
        }

        @Test
        void escapes_only_quote_backslash_and_control_characters() {
            assertThat(canonical("\"\\b\\f\\n\\r\\t\\u0001\\u001f \\u007f/\\u2028\""))
                    .isEqualTo("\"\\b\\f\\n\\r\\t\\u0001\\u001f \u007f/\u2028\"");
        }

        @Test
        void removes_all_insignificant_whitespace() {
            assertThat(canonical(" { \"a\" : [ 1 , true ] } ")).isEqualTo("{\"a\":[1,true]}");
        }

        @Test
        void writes_integers_at_the_safe_limits() {
            assertThat(canonical("[9007199254740991,-9007199254740991,0,-0]"))
                    .isEqualTo("[9007199254740991,-9007199254740991,0,0]");
        }

        @Test
        void refuses_integers_beyond_two_to_the_53_minus_one() {
            assertMalformed(() -> canonical("[9007199254740992]"));
        }

        @Test
        void refuses_fractional_numbers() {
            assertMalformed(() -> canonical("[1.5]"));
        }

        @Test
        void refuses_a_lone_surrogate() {
            assertMalformed(() -> canonical("\"\\ud800\""));
        }

        @Test
        void encodes_canonical_text_as_utf8() {
            assertThat(CanonicalJson.bytes(CanonicalJson.parse("\"€\""))).containsExactly(0x22, 0xe2, 0x82, 0xac, 0x22);
        }
    }

    @Nested
    class Parse {

        @Test
        void refuses_duplicate_keys() {
            assertMalformed(() -> CanonicalJson.parse("{\"a\":1,\"a\":2}"));
        }

        @Test
        void refuses_trailing_content() {
            assertMalformed(() -> CanonicalJson.parse("{\"a\":1} {}"));
        }

        @Test
        void refuses_empty_input() {
            assertMalformed(() -> CanonicalJson.parse(""));
        }

        @Test
        void refuses_non_json_literals() {
            assertMalformed(() -> CanonicalJson.parse("{\"a\":NaN}"));
        }

        @Test
        void parse_object_refuses_an_array() {
            assertMalformed(() -> CanonicalJson.parseObject("[]"));
        }
    }
}
