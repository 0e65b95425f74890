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
import org.medmesh.chaincode.consent.PurposeOfUse;
import org.medmesh.chaincode.consent.SecurityLabel;
import org.medmesh.patient.wallet.SignedConsent;

/** {@code patient consent extend --id ID --node URL [choices]}. */
class ExtendCommandTest {

    @TempDir
    Path home;

    private ConsentFixture fixture;
    private ConsentId old;

    @BeforeEach
    void grantANarrowConsent() {
        fixture = new ConsentFixture(home);
        old = fixture.grant("--purpose", "TREAT", "--withhold", "PSY,HIV");
    }

    @AfterEach
    void stopNodes() {
        fixture.close();
    }

    private Cli.Result extend(Object... options) {
        Object[] args = new Object[6 + options.length];
        Object[] base = {"consent", "extend", "--id", old, "--node", fixture.city.url()};
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(options, 0, args, base.length, options.length);
        return fixture.cli.run(args);
    }

    private ConsentId newest() {
        List<ConsentId> others = fixture.consents().stream().map(SignedConsent::consentId)
                .filter(id -> !id.equals(old)).toList();
        assertThat(others).hasSize(1);
        return others.get(0);
    }

    @Test
    void grants_the_wider_consent_first_then_revokes_the_old_one() {
        Cli.Result result = extend("--purpose", "TREAT,ETREAT", "--withhold", "PSY");

        assertThat(result.status()).as(result.err()).isZero();
        ConsentId wider = newest();
        assertThat(result.out().indexOf("Granted the wider consent " + wider))
                .isLessThan(result.out().indexOf("Revoked the old consent " + old)).isNotNegative();
        assertThat(fixture.consent(old).status()).isEqualTo(EffectiveStatus.REVOKED);
        assertThat(fixture.consent(wider).status()).isEqualTo(EffectiveStatus.ACTIVE);
        Provision provision = fixture.city.grant(wider).orElseThrow().provision();
        assertThat(provision.purposes()).containsExactlyInAnyOrder(PurposeOfUse.TREAT, PurposeOfUse.ETREAT);
        assertThat(provision.provisions().get(0).securityLabels()).containsExactly(SecurityLabel.PSY);
    }

    @Test
    void refuses_choices_that_take_something_away_and_changes_nothing() {
        Cli.Result result = extend("--withhold", "PSY,HIV,SUD");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("extending only adds");
        assertThat(fixture.consents()).hasSize(1);
        assertThat(fixture.city.isRevoked(old)).isFalse();
    }
}
