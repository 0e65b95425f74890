package org.medmesh.fhirstore;

import ca.uhn.fhir.context.FhirContext;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks resource type names and logical ids before they reach SQL. */
final class Names {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1," + Jdbc.ID_LENGTH + "}");

    private final Set<String> types;

    Names(FhirContext context) {
        this.types = Set.copyOf(context.getResourceTypes());
    }

    String type(String type) {
        if (type == null || !types.contains(type)) {
            throw new StoreException(StoreException.Code.INVALID, "not a FHIR R4 resource type: " + type);
        }
        return type;
    }

    static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    static String id(String id) {
        if (!isId(id)) {
            throw new StoreException(StoreException.Code.INVALID, "not a FHIR id (1-64 of A-Z a-z 0-9 - .)");
        }
        return id;
    }
}
