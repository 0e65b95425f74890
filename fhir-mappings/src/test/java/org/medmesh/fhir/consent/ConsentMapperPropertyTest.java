package org.medmesh.fhir.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.hl7.fhir.r4.model.Consent;
import org.junit.jupiter.api.Test;
import org.medmesh.chaincode.consent.Period;
import org.medmesh.chaincode.consent.Provision;
import org.medmesh.chaincode.consent.ProvisionType;
import org.medmesh.chaincode.consent.PurposeOfUse;
import org.medmesh.chaincode.consent.SecurityLabel;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.fhir.Fhir;

/** Random provision trees (fixed seed, so a failure replays) survive toConsent then toProvision unchanged. */
class ConsentMapperPropertyTest {

    static final long SEED = 20_260_131L;
    static final int TREES = 1_000;
    static final List<Did> ORGANIZATIONS = List.of("CityHospitalMSP", "StMarysHospitalMSP", "ResearchHouseMSP",
            "county-lab.example", "Org1MSP", "Org2MSP").stream().map(Did::forOrganization).toList();
    static final List<String> CLASSES = Fhir.context().getResourceTypes().stream().sorted().toList();

    final Random random = new Random(SEED);

    @Test
    void to_consent_then_to_provision_is_the_identity() {
        for (int i = 0; i < TREES; i++) {
            Provision provision = tree();
            ConsentHeader header = header();
            assertThat(ConsentMapper.toProvision(ConsentMapper.toConsent(provision, header)))
                    .as("tree %d", i).isEqualTo(provision);
        }
    }

    @Test
    void the_header_survives_too() {
        for (int i = 0; i < TREES; i++) {
            ConsentHeader header = header();
            assertThat(ConsentMapper.headerOf(ConsentMapper.toConsent(tree(), header)))
                    .as("tree %d", i).isEqualTo(header);
        }
    }

    @Test
    void the_provision_survives_the_signed_bytes_as_a_holder_receives_them() {
        for (int i = 0; i < TREES / 10; i++) {
            Provision provision = tree();
            byte[] document = ConsentDocuments.documentBytes(ConsentMapper.toConsent(provision, header()));
            Consent received = ConsentDocuments.read(document, ConsentDocuments.sha256Hex(document));
            assertThat(ConsentMapper.toProvision(received)).as("tree %d", i).isEqualTo(provision);
        }
    }

    Provision tree() {
        List<Provision> exceptions = new ArrayList<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            exceptions.add(provision(List.of()));
        }
        return provision(exceptions);
    }

    Provision provision(List<Provision> exceptions) {
        return new Provision(
                random.nextBoolean() ? ProvisionType.PERMIT : ProvisionType.DENY,
                random.nextInt(3) == 0 ? null : period(),
                subset(ORGANIZATIONS),
                subset(ORGANIZATIONS),
                subset(Arrays.asList(PurposeOfUse.values())),
                subset(CLASSES).stream().limit(8).toList(),
                subset(Arrays.asList(SecurityLabel.values())),
                exceptions);
    }

    /** Open at either end or both bounded; whole seconds, milliseconds or nanoseconds. */
    Period period() {
        Instant start = instant();
        Instant end = start.plusSeconds(random.nextInt(400 * 86_400)).plusNanos(random.nextInt(1_000_000_000));
        return switch (random.nextInt(3)) {
            case 0 -> new Period(start, null);
            case 1 -> new Period(null, end);
            default -> new Period(start, end);
        };
    }

    Instant instant() {
        Instant whole = Instant.ofEpochSecond(1_600_000_000L + random.nextInt(400_000_000));
        return switch (random.nextInt(3)) {
            case 0 -> whole;
            case 1 -> whole.plusMillis(random.nextInt(1000));
            default -> whole.plusNanos(random.nextInt(1_000_000_000));
        };
    }

    ConsentHeader header() {
        return new ConsentHeader(PcfExamples.PATIENT, instant(), "urn:example:policy:" + random.nextInt(10));
    }

    /** A random selection in a random order: the mapping must keep the order too. */
    <T> List<T> subset(List<T> all) {
        List<T> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, random.nextInt(Math.min(all.size(), 6) + 1)));
    }
}
