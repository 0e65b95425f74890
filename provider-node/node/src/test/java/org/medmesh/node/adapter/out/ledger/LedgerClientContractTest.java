package org.medmesh.node.adapter.out.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medmesh.chaincode.consent.Period;
import org.medmesh.chaincode.consent.Provision;
import org.medmesh.chaincode.consent.ProvisionType;
import org.medmesh.chaincode.consent.PurposeOfUse;
import org.medmesh.chaincode.consent.SecurityLabel;
import org.medmesh.chaincode.crypto.Base64Url;
import org.medmesh.node.application.port.LedgerClient;
import org.medmesh.node.application.port.LedgerClientException;
import org.medmesh.node.application.port.LedgerErrorCode;
import org.medmesh.node.domain.ledger.AccessDecision;
import org.medmesh.node.domain.ledger.AccessEvent;
import org.medmesh.node.domain.ledger.AuditAnchor;
import org.medmesh.node.domain.ledger.BreakGlass;
import org.medmesh.consent.ledger.Consent;
import org.medmesh.consent.ledger.ConsentStatus;
import org.medmesh.consent.ledger.Did;
import org.medmesh.node.domain.ledger.DidDocument;
import org.medmesh.node.domain.ledger.EventCheckpoint;
import org.medmesh.node.domain.ledger.LedgerEvent;
import org.medmesh.node.domain.ledger.OrganizationRegistration;
import org.medmesh.node.domain.ledger.Page;
import org.medmesh.node.domain.ledger.PageRequest;
import org.medmesh.node.domain.ledger.SignedOperation;
import org.medmesh.node.domain.ledger.TimeRange;
import org.medmesh.patient.wallet.PatientIdentity;

