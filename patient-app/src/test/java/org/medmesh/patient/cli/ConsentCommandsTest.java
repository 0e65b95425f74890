package org.medmesh.patient.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medmesh.chaincode.consent.ConsentGrant;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.chaincode.consent.EffectiveStatus;
import org.medmesh.chaincode.consent.Period;
import org.medmesh.chaincode.consent.Provision;
import org.medmesh.chaincode.consent.ProvisionType;
import org.medmesh.chaincode.consent.PurposeOfUse;
import org.medmesh.chaincode.consent.SecurityLabel;
import org.medmesh.chaincode.crypto.Base64Url;
import org.medmesh.chaincode.crypto.CompactJws;
import org.medmesh.chaincode.crypto.Sha256;
import org.medmesh.patient.node.FakeNode;

/** {@code patient consent grant | list | status | revoke | deliver}. */
class ConsentCommandsTest extends WithConsentFixture {


    @Nested
    class Grant {

        @Test
        void grants_and_records_an_active_consent_and_prints_its_id() {
            Cli.Result result = cli.run("consent", "grant", "--node", city.url(), "--to", river.did());

            assertThat(result.status()).isZero();
            ConsentId id = fixture.consents().get(0).consentId();
            assertThat(result.out()).contains("Consent " + id + " granted: active.")
                    .contains("shares all records held by CityHospitalMSP with RiverClinicMSP for treatment");
            assertThat(city.grant(id)).isPresent();
            assertThat(fixture.consent(id).status()).isEqualTo(EffectiveStatus.ACTIVE);
        }

        @Test
        void is_signed_by_the_pairwise_did_at_the_holder_over_the_sent_documents_hash() {
            cli.run("consent", "grant", "--node", city.url(), "--to", river.did());

            ObjectNode body = (ObjectNode) city.requests("POST /relay/consents").get(0).body();
            CompactJws grant = CompactJws.parse(body.get("grant").textValue());
            byte[] document = Base64Url.decode(body.get("document").textValue());
            assertThat(grant.payload().get("patient").textValue()).isEqualTo(fixture.patient().value());
            assertThat(grant.payload().get("consentHash").textValue()).isEqualTo(Sha256.hex(document));
            assertThat(grant.verifiedBy(city.patientKeys(fixture.patient()).orElseThrow().signingKey())).isTrue();
        }

        @Test
        void delivers_to_the_holder_the_exact_document_the_wallet_keeps() {
            ConsentId id = fixture.grant();

            byte[] delivered = city.deliveredDocument(id).orElseThrow();
            assertThat(new String(delivered, StandardCharsets.UTF_8)).isEqualTo(fixture.consent(id).consentJson());
            assertThat(Sha256.hex(delivered)).isEqualTo(city.grant(id).orElseThrow().consentHash());
        }

        @Test
        void withholds_categories_with_one_nested_deny_on_the_ledger() {
            ConsentId id = fixture.grant("--withhold", "psy,HIV");

            Provision provision = city.grant(id).orElseThrow().provision();
            assertThat(provision.provisions()).singleElement().satisfies(deny -> {
                assertThat(deny.type()).isEqualTo(ProvisionType.DENY);
                assertThat(deny.securityLabels()).containsExactly(SecurityLabel.PSY, SecurityLabel.HIV);
            });
        }

        @Test
        void reads_purposes_kinds_of_records_and_dates() {
            ConsentId id = fixture.grant("--purpose", "treat,ETREAT", "--classes", "observation,Condition",
                    "--from", "2026-04-01", "--until", "2026-12-31");

            Provision provision = city.grant(id).orElseThrow().provision();
            assertThat(provision.purposes()).containsExactly(PurposeOfUse.TREAT, PurposeOfUse.ETREAT);
            assertThat(provision.classes()).containsExactly("Observation", "Condition");
            assertThat(provision.period()).isEqualTo(new Period(Instant.parse("2026-04-01T00:00:00Z"),
                    Instant.parse("2026-12-31T23:59:59Z")));
        }

