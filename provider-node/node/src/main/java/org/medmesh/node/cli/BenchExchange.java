package org.medmesh.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.medmesh.node.adapter.in.fhir.auth.Role;
import org.medmesh.node.application.exchange.ExchangeTimer;
import org.medmesh.patient.cli.PatientCli;

/**
 * {@code medmesh bench exchange [--synthea DIR] [--rounds N] [--validation on|off]}: one Synthea patient (the
 * Bundle closest to 1,600 entries) fetched from City Hospital's node by St Mary's over HTTP on loopback — the
 * whole path: signed request, decision, ledger commit (embedded ledger on H2), signed and encrypted stream,
 * decryption and verification, validation, one-transaction import — against the time the same Bundle takes to
 * ingest into St Mary's node as a FHIR transaction. Both nodes run in this JVM with the same settings; the nodes
 * report where the exchange's time goes ({@link ExchangeTimer}). The patient uses the wallet's own commands.
 */
final class BenchExchange {
    static final String USAGE = "usage: medmesh bench exchange [--synthea DIR] [--rounds N] [--validation on|off]";
    private static final int TARGET_ENTRIES = 1_600;

    private final PrintStream out;
    private final DemoHttp http = new DemoHttp();
    private final Phases phases = new Phases();

    BenchExchange(PrintStream out) {
        this.out = out;
    }

    int run(Options options) {
        int rounds = options.integer("rounds", 5);
        String validationOption = options.named().getOrDefault("validation", "off");
        if (rounds < 1 || !List.of("on", "off").contains(validationOption)) {
            throw new IllegalArgumentException(USAGE);
        }
        boolean validation = validationOption.equals("on");
        Path synthea = options.named().containsKey("synthea") ? Path.of(options.named().get("synthea"))
                : Main.home().resolve("synthea");
        BenchIngestBundles bundles = BenchIngestBundles.scan(synthea, Integer.MAX_VALUE);
        BenchIngestBundles.Bundle patient = bundles.patients().stream()
                .min(Comparator.comparingInt(b -> Math.abs(b.entries() - TARGET_ENTRIES))).orElseThrow();
        Path dir = temporaryDirectory();
        out.printf("MedMesh exchange benchmark: %s (%d entries, %d KiB), profile validation %s, %d rounds; "
                + "two nodes in one JVM on loopback, embedded ledger on H2 in %s; Java %s, %d CPUs%n",
                patient.file().getFileName(), patient.entries(), patient.bytes() >> 10, validationOption, rounds, dir,
                Runtime.version(), Runtime.getRuntime().availableProcessors());
        Node city = start(dir, "city", "CityHospitalMSP", validation);
        Node stMarys = start(dir, "st-marys", "StMarysHospitalMSP", validation);
        try {
            for (BenchIngestBundles.Bundle shared : bundles.shared()) {
                post(city, read(shared.file()));
                post(stMarys, read(shared.file()));
            }
            String bundle = read(patient.file());
            long[] ingest = new long[rounds];
            // Warm-up and baseline: the same Bundle ingested by St Mary's as a local FHIR transaction.
            post(stMarys, bundle);
            for (int i = 0; i < rounds; i++) {
                long start = System.nanoTime();
                post(stMarys, bundle);
                ingest[i] = System.nanoTime() - start;
            }
            String cityPatient = patientOf(post(city, bundle));
            String stMarysPatient = consentingPatient(dir, city, cityPatient, stMarys);
            fetch(stMarys, stMarysPatient); // warm-up
            phases.clear();
            long[] fetch = new long[rounds];
            int imported = 0;
            for (int i = 0; i < rounds; i++) {
                long start = System.nanoTime();
                JsonNode holder = fetch(stMarys, stMarysPatient);
                fetch[i] = System.nanoTime() - start;
                if (!holder.path("state").asText().equals("IMPORTED")) {
                    out.println("the fetch did not import: " + holder);
                    return Main.FAILED;
                }
                imported = holder.path("imported").asInt();
            }
            return report(ingest, fetch, imported, patient.entries());
        } finally {
            stMarys.context().close();
            city.context().close();
        }
    }

    private int report(long[] ingest, long[] fetch, int imported, int entries) {
        double ingestMs = BenchStats.Spread.of(millis(ingest)).median();
        BenchStats.Spread fetchSpread = BenchStats.Spread.of(millis(fetch));
        double fetchMs = fetchSpread.median();
        out.printf("%nlocal ingest of the Bundle (%d entries) at St Mary's: median %.0f ms%n", entries, ingestMs);
        out.printf("fetch from City Hospital (%d resources imported): median %.0f ms (min %.0f, max %.0f) = %.2f× "
                + "the local ingest (target ≤ 2×)%n", imported, fetchMs, fetchSpread.min(), fetchSpread.max(),
                fetchMs / ingestMs);
        out.printf("%n| phase (median per fetch) | ms | share of the fetch |%n|---|---:|---:|%n");
        double crypto = 0;
        for (Map.Entry<String, double[]> phase : phases.medians().entrySet()) {
            double ms = BenchStats.Spread.of(phase.getValue()).median();
            out.printf("| %s | %.1f | %.1f %% |%n", phase.getKey(), ms, 100 * ms / fetchMs);
            if (phase.getKey().equals(ExchangeTimer.SEAL) || phase.getKey().equals(ExchangeTimer.OPEN)) {
                crypto += ms;
            }
        }
        out.printf("%nsigning and encryption (holder) + decryption and verification (requester): %.1f ms = %.1f %% "
                + "of the fetch (target < 10 %%)%n", crypto, 100 * crypto / fetchMs);
        return Main.OK;
    }

