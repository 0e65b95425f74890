package org.medmesh.node.adapter.in.http.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medmesh.node.testing.LedgerNode.json;
import static org.medmesh.node.testing.PatientSide.body;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medmesh.chaincode.consent.Provision;
import org.medmesh.chaincode.consent.ProvisionType;
import org.medmesh.chaincode.consent.PurposeOfUse;
import org.medmesh.chaincode.consent.SecurityLabel;
import org.medmesh.node.adapter.in.fhir.auth.Role;
import org.medmesh.node.application.exchange.OriginTag;
import org.medmesh.node.cli.SyntheaFixture;
import org.medmesh.node.testing.LedgerNode;
import org.medmesh.node.testing.PatientSide;
import org.medmesh.patient.wallet.PatientIdentity;
import org.medmesh.patient.wallet.Wallet;

/**
 * The exchange on Synthea's records: City Hospital loads Synthea's hospitals, practitioners and the smallest
 * generated patient whose records the labelling rules mark with at least two sensitivity labels; the patient lets
 * St Mary's see them for treatment with every sensitive category withheld; St Mary's (profile validation on) fetches
 * and imports. Synthea runs once per build (seed 7, 20 patients, under target/).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExchangeSyntheaIT {
    private static final Set<String> SENSITIVE = Set.of("PSY", "SDV", "HIV", "SEX", "ETH", "SUD");

    private Path nodes;
    private LedgerNode city;
    private LedgerNode stMarys;
    private String cityPatient;
    private String stMarysPatient;
    private Set<String> labelledAtCity;
    private int unlabelledAtCity;

    @BeforeAll
    void start() throws IOException {
        Path fhir = SyntheaFixture.generate(20, 7);
        nodes = Files.createTempDirectory("medmesh-exchange-synthea-it");
        city = LedgerNode.start(LedgerNode.settings(nodes.resolve("city"), nodes.resolve("ledger"),
                "CityHospitalMSP"));
        Map<String, Object> stMarysSettings = LedgerNode.settings(nodes.resolve("st-marys"), nodes.resolve("ledger"),
                "StMarysHospitalMSP");
        stMarysSettings.put("medmesh.node.validation", true);
        stMarys = LedgerNode.start(stMarysSettings);
        for (Path reference : SyntheaFixture.referenceBundles(fhir)) {
            load(city, reference);
            load(stMarys, reference);
        }
        cityPatient = loadLabelledPatient(fhir);
        PatientSide patients = new PatientSide(Files.createDirectories(nodes.resolve("wallets")));
        Wallet wallet = patients.newWallet();
        PatientIdentity atCity = patients.registered(wallet, city);
        PatientIdentity atStMarys = patients.registered(wallet, stMarys);
        patients.enrol(city, cityPatient, atCity);
        stMarysPatient = PatientSide.createPatient(stMarys, "Synthea");
        patients.enrol(stMarys, stMarysPatient, atStMarys);
        assertThat(PatientSide.link(stMarys, atStMarys, city, atCity).statusCode()).isEqualTo(201);
        List<SecurityLabel> withheld = SENSITIVE.stream().map(SecurityLabel::valueOf).toList();
        patients.grant(city, atCity, new Provision(ProvisionType.PERMIT, null,
                List.of(org.medmesh.chaincode.identity.Did.parse(stMarys.did())),
                List.of(org.medmesh.chaincode.identity.Did.parse(city.did())), List.of(PurposeOfUse.TREAT), List.of(),
                List.of(), List.of(new Provision(ProvisionType.DENY, null, List.of(), List.of(), List.of(), List.of(),
                        withheld, List.of()))));
    }

    @AfterAll
    void stop() {
        if (stMarys != null) {
            stMarys.close();
        }
        if (city != null) {
            city.close();
        }
    }

    /** Loads the smallest patient bundle with two or more labels (as City labelled them at ingest). */
    private String loadLabelledPatient(Path fhir) throws IOException {
        List<Path> bySize = new ArrayList<>(SyntheaFixture.bundles(fhir));
        bySize.sort((a, b) -> Long.compare(size(a), size(b)));
        for (Path bundle : bySize) {
            String text = Files.readString(bundle);
            long sensitiveCodes = List.of("35489007", "706893006", "31676001", "86406008", "7200002", "714812005")
                    .stream().filter(text::contains).count();
            if (sensitiveCodes == 0) {
                continue;
            }
            String patientId = patientOf(load(city, bundle));
            List<JsonNode> everything = everything(city, patientId);
            labelledAtCity = new HashSet<>();
            unlabelledAtCity = 0;
            for (JsonNode resource : everything) {
                List<String> labels = resource.path("meta").path("security").findValuesAsText("code");
                if (labels.stream().anyMatch(SENSITIVE::contains)) {
                    labelledAtCity.add(resource.get("resourceType").textValue() + "/" + resource.get("id").textValue());
                } else {
                    unlabelledAtCity++;
                }
            }
            if (labelledAtCity.size() >= 2) {
                return patientId;
            }
        }
        throw new AssertionError("no Synthea patient with labelled records under " + fhir);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void every_labelled_record_stays_at_the_holder_and_everything_else_arrives_validated_with_its_provenance() {
        HttpResponse<String> started = stMarys.post("/exchange/fetches", body("patient", "Patient/" + stMarysPatient,
                "purpose", "TREAT"), Role.CLINICIAN);
        JsonNode status = stMarys.fetchStatus(started, 120);

        JsonNode holder = status.get("holders").get(0);
        assertThat(holder.get("state").textValue()).as(holder.toString()).isEqualTo("IMPORTED");
        // everything unlabelled but City's Patient (St Mary's maps it to its own)
        assertThat(holder.get("imported").intValue()).isEqualTo(unlabelledAtCity - 1);
        List<JsonNode> imported = everything(stMarys, stMarysPatient).stream()
                .filter(r -> r.path("meta").path("tag").findValuesAsText("system").contains(OriginTag.SYSTEM))
                .toList();
        assertThat(imported).isNotEmpty();
        assertThat(imported).allSatisfy(resource -> assertThat(resource.path("meta").path("security")
                .findValuesAsText("code")).doesNotContainAnyElementsOf(SENSITIVE));
        assertThat(labelledAtCity).hasSizeGreaterThanOrEqualTo(2);
        HttpResponse<String> provenance = stMarys.send("GET", "/fhir/" + holder.get("provenance").textValue(), null,
                null, Role.CLINICIAN);
        assertThat(json(provenance).get("target")).hasSize(holder.get("imported").intValue());
    }

    private static HttpResponse<String> load(LedgerNode node, Path bundle) throws IOException {
        HttpResponse<String> loaded = node.send("POST", "/fhir", Files.readString(bundle), "application/fhir+json",
                Role.ADMIN);
        assertThat(loaded.statusCode()).as(bundle + ": " + loaded.body()).isEqualTo(200);
        return loaded;
    }

    private static String patientOf(HttpResponse<String> loaded) {
        for (JsonNode entry : json(loaded).get("entry")) {
            String location = entry.at("/response/location").textValue();
            if (location != null && location.startsWith("Patient/")) {
                return location.split("/")[1];
            }
        }
        throw new AssertionError("no Patient created");
    }

    private static List<JsonNode> everything(LedgerNode node, String patientId) {
        List<JsonNode> resources = new ArrayList<>();
        String next = "/fhir/Patient/" + patientId + "/$everything?_count=1000";
        while (next != null) {
            JsonNode page = json(node.send("GET", next, null, null, Role.ADMIN));
            page.path("entry").forEach(entry -> resources.add(entry.get("resource")));
            next = null;
            for (JsonNode link : page.path("link")) {
                if (link.path("relation").asText().equals("next")) {
                    next = link.get("url").textValue().replaceFirst("^https?://[^/]+", "");
                }
            }
        }
        return resources;
    }
}
