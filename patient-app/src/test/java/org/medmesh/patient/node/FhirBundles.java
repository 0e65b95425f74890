package org.medmesh.patient.node;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.medmesh.chaincode.identity.Did;

/** FHIR R4 Bundles for tests, built as a node writes them: {@code collection}, one resource per entry. */
public final class FhirBundles {

    private final List<ObjectNode> resources = new ArrayList<>();
    private String padding;

    /** Adds {@code count} resources of {@code type}. */
    public FhirBundles add(String type, int count) {
        for (int i = 0; i < count; i++) {
            resources.add(resource(type));
        }
        return this;
    }

    /** Adds {@code count} resources of {@code type} tagged as received from {@code origin}. */
    public FhirBundles received(String type, int count, Did origin) {
        for (int i = 0; i < count; i++) {
            ObjectNode resource = resource(type);
            resource.putObject("meta").putArray("tag").addObject().put("system", RecordsSummary.ORIGIN_SYSTEM)
                    .put("code", origin.value()).put("display", "Received from " + origin.mspId());
            resources.add(resource);
        }
        return this;
    }

    /** Adds {@code count} resources of {@code type} with the security labels {@code codes}. */
    public FhirBundles labelled(String type, int count, String... codes) {
        for (int i = 0; i < count; i++) {
            ObjectNode resource = resource(type);
            ArrayNode security = resource.putObject("meta").putArray("security");
            for (String code : codes) {
                security.addObject().put("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode")
                        .put("code", code);
            }
            resources.add(resource);
        }
        return this;
    }

    /** Adds a field of {@code bytes} characters to the Bundle, outside any entry, to make a large answer. */
    public FhirBundles padded(int bytes) {
        padding = "x".repeat(bytes);
        return this;
    }

    /** The Bundle's JSON bytes. */
    public byte[] bytes() {
        ObjectNode bundle = FakeNode.JSON.createObjectNode().put("resourceType", "Bundle").put("type", "collection");
        if (padding != null) {
            bundle.putObject("meta").put("source", padding);
        }
        ArrayNode entries = bundle.putArray("entry");
        resources.forEach(resource -> entries.addObject().put("fullUrl", "urn:uuid:" + resource.get("id")
                .textValue()).set("resource", resource));
        try {
            return FakeNode.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(bundle);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode resource(String type) {
        return FakeNode.JSON.createObjectNode().put("resourceType", type)
                .put("id", String.format("%08d-0000-4000-8000-000000000000", resources.size()));
    }
}
