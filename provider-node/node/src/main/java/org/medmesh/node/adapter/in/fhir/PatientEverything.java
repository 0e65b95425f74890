package org.medmesh.node.adapter.in.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.InstantType;
import org.medmesh.fhirstore.StoredResource;
import org.medmesh.node.application.fhir.PatientRecords;

/**
 * {@code Patient/{id}/$everything}: the patient, every resource in the patient's compartment, and the resources
 * those reference that live outside it (practitioners, organisations, locations, medications…), paged.
 */
final class PatientEverything implements IBundleProvider {
    private final PatientRecords records;
    private final StoredResources resources;
    private final String patientId;
    private final Date published = new Date();
    private List<StoredResource> everything;

    PatientEverything(PatientRecords records, StoredResources resources, String patientId) {
        this.records = records;
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
            everything = records.everything(patientId);
        }
        return everything;
    }
}