        @Test
        void looks_up_a_grantee_given_by_its_node_address() {
            assertThat(cli.run("consent", "grant", "--node", city.url(), "--to", river.url()).status()).isZero();
            ConsentId id = fixture.consents().get(0).consentId();

            assertThat(river.requests("GET /identity")).hasSize(1);
            assertThat(city.grant(id).orElseThrow().provision().grantees()).containsExactly(river.did());
        }

        @Test
        void refuses_an_unknown_purpose_and_sends_nothing() {
            Cli.Result result = cli.run("consent", "grant", "--node", city.url(), "--to", river.did(), "--purpose",
                    "CURIOSITY");

            assertThat(result.status()).isEqualTo(2);
            assertThat(result.errorLine()).contains("unknown purpose: CURIOSITY").contains("TREAT");
            assertThat(city.requests("POST /relay/consents")).isEmpty();
        }

        @Test
        void refuses_an_unknown_kind_of_record() {
            Cli.Result result = cli.run("consent", "grant", "--node", city.url(), "--to", river.did(), "--classes",
                    "Labs");

            assertThat(result.status()).isEqualTo(2);
            assertThat(result.errorLine()).contains("unknown kind of record: Labs");
        }

        @Test
        void refuses_an_end_in_the_past() {
            Cli.Result result = cli.run("consent", "grant", "--node", city.url(), "--to", river.did(), "--until",
                    "2020-01-01");

            assertThat(result.status()).isEqualTo(2);
            assertThat(result.errorLine()).contains("--until lies in the past");
        }

        @Test
        void refuses_a_holder_where_the_patient_is_not_enrolled() {
            Cli.Result result = cli.run("consent", "grant", "--node", river.url(), "--to", city.did());

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.errorLine()).contains("you are not enrolled at River Clinic");
            assertThat(river.requests("POST /relay/consents")).isEmpty();
        }

