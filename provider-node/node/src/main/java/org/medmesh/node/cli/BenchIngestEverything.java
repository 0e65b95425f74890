package org.medmesh.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Done-item 2 of issue 4, checked after every load: for each patient, {@code Patient/{id}/$everything?_count=500}
 * (following {@code next} links) must return every resource that patient's Bundle created, and every resource
 * the returned resources refer to. A reference that is neither {@code Type/id} nor {@code #contained} (say a
 * leftover {@code urn:uuid:} or {@code Practitioner?identifier=…}) counts as unresolved.
 */
final class BenchIngestEverything {
    private static final Pattern RELATIVE = Pattern.compile("[A-Z][A-Za-z]+/[A-Za-z0-9\\-.]{1,64}");
    private static final int MAX_PAGES = 1_000;

    private BenchIngestEverything() {}

    /** One patient's check: pages, resources returned, time for all pages, and what was missing. */
    record Check(String patientId, int pages, int returned, long nanos, int created, List<String> missingCreated,
            List<String> missingReferenced, List<String> unresolved, String failure) {
        boolean ok() {
            return failure == null && missingCreated.isEmpty() && missingReferenced.isEmpty() && unresolved.isEmpty();
        }
    }

    static List<Check> run(BenchIngestNode node, List<BenchIngestLoad.Posted> loaded) {
        return loaded.stream().filter(p -> p.patientId() != null).map(p -> check(node, p)).toList();
    }

    private static Check check(BenchIngestNode node, BenchIngestLoad.Posted patient) {
        Set<String> returned = new LinkedHashSet<>();
        Set<String> referenced = new LinkedHashSet<>();
        Set<String> unresolved = new LinkedHashSet<>();
        String next = "Patient/" + patient.patientId() + "/$everything?_count=500";
        int pages = 0;
        long begin = System.nanoTime();
        while (next != null && pages < MAX_PAGES) {
            HttpResponse<String> response = node.get(next);
            pages++;
            if (response.statusCode() != 200) {
                return new Check(patient.patientId(), pages, returned.size(), System.nanoTime() - begin, 0,
                        List.of(), List.of(), List.of(), "page " + pages + ": HTTP " + response.statusCode() + ": "
                                + BenchIngestOutcomes.describe(response.body()));
            }
            JsonNode bundle = BenchIngestOutcomes.parse(response.body());
            for (JsonNode entry : bundle.path("entry")) {
                JsonNode resource = entry.path("resource");
                returned.add(resource.path("resourceType").asText() + "/" + resource.path("id").asText());
                references(resource, referenced, unresolved);
            }
            next = nextLink(bundle);
        }
        long nanos = System.nanoTime() - begin;
        Set<String> created = new LinkedHashSet<>(patient.locations());
        created.remove("");
        return new Check(patient.patientId(), pages, returned.size(), nanos, created.size(),
                missing(created, returned), missing(referenced, returned), List.copyOf(unresolved),
                next == null ? null : "more than " + MAX_PAGES + " pages");
    }

    private static List<String> missing(Set<String> expected, Set<String> returned) {
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(returned);
        return missing;
    }

    private static void references(JsonNode node, Set<String> referenced, Set<String> unresolved) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                if (field.getKey().equals("reference") && field.getValue().isTextual()) {
                    classify(field.getValue().asText(), referenced, unresolved);
                } else {
                    references(field.getValue(), referenced, unresolved);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> references(element, referenced, unresolved));
        }
    }

    private static void classify(String reference, Set<String> referenced, Set<String> unresolved) {
        if (reference.startsWith("#")) {
            return;
        }
        if (RELATIVE.matcher(reference).matches()) {
            referenced.add(reference);
        } else {
            String kind = reference.startsWith("urn:uuid:") ? "urn:uuid:…"
                    : reference.contains("?") ? reference.substring(0, reference.indexOf('?') + 1) + "…" : "other";
            unresolved.add(kind);
        }
    }

    private static String nextLink(JsonNode bundle) {
        for (JsonNode link : bundle.path("link")) {
            if ("next".equals(link.path("relation").asText())) {
                return link.path("url").asText();
            }
        }
        return null;
    }
}
