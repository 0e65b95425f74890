package org.medmesh.node.adapter.in.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Patient;

/** Patient's provider: the common interactions plus {@code $everything}. */
public final class PatientProvider extends ResourceTypeProvider {
    private final StoreFhirRecords records;

    public PatientProvider(StoreFhirRecords records) {
        super(Patient.class, "Patient", records);
        this.records = records;
    }

    @Operation(name = "$everything", idempotent = true)
    public IBundleProvider everything(@IdParam IIdType id) {
        read(id.toUnqualifiedVersionless());
        return records.compartment(id.getIdPart());
    }
}
