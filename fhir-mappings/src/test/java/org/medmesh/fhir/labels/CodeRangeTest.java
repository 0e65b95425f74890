package org.medmesh.fhir.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodeRangeTest {

    @Nested
    class Contains {

        @ParameterizedTest(name = "{0} contains {1}: {2}")
        @CsvSource({
            "B20-B24, B20,      true",
            "B20-B24, B22.1,    true",
            "B20-B24, b24,      true",
            "B20-B24, B25,      false",
            "B20-B24, B1,       false",
            "T74.2,   T74.21XA, true",
            "T74.2,   T74.1,    false",
            "F10-F16, F17.210,  false",
        })
        void matches_codes_by_prefix_between_the_bounds(String range, String code, boolean expected) {
            assertThat(CodeRange.parse(range).contains(code)).isEqualTo(expected);
        }
    }

    @Nested
    class Parse {

        @Test
        void refuses_bounds_of_different_lengths() {
            assertThatThrownBy(() -> CodeRange.parse("B2-B24")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void refuses_a_backwards_range() {
            assertThatThrownBy(() -> CodeRange.parse("B24-B20")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
