package org.medmesh.node.application.fhir;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.Date;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.BundleEntryResponseComponent;
import org.hl7.fhir.r4.model.Resource;
import org.medmesh.fhirstore.StoredResource;

/** The {@code response} parts of transaction-response and batch-response entries. */
final class EntryResponses {
    private EntryResponses() {}

    /** A create ({@code 201}) or an update ({@code 200}). */
    static BundleEntryComponent written(StoredResource stored) {
        return versioned(stored.version() == 1 ? "201 Created" : "200 OK", stored);
    }

    /** A conditional create that found its resource: nothing written. */
    static BundleEntryComponent found(StoredResource existing) {
        return versioned("200 OK", existing);
    }

    static BundleEntryComponent deleted(StoredResource deletion) {
        BundleEntryComponent entry = versioned("204 No Content", deletion);
        entry.getResponse().setLocation(null);
        return entry;
    }

    /** A conditional delete that matched nothing. */
    static BundleEntryComponent nothingDeleted() {
        BundleEntryComponent entry = new BundleEntryComponent();
        entry.getResponse().setStatus("204 No Content");
        return entry;
    }

    static BundleEntryComponent read(StoredResource stored, Resource body) {
        BundleEntryComponent entry = versioned("200 OK", stored);
        entry.getResponse().setLocation(null);
        entry.setResource(body);
        return entry;
    }

    static BundleEntryComponent searched(Resource searchset) {
        BundleEntryComponent entry = new BundleEntryComponent();
        entry.getResponse().setStatus("200 OK");
        entry.setResource(searchset);
        return entry;
    }

    /** A batch entry that failed; the others went ahead. */
    static BundleEntryComponent failed(BaseServerResponseException failure) {
        BundleEntryComponent entry = new BundleEntryComponent();
        entry.getResponse().setStatus(status(failure.getStatusCode()));
        if (failure.getOperationOutcome() instanceof Resource outcome) {
            entry.getResponse().setOutcome(outcome);
        }
        return entry;
    }

    private static BundleEntryComponent versioned(String status, StoredResource stored) {
        BundleEntryComponent entry = new BundleEntryComponent();
        BundleEntryResponseComponent response = entry.getResponse();
        response.setStatus(status);
        response.setLocation(stored.reference() + "/_history/" + stored.version());
        response.setEtag(ETags.of(stored.version()));
        response.setLastModified(Date.from(stored.lastUpdated()));
        return entry;
    }

    private static String status(int code) {
        return code + switch (code) {
            case 400 -> " Bad Request";
            case 401 -> " Unauthorized";
            case 403 -> " Forbidden";
            case 404 -> " Not Found";
            case 405 -> " Method Not Allowed";
            case 409 -> " Conflict";
            case 410 -> " Gone";
            case 412 -> " Precondition Failed";
            case 422 -> " Unprocessable Entity";
            case 501 -> " Not Implemented";
            default -> code >= 500 ? " Internal Server Error" : "";
        };
    }
}
