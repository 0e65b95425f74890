package org.medmesh.node.adapter.out.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medmesh.node.application.port.ExchangeRefusal;
import org.medmesh.node.application.port.ExchangeRefusedException;

class BoundedLinesTest {
    private static BoundedLines lines(String text, int maxLine, long maxTotal) {
        return new BoundedLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), maxLine, maxTotal);
    }

    @Test
    void reads_lines_with_or_without_a_final_newline() {
        List<String> read = new ArrayList<>();
        lines("a.b.c\nd.e\nlast", 100, 1_000).forEachRemaining(read::add);

        assertThat(read).containsExactly("a.b.c", "d.e", "last");
    }

    @Test
    void refuses_a_line_longer_than_allowed_before_reading_it_all() {
        BoundedLines lines = lines("x".repeat(1_000) + "\n", 100, 1_000_000);

        assertThatThrownBy(lines::next).isInstanceOfSatisfying(ExchangeRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(ExchangeRefusal.MALFORMED));
    }

    @Test
    void refuses_an_answer_larger_than_allowed() {
        BoundedLines lines = lines("abc\n".repeat(100), 100, 200);

        assertThatThrownBy(() -> lines.forEachRemaining(line -> { })).isInstanceOf(ExchangeRefusedException.class);
    }
}
