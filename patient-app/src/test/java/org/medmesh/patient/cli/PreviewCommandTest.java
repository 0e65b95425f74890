package org.medmesh.patient.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.medmesh.patient.node.FakeNode;
import org.medmesh.patient.node.FhirBundles;

/** {@code patient consent preview}: try my policy on what City keeps, nothing signed or sent. */
class PreviewCommandTest extends WithConsentFixture {

    @Test
    void says_which_records_river_would_receive_and_why_the_rest_stays() {
        city.holdRecords(fixture.patient(), new FhirBundles().add("Patient", 1).add("Observation", 3)
                .labelled("Condition", 1, "PSY").received("Observation", 2, org.medmesh.chaincode.identity.Did
                        .forOrganization("StMarysMSP")).bytes());

        Cli.Result result = cli.run("consent", "preview", "--node", city.url(), "--to", river.url(), "--withhold",
                "PSY");

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out()).contains("tried on the 7 records CityHospitalMSP keeps about you today")
                .contains("RiverClinicMSP, for treatment: would receive 4 records:")
                .contains("3 observations (test results, vital signs)")
                .contains("not shared: 1 record marked mental health (kept private)")
                .contains("not shared: 2 records CityHospitalMSP received from other hospitals (never passed on)")
                .contains("Nothing was signed or sent");
        assertThat(city.requests("POST /relay/consents")).isEmpty();
        assertThat(cli.run("consent", "list").out()).contains("No consents yet");
    }

    @Test
    void a_hospital_that_cannot_show_the_records_leaves_nothing_to_try_and_says_so() {
        city.script("GET /patients/records", FakeNode.problem(503, "UNAVAILABLE", "the store is down"));

        Cli.Result result = cli.run("consent", "preview", "--node", city.url(), "--to", river.url());

        assertThat(result.status()).isNotZero();
        assertThat(result.err()).contains("could not be read from City Hospital");
        assertThat(city.requests("POST /relay/consents")).isEmpty();
    }
}
