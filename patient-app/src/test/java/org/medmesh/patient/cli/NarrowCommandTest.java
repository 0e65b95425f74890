package org.medmesh.patient.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.chaincode.consent.EffectiveStatus;
import org.medmesh.chaincode.consent.Provision;
import org.medmesh.chaincode.consent.SecurityLabel;
import org.medmesh.patient.node.FakeNode;
import org.medmesh.patient.wallet.SignedConsent;

/** {@code patient consent narrow --id ID --node URL [choices]}. */
class NarrowCommandTest {

    @TempDir
    Path home;

    private ConsentFixture fixture;
    private ConsentId old;

    @BeforeEach
    void grantABroadConsent() {
        fixture = new ConsentFixture(home);
        old = fixture.grant("--purpose", "TREAT,ETREAT");
    }

    @AfterEach
    void stopNodes() {
        fixture.close();
    }

    private Cli.Result narrow(Object... options) {
        Object[] args = new Object[6 + options.length];
        Object[] base = {"consent", "narrow", "--id", old, "--node", fixture.city.url()};
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(options, 0, args, base.length, options.length);
        return fixture.cli.run(args);
    }

    /** The consent the narrowing granted (the wallet keeps no order: a status update moves a consent last). */
    private ConsentId newest() {
        List<ConsentId> others = fixture.consents().stream().map(SignedConsent::consentId)
                .filter(id -> !id.equals(old)).toList();
        assertThat(others).hasSize(1);
        return others.get(0);
    }

    @Test
    void grants_the_narrower_consent_first_then_revokes_the_old_one() {
        Cli.Result result = narrow("--withhold", "PSY");

        assertThat(result.status()).isZero();
        ConsentId narrower = newest();
        assertThat(result.out().indexOf("Granted the narrower consent " + narrower))
                .isLessThan(result.out().indexOf("Revoked the old consent " + old)).isNotNegative();
        assertThat(fixture.city.isRevoked(old)).isTrue();
        assertThat(fixture.city.isRevoked(narrower)).isFalse();
        assertThat(fixture.consent(old).status()).isEqualTo(EffectiveStatus.REVOKED);
        assertThat(fixture.consent(narrower).status()).isEqualTo(EffectiveStatus.ACTIVE);
    }

    @Test
    void keeps_what_is_not_narrowed_from_the_old_consent() {
        narrow("--withhold", "PSY");

        Provision provision = fixture.city.grant(newest()).orElseThrow().provision();
        Provision previous = fixture.city.grant(old).orElseThrow().provision();
        assertThat(provision.grantees()).isEqualTo(previous.grantees());
        assertThat(provision.purposes()).isEqualTo(previous.purposes());
        assertThat(provision.provisions().get(0).securityLabels()).containsExactly(SecurityLabel.PSY);
    }

    @Test
    void keeps_the_new_consent_and_says_so_when_the_revocation_fails() {
        fixture.city.script("POST /relay/consents/*/revocation", FakeNode.problem(503, "BUSY", "try later"));

        Cli.Result result = narrow("--purpose", "TREAT");

        assertThat(result.status()).isEqualTo(1);
        ConsentId narrower = newest();
        assertThat(result.errorLine()).contains("the new consent " + narrower + " is active")
                .contains("revoking the old consent " + old + " failed")
                .contains("`patient consent revoke --id " + old + " --node " + fixture.city.url() + "`");
        assertThat(fixture.consent(old).status()).isEqualTo(EffectiveStatus.ACTIVE);
        assertThat(fixture.consent(narrower).status()).isEqualTo(EffectiveStatus.ACTIVE);
    }

    @Test
    void refuses_choices_that_would_share_more_and_sends_nothing() {
        int grantsBefore = fixture.city.requests("POST /relay/consents").size();

        Cli.Result result = narrow("--purpose", "TREAT,HRESCH");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.errorLine()).contains("would share more purposes than consent " + old);
        assertThat(fixture.city.requests("POST /relay/consents")).hasSize(grantsBefore);
    }

    @Test
    void refuses_choices_that_change_nothing() {
        Cli.Result result = narrow();

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.errorLine()).contains("these choices are those of consent " + old);
    }

    @Test
    void refuses_a_consent_the_wallet_does_not_hold() {
        old = ConsentId.parse("c-" + "1".repeat(64));

        assertThat(narrow("--withhold", "PSY").errorLine()).contains("the wallet holds no consent " + old);
    }
}
