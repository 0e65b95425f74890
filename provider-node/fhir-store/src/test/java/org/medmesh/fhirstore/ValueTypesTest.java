package org.medmesh.fhirstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueTypesTest {
    @Test
    void a_token_needs_a_code_or_a_system() {
        assertThatThrownBy(() -> new Token(null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Token("", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_criterion_needs_at_least_one_value() {
        assertThatThrownBy(() -> new TokenCriterion("code", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_date_range_must_end_after_it_starts() {
        Instant now = Instant.parse("2020-01-01T00:00:00Z");
        assertThatThrownBy(() -> new DateCriterion("date", Prefix.EQ, now, now))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settings_refuse_other_databases() {
        assertThatThrownBy(() -> new StoreSettings("jdbc:mysql://x", "u", "p", 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settings_never_print_the_password() {
        assertThat(new StoreSettings("jdbc:h2:mem:x", "u", "secret", 2).toString()).doesNotContain("secret");
    }

    @Test
    void a_stored_resource_that_is_not_deleted_has_a_body() {
        assertThatThrownBy(() -> new StoredResource("Patient", "1", 1, Instant.EPOCH, false, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_missing_prefix_means_eq() {
        assertThat(Prefix.parse(null)).isEqualTo(Prefix.EQ);
        assertThat(Prefix.parse("ge")).isEqualTo(Prefix.GE);
    }
}
