package org.medmesh.patient.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.node.FakeNode;
import org.medmesh.patient.wallet.SignedConsent;
import org.medmesh.patient.wallet.Wallet;

/** A wallet enrolled at City Hospital (the holder) with River Clinic, on the same ledger, as a possible grantee. */
final class ConsentFixture implements AutoCloseable {

    final Cli cli;
    final FakeNode city = FakeNode.start("CityHospitalMSP", "City Hospital", Cli.NOW);
    final FakeNode river = city.peer("RiverClinicMSP", "River Clinic");

    ConsentFixture(Path home) {
        cli = new Cli(home);
        assertThat(cli.run("create").status()).isZero();
        city.issueChallenge("C1");
        assertThat(cli.run("enrol", "--node", city.url(), "--challenge", "C1").status()).isZero();
    }

    /** Enrols the wallet at River Clinic too. */
    void enrolAtRiver() {
        river.issueChallenge("R1");
        Cli.Result result = cli.run("enrol", "--node", river.url(), "--challenge", "R1");
        assertThat(result.status()).as(result.err()).isZero();
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

    /** The patient's DID at City Hospital. */
    Did patient() {
        return patientAt(city);
    }

    /** The patient's DID at a hospital the wallet already holds an identity for. */
    Did patientAt(FakeNode hospital) {
        try (Wallet wallet = cli.openWallet()) {
            assertThat(wallet.hospitals()).contains(hospital.did());
            return wallet.identityFor(hospital.did()).did();
        }
    }

    boolean knows(FakeNode hospital) {
        try (Wallet wallet = cli.openWallet()) {
            return wallet.hospitals().contains(hospital.did());
        }
    }

    @Override
    public void close() {
        city.close();
        river.close();
    }
}