        @Test
        void records_nothing_when_the_ledger_refuses() {
            city.script("POST /relay/consents",
                    FakeNode.problem(403, "BAD_SIGNATURE", "JWS signature does not verify"));

            Cli.Result result = cli.run("consent", "grant", "--node", city.url(), "--to", river.did());

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.errorLine())
                    .isEqualTo("error: the ledger refused (BAD_SIGNATURE): JWS signature does not verify");
            assertThat(fixture.consents()).isEmpty();
        }

        @Test
        void asks_the_ledger_when_the_answer_to_the_grant_was_lost() {
            city.script("POST /relay/consents", new FakeNode.HangUp(true));

            Cli.Result result = cli.run("consent", "grant", "--node", city.url(), "--to", river.did());

            assertThat(result.status()).isZero();
            ConsentId id = fixture.consents().get(0).consentId();
            assertThat(city.requests("GET /relay/consents/*")).hasSize(1);
            assertThat(city.grant(id)).isPresent();
        }

        @Test
        void says_nothing_was_granted_when_the_lost_grant_is_not_on_the_ledger() {
            city.script("POST /relay/consents", new FakeNode.HangUp(false));

            Cli.Result result = cli.run("consent", "grant", "--node", city.url(), "--to", river.did());

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.errorLine()).contains("nothing was granted, try again");
            assertThat(fixture.consents()).isEmpty();
        }

        @Test
        void keeps_the_consent_when_delivery_fails_and_says_how_to_send_it_again() {
            city.script("POST /consents/*/document", FakeNode.problem(503, "BUSY", "try later"));

            Cli.Result result = cli.run("consent", "grant", "--node", city.url(), "--to", river.did());

            assertThat(result.status()).isEqualTo(1);
            ConsentId id = fixture.consents().get(0).consentId();
            assertThat(result.errorLine()).contains("consent " + id + " is active on the ledger and kept in the wallet")
                    .contains("`patient consent deliver --id " + id + " --node " + city.url() + "`");
        }
    }

    @Nested
    class ListConsents {

        @Test
        void says_when_there_are_none() {
            assertThat(cli.run("consent", "list").out()).contains("No consents yet");
        }

        @Test
        void lists_each_consent_in_plain_words_with_its_last_seen_status() {
            ConsentId id = fixture.grant("--withhold", "PSY", "--classes", "Observation");

            Cli.Result result = cli.run("consent", "list");

            assertThat(result.out()).contains("Held by CityHospitalMSP:")
                    .contains(id + " active: shares Observation records held by CityHospitalMSP with RiverClinicMSP "
                            + "for treatment, withholding mental health (PSY)")
                    .contains("Statuses are as last seen");
        }

        @Test
        void names_hospitals_by_did_with_details() {
            fixture.grant();

            assertThat(cli.run("consent", "list", "--details").out()).contains(river.did().value());
        }
    }

    @Nested
    class Status {

        @Test
        void records_the_status_the_ledger_reports() {
            ConsentId id = fixture.grant();
            city.revokeElsewhere(id);

            Cli.Result result = cli.run("consent", "status", "--id", id, "--node", city.url());

            assertThat(result.out()).contains("Consent " + id + ": revoked, granted " + Cli.NOW);
            assertThat(fixture.consent(id).status()).isEqualTo(EffectiveStatus.REVOKED);
        }

        @Test
        void reports_a_consent_the_ledger_does_not_know() {
            Cli.Result result = cli.run("consent", "status", "--id", "c-" + "0".repeat(64), "--node", city.url());

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.errorLine()).isEqualTo("error: the ledger refused (NOT_FOUND): no such consent");
        }

        @Test
        void refuses_something_that_is_not_a_consent_id() {
            assertThat(cli.run("consent", "status", "--id", "42", "--node", city.url()).status()).isEqualTo(2);
        }
    }

    @Nested
    class Revoke {

        @Test
        void revokes_with_the_pairwise_dids_signature_and_records_it() {
            ConsentId id = fixture.grant();

            Cli.Result result = cli.run("consent", "revoke", "--id", id, "--node", city.url());

            assertThat(result.status()).isZero();
            assertThat(result.out()).contains("Consent " + id + " is revoked");
            assertThat(city.isRevoked(id)).isTrue();
            ObjectNode payload = CompactJws.parse(city.requests("POST /relay/consents/*/revocation").get(0).body()
                    .get("operation").textValue()).payload();
            assertThat(payload.get("consentId").textValue()).isEqualTo(id.value());
            assertThat(payload.get("patient").textValue()).isEqualTo(fixture.patient().value());
            assertThat(fixture.consent(id).status()).isEqualTo(EffectiveStatus.REVOKED);
        }

        @Test
        void counts_an_already_revoked_consent_as_revoked() {
            ConsentId id = fixture.grant();
            city.revokeElsewhere(id);

            Cli.Result result = cli.run("consent", "revoke", "--id", id, "--node", city.url());

            assertThat(result.status()).isZero();
            assertThat(fixture.consent(id).status()).isEqualTo(EffectiveStatus.REVOKED);
        }

        @Test
        void leaves_the_consent_active_in_the_wallet_when_the_hospital_is_unreachable() {
            ConsentId id = fixture.grant();
            city.close();

            Cli.Result result = cli.run("consent", "revoke", "--id", id, "--node", city.url());

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.errorLine()).startsWith("error: hospital unreachable");
            assertThat(fixture.consent(id).status()).isEqualTo(EffectiveStatus.ACTIVE);
        }
    }

    @Nested
    class Deliver {

        @Test
        void sends_the_kept_document_again() {
            city.script("POST /consents/*/document", FakeNode.problem(503, "BUSY", "try later"));
            cli.run("consent", "grant", "--node", city.url(), "--to", river.did());
            ConsentId id = fixture.consents().get(0).consentId();

            Cli.Result result = cli.run("consent", "deliver", "--id", id, "--node", city.url());

            assertThat(result.status()).isZero();
            assertThat(result.out()).contains("delivered to City Hospital");
            assertThat(city.deliveredDocument(id)).isPresent();
        }
    }

    @Test
    void a_grant_is_readable_back_from_the_wallet() {
        ConsentId id = fixture.grant();

        assertThat(ConsentGrant.parse(fixture.consent(id).grantJws()).provision().grantees())
                .isEqualTo(List.of(river.did()));
    }
}
