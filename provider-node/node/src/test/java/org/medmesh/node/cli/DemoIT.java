package org.medmesh.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./medmesh demo} as CI runs it: every step must pass, then the chain must verify from the command line. */
class DemoIT {
    @TempDir
    Path dir;

    @Test
    void the_demo_tells_the_whole_ledger_story_and_the_chain_verifies() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = Main.run(List.of("demo", "--data", dir.toString()), print(out), print(out));

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(text).isZero();
        assertThat(text).doesNotContain("FAILED").contains("A revoked grant can never be granted again")
                .contains("The wallet holds a different DID for each hospital")
                .contains("Within a second City Hospital's decision is deny (revoked)")
                .contains("denied, no consent").contains("Before signing, the patient tries the policy")
                .contains("the depression (PSY) stays at City")
                .contains("denied, the consent was revoked").contains("breaks the glass")
                .contains("the emergency highlighted").contains("The patient's page is served by the wallet at")
                .contains("ledger verified");
        assertThat(Main.run(List.of("ledger", "verify", "--data", dir.toString()), print(out), print(out))).isZero();
    }

    private static PrintStream print(ByteArrayOutputStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }
}
