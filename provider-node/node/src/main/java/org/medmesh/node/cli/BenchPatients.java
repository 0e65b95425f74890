package org.medmesh.node.cli;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.medmesh.chaincode.consent.Period;
import org.medmesh.chaincode.consent.Provision;
import org.medmesh.chaincode.consent.ProvisionType;
import org.medmesh.chaincode.consent.PurposeOfUse;
import org.medmesh.chaincode.crypto.Base64Url;
import org.medmesh.chaincode.crypto.Sha256;
import org.medmesh.node.application.port.LedgerClient;
import org.medmesh.node.application.port.LedgerClientException;
import org.medmesh.node.application.port.LedgerErrorCode;
import org.medmesh.consent.ledger.Did;
import org.medmesh.node.domain.ledger.OrganizationRegistration;
import org.medmesh.node.domain.ledger.SignedOperation;
import org.medmesh.patient.wallet.PatientIdentity;

/**
 * The benchmarks' synthetic patients (fresh keys on every run, so their grants are new even on a ledger that is
 * never reset) and the grants their wallets sign: the holder organisation may release to the grantee for
 * treatment.
 */
final class BenchPatients {
    private final String holder;
    private final String grantee;
    private final List<PatientIdentity> patients = new ArrayList<>();
    private final List<Did> dids = new ArrayList<>();
    private final Instant start = Instant.now();
    private final Provision provision;

    BenchPatients(int count, String holder, String grantee, SecureRandom random) {
        this.holder = holder;
        this.grantee = grantee;
        this.provision = holderToGranteeForTreatment(holder, grantee, start);
        for (int i = 0; i < count; i++) {
            PatientIdentity patient = PatientIdentity.create(random);
            patients.add(patient);
            dids.add(Did.parse(patient.did().value()));
        }
    }

    /** The MSP id of the organisation holding the records. */
    String holder() {
        return holder;
    }

    /** The MSP id of the organisation the grants permit to receive them. */
    String grantee() {
        return grantee;
    }

    /** Registers every patient's DID from {@code threads} threads, patient {@code i} relayed by {@code relay(i)}. */
    void register(int threads, IntFunction<LedgerClient> relay) {
        BenchLoad.Outcome outcome = BenchLoad.run(patients.size(), threads,
                i -> relay.apply(i).registerPatient(new SignedOperation(patients.get(i).signedCreate())));
        if (outcome.failed() > 0) {
            throw new IllegalStateException(outcome.failed() + " patient registrations failed; first: "
                    + outcome.firstFailure());
        }
    }

    /**
     * Grant number {@code index} (unique across the run: its issuedAt and consent hash derive from it), signed
     * by patient {@code index mod patients}.
     */
    String signedGrant(int index) {
        PatientIdentity patient = patients.get(index % patients.size());
        return patient.signedGrant(provision, sha256("bench consent " + index), start.plusNanos(index * 1_000L));
    }

    /** The revocation of {@code consentId}, signed by the patient who signed grant {@code index}. */
    String signedRevoke(int index, String consentId) {
        return patients.get(index % patients.size()).signedRevoke(consentId, Instant.now());
    }

    /** Grants {@code 0} to {@code count - 1}: what the wallets sign before any timing starts. */
    List<String> signedGrants(int count) {
        return IntStream.range(0, count).mapToObj(this::signedGrant).toList();
    }

    /** The patient who signed grant {@code index}. */
    Did patientOf(int index) {
        return dids.get(index % dids.size());
    }

    /**
     * Registers {@code client}'s organisation {@code mspId} with fresh keys; a ledger that already knows it (a
     * Fabric network is never reset between runs) refuses with DUPLICATE, which is as good.
     */
    static void registerOrganization(LedgerClient client, String mspId, String endpoint, SecureRandom random) {
        String signing = Base64Url.encode(new Ed25519PrivateKeyParameters(random).generatePublicKey().getEncoded());
        String agreement = Base64Url.encode(new X25519PrivateKeyParameters(random).generatePublicKey().getEncoded());
        try {
            client.registerOrganization(new OrganizationRegistration(mspId, signing, agreement,
                    URI.create(endpoint)));
        } catch (LedgerClientException e) {
            if (e.code() != LedgerErrorCode.DUPLICATE) {
                throw e;
            }
        }
    }

    static String sha256(String text) {
        return Sha256.hex(text);
    }

    private static Provision holderToGranteeForTreatment(String holder, String grantee, Instant now) {
        return new Provision(ProvisionType.PERMIT, new Period(now.minusSeconds(60), now.plus(Duration.ofDays(90))),
                List.of(org.medmesh.chaincode.identity.Did.forOrganization(grantee)),
                List.of(org.medmesh.chaincode.identity.Did.forOrganization(holder)), List.of(PurposeOfUse.TREAT),
                List.of("Observation", "DiagnosticReport", "Condition"), List.of(), List.of());
    }
}
