package org.medmesh.patient.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    @Test
    void separates_command_words_options_and_flags() {
        Arguments args = Arguments.parse(List.of("consent", "grant", "--node", "http://h", "--details", "--to", "x"));

        assertThat(args.words()).containsExactly("consent", "grant");
        assertThat(args.option("node")).contains("http://h");
        assertThat(args.option("to")).contains("x");
        assertThat(args.flag("details")).isTrue();
        assertThat(args.flag("resume")).isFalse();
    }

    @Test
    void reads_an_option_written_with_an_equals_sign() {
        assertThat(Arguments.parse(List.of("--until=2026-12-31")).option("until")).contains("2026-12-31");
    }

    @Test
    void refuses_an_option_given_twice() {
        assertThatThrownBy(() -> Arguments.parse(List.of("--to", "a", "--to", "b")))
                .isInstanceOf(CliFailure.class).hasMessageContaining("--to is given twice");
    }

    @Test
    void refuses_an_option_without_its_value() {
        assertThatThrownBy(() -> Arguments.parse(List.of("--node")))
                .isInstanceOf(CliFailure.class).hasMessageContaining("--node needs a value");
    }

    @Test
    void refuses_an_option_followed_by_another_option_instead_of_a_value() {
        assertThatThrownBy(() -> Arguments.parse(List.of("--node", "--details")))
                .isInstanceOf(CliFailure.class).hasMessageContaining("--node needs a value");
    }

    @Test
    void refuses_a_value_for_a_flag() {
        assertThatThrownBy(() -> Arguments.parse(List.of("--details=yes")))
                .isInstanceOf(CliFailure.class).hasMessageContaining("takes no value");
    }

    @Test
    void refuses_options_the_command_does_not_take() {
        Arguments args = Arguments.parse(List.of("show", "--node", "http://h"));

        assertThatThrownBy(() -> args.allowOnly("show", Set.of("wallet"), Set.of("details")))
                .isInstanceOf(CliFailure.class).hasMessageContaining("`patient show` takes no --node");
    }

    @Test
    void names_a_missing_required_option_and_what_it_holds() {
        assertThatThrownBy(() -> Arguments.parse(List.of()).required("node", "URL"))
                .isInstanceOf(CliFailure.class).hasMessage("--node URL is needed");
    }

    @Test
    void usage_errors_exit_with_status_2() {
        assertThat(CliFailure.usage("x").exitStatus()).isEqualTo(2);
        assertThat(CliFailure.failed("x").exitStatus()).isEqualTo(1);
    }
}
