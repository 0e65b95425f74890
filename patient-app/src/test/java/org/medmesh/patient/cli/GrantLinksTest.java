package org.medmesh.patient.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.chaincode.consent.EffectiveStatus;
import org.medmesh.patient.node.FakeNode;

/** After {@code consent grant | extend}, each grantee where the patient is enrolled learns their DID at the holder. */
class GrantLinksTest extends WithConsentFixture {


    private FakeNode.Link riverKnowsTheDidAtCity() {
        return new FakeNode.Link(fixture.patientAt(river), city.did(), fixture.patientAt(city));
    }

    @Test
    void links_a_grantee_where_the_patient_is_enrolled() {
        fixture.enrolAtRiver();

        Cli.Result result = cli.run("consent", "grant", "--node", city.url(), "--to", river.did());

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out()).contains("RiverClinicMSP can now ask City Hospital for these records.");
        assertThat(river.links()).containsExactly(riverKnowsTheDidAtCity());
    }

    @Test
    void says_how_to_link_a_grantee_where_the_patient_is_not_enrolled_and_sends_it_nothing() {
        Cli.Result result = cli.run("consent", "grant", "--node", city.url(), "--to", river.did());

        assertThat(result.status()).isZero();
        assertThat(result.out()).contains("RiverClinicMSP can ask City Hospital for these records once you are "
                + "enrolled there: then run `patient link --node URL --holder " + city.url() + "`");
        assertThat(river.requests()).isEmpty();
        assertThat(fixture.knows(river)).isFalse();
    }

    @Test
    void keeps_the_grant_when_the_link_is_refused_and_says_how_to_link_again() {
        fixture.enrolAtRiver();
        river.script("POST /patients/links", FakeNode.problem(503, "BUSY", "try later"));

        Cli.Result result = cli.run("consent", "grant", "--node", city.url(), "--to", river.did());

        assertThat(result.status()).isEqualTo(1);
        ConsentId id = fixture.consents().get(0).consentId();
        assertThat(city.grant(id)).isPresent();
        assertThat(city.deliveredDocument(id)).isPresent();
        assertThat(fixture.consent(id).status()).isEqualTo(EffectiveStatus.ACTIVE);
        assertThat(result.out()).contains("Consent " + id + " granted: active.");
        assertThat(result.errorLine()).startsWith("error: consent " + id + " is active, but RiverClinicMSP was not "
                + "told who you are at City Hospital (the hospital's node failed (HTTP 503 BUSY)")
                .endsWith("run `patient link --node " + river.url() + " --holder " + city.url() + "`");
    }

    @Test
    void the_printed_command_makes_the_link_that_failed() {
        fixture.enrolAtRiver();
        river.script("POST /patients/links", FakeNode.problem(503, "BUSY", "try later"));
        cli.run("consent", "grant", "--node", city.url(), "--to", river.did());

        Cli.Result again = cli.run("link", "--node", river.url(), "--holder", city.url());

        assertThat(again.status()).isZero();
        assertThat(river.links()).containsExactly(riverKnowsTheDidAtCity());
    }

    @Test
    void keeps_the_grant_when_the_grantee_is_unreachable() {
        fixture.enrolAtRiver();
        river.close();

        Cli.Result result = cli.run("consent", "grant", "--node", city.url(), "--to", river.did());

        assertThat(result.status()).isEqualTo(1);
        ConsentId id = fixture.consents().get(0).consentId();
        assertThat(city.grant(id)).isPresent();
        assertThat(result.errorLine()).contains("(hospital unreachable at " + river.url())
                .contains("`patient link --node " + river.url() + " --holder " + city.url() + "`");
    }

    @Test
    void reports_both_an_undelivered_document_and_a_failed_link() {
        fixture.enrolAtRiver();
        city.script("POST /consents/*/document", FakeNode.problem(503, "BUSY", "try later"));
        river.script("POST /patients/links", FakeNode.problem(503, "BUSY", "try later"));

        Cli.Result result = cli.run("consent", "grant", "--node", city.url(), "--to", river.did());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.errorLine()).contains("`patient consent deliver --id ")
                .contains("`patient link --node " + river.url() + " --holder " + city.url() + "`");
    }

    @Test
    void extending_a_consent_links_a_grantee_enrolled_since() {
        ConsentId old = fixture.grant();
        fixture.enrolAtRiver();

        Cli.Result result = cli.run("consent", "extend", "--id", old, "--node", city.url(), "--purpose",
                "TREAT,ETREAT");

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(river.links()).containsExactly(riverKnowsTheDidAtCity());
    }
}
