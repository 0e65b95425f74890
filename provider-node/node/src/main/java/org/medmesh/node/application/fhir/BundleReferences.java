package org.medmesh.node.application.fhir;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.util.FhirTerser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The references inside a Bundle's resources: those to another entry's {@code fullUrl} ({@code urn:uuid:…}) are
 * rewritten to the {@code Type/id} that entry was given; conditional ones ({@code Organization?identifier=…}) are
 * handed back to be resolved against the store.
 */
final class BundleReferences {
    /** A conditional reference still to resolve, and the element to rewrite once it is. */
    record Pending(Reference reference, RequestUrl condition) {}

    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Za-z]+");

    private final FhirTerser terser;
    private final Map<String, String> targetsByFullUrl;
    private final boolean betweenEntries;

    /**
     * @param targetsByFullUrl each entry's {@code fullUrl} to its {@code Type/id}
     * @param betweenEntries whether entries may reference each other by {@code urn:} (a transaction, not a batch)
     */
    BundleReferences(FhirTerser terser, Map<String, String> targetsByFullUrl, boolean betweenEntries) {
        this.terser = terser;
        this.targetsByFullUrl = targetsByFullUrl;
        this.betweenEntries = betweenEntries;
    }

    /** Rewrites the resource's references to entries; returns its conditional references, still unresolved. */
    List<Pending> rewrite(Resource resource) {
        List<Pending> conditional = new ArrayList<>();
        for (Reference reference : terser.getAllPopulatedChildElementsOfType(resource, Reference.class)) {
            String text = reference.getReference();
            if (text == null || text.startsWith("#")) {
                continue;
            }
            String target = targetsByFullUrl.get(text);
            if (target != null) {
                reference.setReference(target);
            } else if (text.startsWith("urn:")) {
                throw new InvalidRequestException(betweenEntries
                        ? "a reference names urn " + text + " but no entry of the bundle has that fullUrl"
                        : "batch entries cannot reference each other by urn (FHIR); send a transaction instead");
            } else if (isConditional(text)) {
                conditional.add(new Pending(reference, RequestUrl.parse(text)));
            }
        }
        return conditional;
    }

    /** {@code Type?query}; an absolute URL with a query is an external reference and stays as it is. */
    private static boolean isConditional(String reference) {
        int question = reference.indexOf('?');
        return question > 0 && TYPE.matcher(reference.substring(0, question)).matches();
    }
}
