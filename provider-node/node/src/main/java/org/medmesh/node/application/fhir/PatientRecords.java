package org.medmesh.node.application.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.medmesh.fhirstore.JdbcResourceStore;
import org.medmesh.fhirstore.SearchResult;
import org.medmesh.fhirstore.StoreTransaction;
import org.medmesh.fhirstore.StoredResource;
import org.medmesh.fhirstore.Token;
import org.medmesh.fhirstore.TokenCriterion;

/**
 * A patient's records as one consistent read: the patient, every resource in the patient's compartment, and the
 * shared resources those reference outside it ({@link #SHARED_TYPES}: practitioners, organisations, locations,
 * medications…) — never another patient's. What
 * {@code Patient/$everything} answers and what the exchange releases from (after the consent's filter).
 */
public final class PatientRecords {
    private static final int READ_PAGE = 1_000;
    /**
     * The kinds of resource outside the compartment that come with a patient's records: shared reference data
     * (who treated, where, with what), never another patient's records — a reference to another Patient, or to a
     * resource in someone else's compartment (an Observation's focus, a mother's record), is not followed.
     */
    public static final Set<String> SHARED_TYPES = Set.of("Practitioner", "PractitionerRole", "Organization",
            "Location", "Medication", "Device", "Substance", "HealthcareService", "Endpoint");

    private final JdbcResourceStore store;
    private final FhirContext context;

    public PatientRecords(JdbcResourceStore store, FhirContext context) {
        this.store = Objects.requireNonNull(store, "store");
        this.context = Objects.requireNonNull(context, "context");
    }

    public FhirContext context() {
        return context;
    }

    /** This hospital's own audit trail: about its users' accesses, not part of the patient's records. */
    private static final Set<String> AUDIT_TRAIL = Set.of("AuditEvent");

    /**
     * The patient's records as they leave this hospital (to another hospital, or to the patient): everything but
     * this hospital's audit trail.
     */
    public List<StoredResource> records(String patientId) {
        return everything(patientId).stream().filter(r -> !AUDIT_TRAIL.contains(r.type())).toList();
    }

    /** Everything of the patient with logical id {@code patientId}, read in one store transaction. */
    public List<StoredResource> everything(String patientId) {
        return store.inTransaction(tx -> everything(tx, patientId));
    }

    /** Whether a live (not deleted) resource {@code type/id} exists. */
    public boolean exists(String type, String id) {
        return store.inTransaction(tx -> tx.read(type, id).filter(r -> !r.deleted()).isPresent());
    }

    /** The logical id of the one live Patient with identifier {@code system|value}, if there is exactly one. */
    public Optional<String> patientWithIdentifier(String system, String value) {
        List<String> ids = store.inTransaction(tx -> tx.resolveConditional("Patient",
                List.of(new TokenCriterion("identifier", List.of(new Token(system, value))))));
        return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
    }

    /** A FHIR Bundle of type {@code collection} holding {@code resources} as stored (JSON, entries in order). */
    public static String collection(List<StoredResource> resources) {
        StringBuilder bundle = new StringBuilder(resources.size() * 1_024)
                .append("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
        for (int i = 0; i < resources.size(); i++) {
            StoredResource stored = resources.get(i);
            bundle.append(i == 0 ? "" : ",").append("{\"fullUrl\":\"").append(stored.type()).append('/')
                    .append(stored.id()).append("\",\"resource\":").append(stored.json()).append('}');
        }
        return bundle.append("]}").toString();
    }

    /** Parses a stored resource (the store wrote it, so a lenient parser is enough, and faster). */
    public IBaseResource parse(StoredResource stored) {
        IParser parser = context.newJsonParser();
        parser.setParserErrorHandler(new LenientErrorHandler(false));
        return parser.parseResource(stored.json());
    }

    private List<StoredResource> everything(StoreTransaction tx, String patientId) {
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
            tx.read(id.getResourceType(), id.getIdPart()).filter(r -> !r.deleted()).ifPresent(found::add);
        }
        return found;
    }

    private Set<String> referencedFrom(List<StoredResource> found, Set<String> inside) {
        Set<String> outside = new LinkedHashSet<>();
        for (StoredResource stored : found) {
            IBaseResource resource = parse(stored);
            if (!(resource instanceof Resource r4)) {
                continue;
            }
            for (Reference reference : context.newTerser().getAllPopulatedChildElementsOfType(r4, Reference.class)) {
                IdType target = new IdType(reference.getReference() == null ? "" : reference.getReference());
                if (target.hasResourceType() && target.hasIdPart() && !target.isAbsolute()
                        && SHARED_TYPES.contains(target.getResourceType())) {
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
