package org.medmesh.fhir.hl7v2;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Collects the entries of one transaction Bundle. Every entry gets a {@code urn:uuid} full URL that the others refer
 * to; resources with a business identifier are written conditionally, so re-sending a message updates rather than
 * duplicates.
 */
final class BundleBuilder {

    private final Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    private final Supplier<UUID> ids;

    BundleBuilder(Supplier<UUID> ids) {
        this.ids = ids;
    }

    /** Conditional update ({@code PUT Type?identifier=system|value}): creates, or replaces the one match. */
    Reference upsert(Resource resource, Identifier key) {
        return add(resource, Bundle.HTTPVerb.PUT, query(resource, key), null);
    }

    /** Conditional create ({@code POST} with {@code ifNoneExist}): creates unless a match exists, never overwrites. */
    Reference createIfAbsent(Resource resource, Identifier key) {
        return add(resource, Bundle.HTTPVerb.POST, resource.fhirType(), query(resource, key).substring(resource.fhirType().length() + 1));
    }

    /** Plain create. */
    Reference create(Resource resource) {
        return add(resource, Bundle.HTTPVerb.POST, resource.fhirType(), null);
    }

    Bundle bundle() {
        return bundle;
    }

    private Reference add(Resource resource, Bundle.HTTPVerb method, String url, String ifNoneExist) {
        String fullUrl = "urn:uuid:" + ids.get();
        Bundle.BundleEntryRequestComponent request = new Bundle.BundleEntryRequestComponent().setMethod(method).setUrl(url);
        if (ifNoneExist != null) {
            request.setIfNoneExist(ifNoneExist);
        }
        bundle.addEntry().setFullUrl(fullUrl).setResource(resource).setRequest(request);
        return new Reference(fullUrl);
    }

    private static String query(Resource resource, Identifier key) {
        return resource.fhirType() + "?identifier=" + encode(key.getSystem()) + "|" + encode(key.getValue());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