/**
 * What every {@link LedgerClient} must do, whatever ledger it talks to. Ids are fresh per run (new patient DIDs,
 * random event ids), so the suite also runs against a ledger that is never reset. Subclasses provide two clients
 * of two organisations on the same ledger: the holder (hospital A) and the requester (hospital B).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LedgerClientContractTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The holder organisation's client. */
    protected abstract LedgerClient holder();

    /** The requesting organisation's client, on the same ledger. */
    protected abstract LedgerClient requester();

    @BeforeAll
    protected void registerBothOrganizations() {
        registerIfAbsent(holder(), "http://127.0.0.1:18081");
        registerIfAbsent(requester(), "http://127.0.0.1:18082");
    }

    @Nested
    class Organizations {
        @Test
        void resolves_a_registered_organization_with_its_endpoint_and_keys() {
            DidDocument document = requester().resolve(holder().organization()).orElseThrow();

            assertThat(document.serviceEndpoint()).isPresent();
            assertThat(document.signingKey()).hasSize(43);
            assertThat(document.agreementKey()).hasSize(43);
            assertThat(document.json()).contains("\"id\":\"" + holder().organization().value() + "\"");
        }

        @Test
        void refuses_to_register_a_did_in_another_organizations_name() {
            OrganizationRegistration foreign = registration(mspOf(holder()), "http://attacker.invalid");

            assertRefused(() -> requester().registerOrganization(foreign), LedgerErrorCode.WRONG_ORGANIZATION);
            assertThat(requester().resolve(holder().organization()).orElseThrow().serviceEndpoint())
                    .isNotEqualTo(java.util.Optional.of("http://attacker.invalid"));
        }

        @Test
        void resolves_an_unknown_did_to_nothing() {
            assertThat(holder().resolve(Did.forOrganization("NoSuchMSP"))).isEmpty();
        }
    }

    @Nested
    class Patients {
        @Test
        void registers_a_self_signed_patient_did() {
            PatientIdentity patient = PatientIdentity.create(RANDOM);

            holder().registerPatient(new SignedOperation(patient.signedCreate()));

            DidDocument document = requester().resolve(did(patient)).orElseThrow();
            assertThat(document.version()).isEqualTo(1);
            assertThat(document.signingKey()).isEqualTo(patient.publicKeys().signingKey().encoded());
        }

        @Test
        void refuses_a_second_registration_of_the_same_did() {
            PatientIdentity patient = registeredPatient();

            assertRefused(() -> requester().registerPatient(new SignedOperation(patient.signedCreate())),
                    LedgerErrorCode.DUPLICATE);
        }

        @Test
        void rotates_keys_and_keeps_the_recovery_key() {
            PatientIdentity patient = registeredPatient();
            PatientIdentity.Rotation rotation = patient.rotate(RANDOM, false);

            holder().rotatePatientKeys(new SignedOperation(rotation.signedOperation()));

            DidDocument document = holder().resolve(did(patient)).orElseThrow();
            assertThat(document.version()).isEqualTo(2);
            assertThat(document.signingKey()).isEqualTo(rotation.next().publicKeys().signingKey().encoded());
            assertThat(document.json()).contains(patient.publicKeys().recoveryKey().encoded());
        }

        @Test
        void refuses_a_replayed_rotation_signed_by_the_retired_key() {
            PatientIdentity patient = registeredPatient();
            PatientIdentity.Rotation rotation = patient.rotate(RANDOM, false);
            holder().rotatePatientKeys(new SignedOperation(rotation.signedOperation()));

            assertRefused(() -> holder().rotatePatientKeys(new SignedOperation(rotation.signedOperation())),
                    LedgerErrorCode.BAD_SIGNATURE);
        }

        @Test
        void refuses_an_operation_made_for_an_earlier_version() {
            PatientIdentity patient = registeredPatient();
            holder().rotatePatientKeys(new SignedOperation(patient.rotate(RANDOM, false).signedOperation()));
            PatientIdentity.Rotation stale = patient.rotate(RANDOM, true);

            assertRefused(() -> holder().rotatePatientKeys(new SignedOperation(stale.signedOperation())),
                    LedgerErrorCode.STALE_VERSION);
            assertThat(holder().resolve(did(patient)).orElseThrow().version()).isEqualTo(2);
        }

        @Test
        void deactivation_makes_the_patients_consents_inactive() {
            PatientIdentity patient = registeredPatient();
            Consent consent = holder().grantConsent(new SignedOperation(grant(patient)));

            holder().deactivatePatient(new SignedOperation(patient.signedDeactivate()));

            assertThat(holder().resolve(did(patient)).orElseThrow().deactivated()).isTrue();
            assertThat(holder().readConsent(consent.id()).orElseThrow().status()).isEqualTo(ConsentStatus.INACTIVE);
        }
    }

    @Nested
    class Consents {
        @Test
        void commits_a_signed_grant_as_an_active_consent() {
            PatientIdentity patient = registeredPatient();

            Consent consent = holder().grantConsent(new SignedOperation(grant(patient)));

            assertThat(consent.status()).isEqualTo(ConsentStatus.ACTIVE);
            assertThat(consent.patient()).isEqualTo(did(patient));
            assertThat(consent.provision().grantees()).containsExactly(requester().organization());
            assertThat(consent.provision().exceptions()).singleElement()
                    .satisfies(e -> assertThat(e.securityLabels()).containsExactly("PSY"));
            assertThat(requester().readConsent(consent.id())).contains(consent);
        }

        @Test
        void refuses_a_grant_a_relaying_node_altered() {
            PatientIdentity patient = registeredPatient();
            String signed = grant(patient);
            String[] parts = signed.split("\\.");
            String other = grant(patient).split("\\.")[1];

            assertRefused(() -> holder().grantConsent(new SignedOperation(parts[0] + "." + other + "." + parts[2])),
                    LedgerErrorCode.BAD_SIGNATURE);
        }

        @Test
        void refuses_a_grant_for_an_unregistered_patient() {
            PatientIdentity stranger = PatientIdentity.create(RANDOM);

            assertRefused(() -> holder().grantConsent(new SignedOperation(grant(stranger))),
                    LedgerErrorCode.UNKNOWN_DID);
        }

        @Test
        void lists_consents_by_patient_and_by_grantee_in_pages() {
            PatientIdentity patient = registeredPatient();
            Consent first = holder().grantConsent(new SignedOperation(grant(patient)));
            Consent second = holder().grantConsent(new SignedOperation(grant(patient)));

            Page<Consent> page1 = requester().consentsByPatient(did(patient), PageRequest.first(1));
            Page<Consent> page2 = requester().consentsByPatient(did(patient), PageRequest.first(1).next(page1));

            assertThat(page1.hasMore()).isTrue();
            assertThat(List.of(page1.items().get(0).id(), page2.items().get(0).id()))
                    .containsExactlyInAnyOrder(first.id(), second.id());
            assertThat(allByGrantee()).contains(first.id().value(), second.id().value());
        }

        @Test
        void revocation_is_final() {
            PatientIdentity patient = registeredPatient();
            String signedGrant = grant(patient);
            Consent consent = holder().grantConsent(new SignedOperation(signedGrant));

            Consent revoked = holder().revokeConsent(new SignedOperation(
                    patient.signedRevoke(consent.id().value(), Instant.now())));

            assertThat(revoked.status()).isEqualTo(ConsentStatus.REVOKED);
            assertThat(revoked.revokedAt()).isNotNull();
            assertRefused(() -> holder().grantConsent(new SignedOperation(signedGrant)), LedgerErrorCode.REVOKED);
            assertRefused(() -> holder().revokeConsent(new SignedOperation(
                    patient.signedRevoke(consent.id().value(), Instant.now()))), LedgerErrorCode.REVOKED);
        }

        @Test
        void refuses_a_revocation_signed_by_another_patient() {
            PatientIdentity patient = registeredPatient();
            PatientIdentity other = registeredPatient();
            Consent consent = holder().grantConsent(new SignedOperation(grant(patient)));

            assertThatThrownBy(() -> holder().revokeConsent(new SignedOperation(
                    other.signedRevoke(consent.id().value(), Instant.now())))).isInstanceOf(LedgerClientException.class);
            assertThat(holder().readConsent(consent.id()).orElseThrow().status()).isEqualTo(ConsentStatus.ACTIVE);
        }

        private List<String> allByGrantee() {
            List<String> ids = new java.util.ArrayList<>();
            PageRequest request = PageRequest.first(PageRequest.MAX_SIZE);
            Page<Consent> page;
            do {
                page = requester().consentsByGrantee(requester().organization(), request);
                page.items().forEach(c -> ids.add(c.id().value()));
                request = request.next(page);
            } while (page.hasMore());
            return ids;
        }
    }

    @Nested
    class AccessLog {
        @Test
        void records_a_permit_under_an_active_consent_and_finds_it_by_patient_requester_and_holder() {
            PatientIdentity patient = registeredPatient();
            Consent consent = holder().grantConsent(new SignedOperation(grant(patient)));
            AccessEvent permit = permit(patient, consent);

            holder().recordAccess(permit);

            TimeRange lastHour = new TimeRange(Instant.now().minus(Duration.ofHours(1)),
                    Instant.now().plus(Duration.ofHours(1)));
            AccessEvent recorded = holder().accessByPatient(did(patient), lastHour, PageRequest.first(10)).items()
                    .get(0);
            assertThat(recorded.eventId()).isEqualTo(permit.eventId());
            assertThat(recorded.decision()).isEqualTo(AccessDecision.PERMIT);
            assertThat(recorded.claimedTime()).isNotNull();
            assertThat(recorded.txId()).isNotBlank();
            assertThat(eventIds(requester().accessByRequester(requester().organization(), lastHour,
                    PageRequest.first(100)))).contains(permit.eventId());
            assertThat(eventIds(holder().accessByHolder(holder().organization(), lastHour,
                    PageRequest.first(100)))).contains(permit.eventId());
        }

        @Test
        void refuses_a_permit_once_the_consent_is_revoked() {
            PatientIdentity patient = registeredPatient();
            Consent consent = holder().grantConsent(new SignedOperation(grant(patient)));
            holder().revokeConsent(new SignedOperation(patient.signedRevoke(consent.id().value(), Instant.now())));

            assertRefused(() -> holder().recordAccess(permit(patient, consent)), LedgerErrorCode.REVOKED);
            assertThat(holder().accessByPatient(did(patient), TimeRange.all(), PageRequest.first(10)).items())
                    .isEmpty();
        }

        @Test
        void refuses_an_event_written_by_an_organization_other_than_the_holder() {
            PatientIdentity patient = registeredPatient();
            Consent consent = holder().grantConsent(new SignedOperation(grant(patient)));

            assertRefused(() -> requester().recordAccess(permit(patient, consent)),
                    LedgerErrorCode.WRONG_ORGANIZATION);
        }

        @Test
        void records_a_deny_with_its_coarse_reason() {
            PatientIdentity patient = registeredPatient();

            holder().recordAccess(AccessEvent.deny(UUID.randomUUID().toString(), requester().organization(),
                    holder().organization(), did(patient), "TREAT", "NO_CONSENT"));

            AccessEvent recorded = holder().accessByPatient(did(patient), TimeRange.all(), PageRequest.first(10))
                    .items().get(0);
            assertThat(recorded.decision()).isEqualTo(AccessDecision.DENY);
            assertThat(recorded.denyReason()).isEqualTo("NO_CONSENT");
            assertThat(recorded.count()).isZero();
        }

        @Test
        void records_a_break_glass_release_with_its_reason_code() {
            PatientIdentity patient = registeredPatient();

            holder().recordAccess(AccessEvent.breakGlass(UUID.randomUUID().toString(), requester().organization(),
                    holder().organization(), did(patient), new BreakGlass("UNCONSCIOUS", sha256("reason")), 4,
                    sha256("bundle")));

            AccessEvent recorded = holder().accessByPatient(did(patient), TimeRange.all(), PageRequest.first(10))
                    .items().get(0);
            assertThat(recorded.breakGlass().reasonCode()).isEqualTo("UNCONSCIOUS");
            assertThat(recorded.purpose()).isEqualTo("ETREAT");
        }

        @Test
        void refuses_a_duplicate_event_id() {
            PatientIdentity patient = registeredPatient();
            Consent consent = holder().grantConsent(new SignedOperation(grant(patient)));
            AccessEvent permit = permit(patient, consent);
            holder().recordAccess(permit);

            assertRefused(() -> holder().recordAccess(permit), LedgerErrorCode.DUPLICATE);
        }

        @Test
        void anchors_an_audit_batch_once() {
            AuditAnchor anchor = new AuditAnchor(holder().organization(), UUID.randomUUID().toString(),
                    sha256("merkle"), 42, Instant.now().minus(Duration.ofHours(1)), Instant.now());

            holder().anchorAuditBatch(anchor);

            assertThat(requester().readAnchor(holder().organization(), anchor.batchId())).contains(anchor);
            assertRefused(() -> holder().anchorAuditBatch(anchor), LedgerErrorCode.DUPLICATE);
        }

        private List<String> eventIds(Page<AccessEvent> page) {
            return page.items().stream().map(AccessEvent::eventId).toList();
        }
    }

    @Nested
    class Events {
        @Test
        void delivers_the_grant_event_to_a_subscriber() {
            PatientIdentity patient = registeredPatient();
            List<LedgerEvent> events = new CopyOnWriteArrayList<>();
            try (LedgerClient.Subscription ignored = requester().subscribe(
                    EventCheckpoint.fromBlock(requester().height()), events::add)) {
                Consent consent = holder().grantConsent(new SignedOperation(grant(patient)));

                awaitEvents(events, e -> e.payloadJson().contains(consent.id().value()), 1);
                assertThat(events).filteredOn(e -> e.payloadJson().contains(consent.id().value()))
                        .singleElement().satisfies(e -> assertThat(e.name()).isEqualTo("ConsentGranted"));
            }
        }

        @Test
        void a_restarted_subscriber_resumes_after_its_checkpoint_missing_nothing_and_repeating_nothing() {
            PatientIdentity first = PatientIdentity.create(RANDOM);
            PatientIdentity second = PatientIdentity.create(RANDOM);
            java.util.function.Predicate<LedgerEvent> ours = e -> e.payloadJson().contains(first.did().value())
                    || e.payloadJson().contains(second.did().value());
            List<LedgerEvent> applied = new CopyOnWriteArrayList<>();
            java.util.concurrent.atomic.AtomicReference<EventCheckpoint> stored = new java.util.concurrent.atomic
                    .AtomicReference<>(EventCheckpoint.fromBlock(requester().height()));
            java.util.function.Consumer<LedgerEvent> handler = e -> {
                if (ours.test(e)) {
                    applied.add(e);
                }
                stored.set(EventCheckpoint.after(e));
            };

            try (LedgerClient.Subscription running = requester().subscribe(stored.get(), handler)) {
                holder().registerPatient(new SignedOperation(first.signedCreate()));
                holder().grantConsent(new SignedOperation(grant(first)));
                awaitEvents(applied, ours, 2);
            }
            holder().registerPatient(new SignedOperation(second.signedCreate()));
            holder().grantConsent(new SignedOperation(grant(second)));
            try (LedgerClient.Subscription restarted = requester().subscribe(stored.get(), handler)) {
                awaitEvents(applied, ours, 4);
            }

            assertThat(applied).hasSize(4);
            assertThat(applied).extracting(LedgerEvent::txId).doesNotHaveDuplicates();
        }

        private void awaitEvents(List<LedgerEvent> events, java.util.function.Predicate<LedgerEvent> match,
                int count) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (events.stream().filter(match).count() < count && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    protected PatientIdentity registeredPatient() {
        PatientIdentity patient = PatientIdentity.create(RANDOM);
        holder().registerPatient(new SignedOperation(patient.signedCreate()));
        return patient;
    }

    /** A fresh grant (unique issuedAt) letting the requester see the holder's labs for treatment, PSY withheld. */
    protected String grant(PatientIdentity patient) {
        Provision withhold = new Provision(ProvisionType.DENY, null, List.of(), List.of(), List.of(), List.of(),
                List.of(SecurityLabel.PSY), List.of());
        Instant now = Instant.now();
        Provision provision = new Provision(ProvisionType.PERMIT,
                new Period(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))),
                List.of(chaincodeDid(requester())), List.of(chaincodeDid(holder())), List.of(PurposeOfUse.TREAT),
                List.of("Observation", "Condition"), List.of(), List.of(withhold));
        return patient.signedGrant(provision, sha256(UUID.randomUUID().toString()),
                now.plusNanos(RANDOM.nextInt(1_000_000)));
    }

    private AccessEvent permit(PatientIdentity patient, Consent consent) {
        return AccessEvent.permit(UUID.randomUUID().toString(), requester().organization(), holder().organization(),
                did(patient), consent.id(), "TREAT", 3, sha256("released"));
    }

    private static Did did(PatientIdentity patient) {
        return Did.parse(patient.did().value());
    }

    private static org.medmesh.chaincode.identity.Did chaincodeDid(LedgerClient client) {
        return org.medmesh.chaincode.identity.Did.parse(client.organization().value());
    }

    private static String mspOf(LedgerClient client) {
        return client.organization().value().substring("did:medmesh:org:".length());
    }

    private static void registerIfAbsent(LedgerClient client, String endpoint) {
        try {
            client.registerOrganization(registration(mspOf(client), endpoint));
        } catch (LedgerClientException e) {
            if (e.code() != LedgerErrorCode.DUPLICATE) {
                throw e;
            }
        }
    }

    private static OrganizationRegistration registration(String mspId, String endpoint) {
        return new OrganizationRegistration(mspId,
                Base64Url.encode(new Ed25519PrivateKeyParameters(RANDOM).generatePublicKey().getEncoded()),
                Base64Url.encode(new X25519PrivateKeyParameters(RANDOM).generatePublicKey().getEncoded()),
                URI.create(endpoint));
    }

    private static void assertRefused(Runnable action, LedgerErrorCode code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(LedgerClientException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    protected static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
