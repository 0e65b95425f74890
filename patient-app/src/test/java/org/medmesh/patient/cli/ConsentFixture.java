package org.medmesh.patient.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.node.FakeNode;
import org.medmesh.patient.wallet.SignedConsent;
import org.medmesh.patient.wallet.Wallet;

/** A wallet enrolled at City Hospital (the holder) with River Clinic as a possible grantee. */
final class ConsentFixture implements AutoCloseable {

    final Cli cli;
    final FakeNode city = FakeNode.start("CityHospitalMSP", "City Hospital", Cli.NOW);
    final FakeNode river = FakeNode.start("RiverClinicMSP", "River Clinic", Cli.NOW);

    ConsentFixture(Path home) {
        cli = new Cli(home);
        assertThat(cli.run("create").status()).isZero();
        city.issueChallenge("C1");
        assertThat(cli.run("enrol", "--node", city.url(), "--challenge", "C1").status()).isZero();
    }

    /** Grants with the given extra options and returns the new consent's id. */
    ConsentId grant(Object... options) {
        Object[] args = new Object[6 + options.length];
        Object[] base = {"consent", "grant", "--node", city.url(), "--to", river.did()};
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(options, 0, args, base.length, options.length);
        Cli.Result result = cli.run(args);
        assertThat(result.status()).as(result.err()).isZero();
        List<SignedConsent> consents = consents();
        return consents.get(consents.size() - 1).consentId();
    }

    List<SignedConsent> consents() {
        try (Wallet wallet = cli.openWallet()) {
            return wallet.consents(city.did());
        }
    }

    SignedConsent consent(ConsentId id) {
        return consents().stream().filter(c -> c.consentId().equals(id)).findFirst().orElseThrow();
    }

    Did patient() {
        try (Wallet wallet = cli.openWallet()) {
            return wallet.identityFor(city.did()).did();
        }
    }

    @Override
    public void close() {
        city.close();
        river.close();
    }
}
