package org.medmesh.node.adapter.in.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.medmesh.fhirstore.StoredResource;

/** Turns stored JSON back into resources. The store wrote it, so a lenient parser is enough (and faster). */
final class StoredResources {
    private final FhirContext context;

    StoredResources(FhirContext context) {
        this.context = context;
    }

    FhirContext context() {
        return context;
    }

    IBaseResource parse(StoredResource stored) {
        IParser parser = context.newJsonParser();
        parser.setParserErrorHandler(new ca.uhn.fhir.parser.LenientErrorHandler(false));
        return parser.parseResource(stored.json());
    }
}
