package org.medmesh.node.adapter.in.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medmesh.node.adapter.in.hl7v2.MllpRead.Broken;
import org.medmesh.node.adapter.in.hl7v2.MllpRead.Closed;
import org.medmesh.node.adapter.in.hl7v2.MllpRead.Fault;
import org.medmesh.node.adapter.in.hl7v2.MllpRead.Frame;

class MllpFrameReaderTest {
    private static final String MESSAGE = "MSH|^~\\&|A|B|C|D|20240101||ADT^A01|1|P|2.5\rPID|1||42^^^H^MR";

    private static MllpFrameReader reader(byte[] bytes, int maxBytes) {
        return new MllpFrameReader(new ByteArrayInputStream(bytes), maxBytes, StandardCharsets.UTF_8);
    }

    private static byte[] framed(String... messages) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String message : messages) {
            MllpFrameReader.write(out, message, StandardCharsets.UTF_8);
        }
        return out.toByteArray();
    }

    @Nested
    class Next {
        @Test
        void reads_a_frame_as_written() throws IOException {
            assertThat(reader(framed(MESSAGE), 1024).next()).isEqualTo(new Frame(MESSAGE));
        }

        @Test
        void reads_frames_one_after_the_other_then_the_close() throws IOException {
            MllpFrameReader reader = reader(framed(MESSAGE, "MSH|second"), 1024);

            assertThat(reader.next()).isEqualTo(new Frame(MESSAGE));
            assertThat(reader.next()).isEqualTo(new Frame("MSH|second"));
            assertThat(reader.next()).isEqualTo(new Closed());
        }

        @Test
        void tolerates_a_line_break_between_frames() throws IOException {
            byte[] one = framed(MESSAGE);
            byte[] bytes = new byte[one.length * 2 + 1];
            System.arraycopy(one, 0, bytes, 0, one.length);
            bytes[one.length] = '\n';
            System.arraycopy(one, 0, bytes, one.length + 1, one.length);
            MllpFrameReader reader = reader(bytes, 1024);

            assertThat(reader.next()).isEqualTo(new Frame(MESSAGE));
            assertThat(reader.next()).isEqualTo(new Frame(MESSAGE));
        }

        @Test
        void decodes_utf8() throws IOException {
            String accented = MESSAGE.replace("42", "Ñúñez");

            assertThat(reader(framed(accented), 1024).next()).isEqualTo(new Frame(accented));
        }

        @Test
        void refuses_data_before_the_start_block() throws IOException {
            assertThat(reader(MESSAGE.getBytes(StandardCharsets.UTF_8), 1024).next())
                    .isEqualTo(new Broken(Fault.OUTSIDE_FRAME));
        }

        @Test
        void refuses_an_end_block_without_its_carriage_return() throws IOException {
            byte[] bytes = framed(MESSAGE);
            bytes[bytes.length - 1] = 'x';

            assertThat(reader(bytes, 1024).next()).isEqualTo(new Broken(Fault.BAD_END));
        }

        @Test
        void refuses_a_frame_one_byte_over_the_limit() throws IOException {
            int size = MESSAGE.getBytes(StandardCharsets.UTF_8).length;

            assertThat(reader(framed(MESSAGE), size).next()).isEqualTo(new Frame(MESSAGE));
            assertThat(reader(framed(MESSAGE), size - 1).next()).isEqualTo(new Broken(Fault.TOO_LARGE));
        }

        @Test
        void reports_a_frame_cut_off_by_the_close() throws IOException {
            byte[] bytes = framed(MESSAGE);
            byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 2);

            assertThat(reader(cut, 1024).next()).isEqualTo(new Broken(Fault.CUT_OFF));
        }

        @Test
        void reports_an_empty_stream_as_closed() throws IOException {
            assertThat(reader(new byte[0], 1024).next()).isEqualTo(new Closed());
        }
    }
}