    /** The patient's wallet: enrolled at both hospitals, linked, City's records consented to St Mary's. */
    private String consentingPatient(Path dir, Node city, String cityPatient, Node stMarys) {
        Map<String, String> env = Map.of("MEDMESH_WALLET_PASSPHRASE", "bench passphrase", "MEDMESH_HOME",
                dir.resolve("home").toString(), "MEDMESH_WALLET_KDF", "test");
        patient(env, "create");
        enrol(env, city, cityPatient);
        String stMarysPatient = patientOf(http.send(stMarys.server(), stMarys.data(), Role.ADMIN, "POST",
                "/fhir", "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":"
                        + "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Bench\"}]},"
                        + "\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}}]}", "application/fhir+json"));
        enrol(env, stMarys, stMarysPatient);
        patient(env, "link", "--node", DemoHttp.base(stMarys.server()), "--holder", DemoHttp.base(city.server()));
        patient(env, "consent", "grant", "--node", DemoHttp.base(city.server()), "--to",
                DemoHttp.base(stMarys.server()), "--purpose", "TREAT");
        return stMarysPatient;
    }

    private void enrol(Map<String, String> env, Node node, String patientId) {
        HttpResponse<String> issued = http.send(node.server(), node.data(), Role.ADMIN, "POST", "/enrolments",
                "{\"patient\":\"Patient/" + patientId + "\"}", "application/json");
        patient(env, "enrol", "--node", DemoHttp.base(node.server()), "--challenge",
                DemoHttp.parse(issued.body()).path("challenge").asText());
    }

    private static void patient(Map<String, String> env, String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream captured = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        if (PatientCli.run(args, captured, captured, env, Clock.systemUTC(), new SecureRandom()) != 0) {
            throw new IllegalStateException("medmesh patient " + String.join(" ", args) + " failed: "
                    + buffer.toString(StandardCharsets.UTF_8));
        }
    }

    private JsonNode fetch(Node stMarys, String patientId) {
        return http.clinicianFetch(stMarys.server(), stMarys.data(), "/exchange/fetches",
                "{\"patient\":\"Patient/" + patientId + "\",\"purpose\":\"TREAT\"}");
    }

    private HttpResponse<String> post(Node node, String bundle) {
        HttpResponse<String> response = http.send(node.server(), node.data(), Role.ADMIN, "POST", "/fhir", bundle,
                "application/fhir+json");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the node refused a Bundle: " + response.statusCode());
        }
        return response;
    }

    private static String patientOf(HttpResponse<String> response) {
        for (JsonNode entry : DemoHttp.parse(response.body()).path("entry")) {
            String location = entry.path("response").path("location").asText();
            if (location.startsWith("Patient/")) {
                return location.split("/")[1];
            }
        }
        throw new IllegalStateException("no Patient was created");
    }

    private Node start(Path dir, String name, String mspId, boolean validation) {
        Path data = dir.resolve(name);
        ApplicationContext context = ApplicationContext.builder().properties(Map.of("micronaut.server.port", -1,
                "medmesh.node.data-dir", data.toString(), "medmesh.ledger.data-dir", dir.resolve("ledger").toString(),
                "medmesh.ledger.msp-id", mspId, "medmesh.node.validation", validation))
                .singletons(phases).build().start();
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        server.start();
        return new Node(context, server, data);
    }

    private record Node(ApplicationContext context, EmbeddedServer server, Path data) {}

    /** The nodes' phase timings, per phase in the order first seen. */
    static final class Phases implements ExchangeTimer {
        private final Map<String, List<Double>> millis = new ConcurrentHashMap<>();
        private final List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void record(String phase, Duration took) {
            millis.computeIfAbsent(phase, p -> {
                order.add(p);
                return new java.util.concurrent.CopyOnWriteArrayList<>();
            }).add(took.toNanos() / 1e6);
        }

        void clear() {
            millis.clear();
            order.clear();
        }

        Map<String, double[]> medians() {
            Map<String, double[]> all = new LinkedHashMap<>();
            for (String phase : order) {
                all.put(phase, millis.get(phase).stream().mapToDouble(Double::doubleValue).toArray());
            }
            return all;
        }
    }

    private static double[] millis(long[] nanos) {
        double[] ms = new double[nanos.length];
        for (int i = 0; i < nanos.length; i++) {
            ms[i] = nanos[i] / 1e6;
        }
        return ms;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("medmesh-bench-exchange");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
