package org.medmesh.node.adapter.in.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.medmesh.fhirstore.JdbcResourceStore;
import org.medmesh.fhirstore.SearchResult;
import org.medmesh.fhirstore.StoredResource;

/**
 * {@code Patient/{id}/$everything}: the patient, every resource in the patient's compartment, and the resources
 * those reference that live outside it (practitioners, organisations, locations, medications…), paged.
 */
final class PatientEverything implements IBundleProvider {
    private static final int READ_PAGE = 1_000;

    private final JdbcResourceStore store;
    private final StoredResources resources;
    private final String patientId;
    private final Date published = new Date();
    private List<StoredResource> everything;

    PatientEverything(JdbcResourceStore store, StoredResources resources, String patientId) {
        this.store = store;
        this.resources = resources;
        this.patientId = patientId;
    }

    @Override
    public IPrimitiveType<Date> getPublished() {
        return new InstantType(published);
    }

    @Override
    public List<IBaseResource> getResources(int fromIndex, int toIndex) {
        List<StoredResource> all = everything();
        return all.subList(Math.min(fromIndex, all.size()), Math.min(toIndex, all.size())).stream()
                .map(resources::parse).toList();
    }

    @Override
    public String getUuid() {
        return null;
    }

    @Override
    public Integer preferredPageSize() {
        return null;
    }

    @Override
    public Integer size() {
        return everything().size();
    }

    private synchronized List<StoredResource> everything() {
        if (everything == null) {
            everything = store.inTransaction(tx -> {
                List<StoredResource> found = new ArrayList<>();
                SearchResult page;
                do {
                    page = tx.patientCompartment(patientId, found.size(), READ_PAGE);
                    found.addAll(page.page());
                } while (!page.page().isEmpty() && found.size() < page.total());
                Set<String> inside = new LinkedHashSet<>();
                found.forEach(r -> inside.add(r.type() + "/" + r.id()));
                for (String reference : referencedFrom(found, inside)) {
                    IdType id = new IdType(reference);
                    tx.read(id.getResourceType(), id.getIdPart()).ifPresent(found::add);
                }
                return found;
            });
        }
        return everything;
    }

    private Set<String> referencedFrom(List<StoredResource> found, Set<String> inside) {
        Set<String> outside = new LinkedHashSet<>();
        for (StoredResource stored : found) {
            IBaseResource resource = resources.parse(stored);
            if (!(resource instanceof Resource r4)) {
                continue;
            }
            for (Reference reference : resources.context().newTerser()
                    .getAllPopulatedChildElementsOfType(r4, Reference.class)) {
                IdType target = new IdType(reference.getReference() == null ? "" : reference.getReference());
                if (target.hasResourceType() && target.hasIdPart() && !target.isAbsolute()) {
                    String key = target.getResourceType() + "/" + target.getIdPart();
                    if (!inside.contains(key)) {
                        outside.add(key);
                    }
                }
            }
        }
        return outside;
    }
}
