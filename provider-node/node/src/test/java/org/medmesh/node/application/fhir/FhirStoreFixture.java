package org.medmesh.node.application.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Resource;
import org.medmesh.fhir.labels.SensitivityLabeler;
import org.medmesh.fhirstore.JdbcResourceStore;
import org.medmesh.fhirstore.SearchQuery;
import org.medmesh.fhirstore.StoreSettings;
import org.medmesh.fhirstore.StoredResource;

/** A real store on in-memory H2 and the processor over it; one per test class, closed after it. */
final class FhirStoreFixture implements AutoCloseable {
    static final FhirContext FHIR = FhirContext.forR4Cached();

    final JdbcResourceStore store;
    final BundleProcessor processor;

    FhirStoreFixture() {
        store = JdbcResourceStore.open(new StoreSettings("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", "", 4), FHIR);
        processor = new BundleProcessor(store, FHIR, SensitivityLabeler.fromClasspath());
    }

    /** Current resources of the type matching the query parameters ({@code identifier=sys|val}). */
    List<StoredResource> search(String type, String query) {
        RequestUrl url = RequestUrl.parse(type + "?" + query);
        return store.inTransaction(tx -> tx.search(new SearchQuery(type, SearchParameters.parse(type, url.params(),
                store.searchParameters(type)), null, 0, 100))).page();
    }

    <T extends Resource> T read(Class<T> type, String reference) {
        String[] parts = reference.split("/");
        StoredResource stored = store.inTransaction(tx -> tx.read(parts[0], parts[1])).orElseThrow();
        return FHIR.newJsonParser().parseResource(type, stored.json());
    }

    static Bundle transaction() {
        return new Bundle().setType(BundleType.TRANSACTION);
    }

    static Bundle batch() {
        return new Bundle().setType(BundleType.BATCH);
    }

    static Bundle.BundleEntryComponent post(Bundle bundle, String fullUrl, Resource resource) {
        Bundle.BundleEntryComponent entry = bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
        entry.getRequest().setMethod(HTTPVerb.POST).setUrl(resource.fhirType());
        return entry;
    }

    static Bundle.BundleEntryComponent request(Bundle bundle, HTTPVerb method, String url, Resource resource) {
        Bundle.BundleEntryComponent entry = bundle.addEntry().setResource(resource);
        entry.getRequest().setMethod(method).setUrl(url);
        return entry;
    }

    static String urn() {
        return "urn:uuid:" + UUID.randomUUID();
    }

    /** A value no other test uses, so tests can share the class's store. */
    static String unique() {
        return UUID.randomUUID().toString();
    }

    Bundle load(String resource) {
        try (InputStream json = getClass().getResourceAsStream(resource)) {
            if (json == null) {
                throw new IllegalArgumentException("missing test resource " + resource);
            }
            return FHIR.newJsonParser().parseResource(Bundle.class, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, List<String>> params(String query) {
        return RequestUrl.parse("Patient?" + query).params();
    }

    @Override
    public void close() {
        store.close();
    }
}
