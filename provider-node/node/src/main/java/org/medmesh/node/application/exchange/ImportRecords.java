package org.medmesh.node.application.exchange;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.medmesh.chaincode.crypto.Sha256;
import org.medmesh.node.application.enrolment.CompleteEnrolment;
import org.medmesh.node.application.fhir.BundleProcessor;
import org.medmesh.consent.ledger.Did;

/**
 * Stores what a holder released, all of it or nothing, in one store transaction:
 * <ul>
 *   <li>the holder's Patient is this hospital's own Patient (the link the patient proved): references to it point
 *       to the local Patient, and its demographics are not imported over the local ones;</li>
 *   <li>practitioners, organisations and locations with an identifier are matched to the ones already here
 *       (conditional create), so two holders' copies of one practitioner are stored once;</li>
 *   <li>everything else gets a stable local id derived from the holder and its id there, so fetching again
 *       updates instead of duplicating;</li>
 *   <li>a reference to something the holder did not release becomes an absolute reference to the holder's FHIR
 *       base, which nothing here resolves: the import does not fail, and the reference keeps its meaning;</li>
 *   <li>every imported resource carries the {@link OriginTag} (so it is never released to a third hospital), and a
 *       Provenance names the holder, the consent or break-glass, and the ledger transaction.</li>
 * </ul>
 * The whole transaction is profile-validated first when validation is on.
 */
public final class ImportRecords {
    /** Identifier system of a ledger transaction id in a Provenance. */
    public static final String LEDGER_TX_SYSTEM = "urn:medmesh:ledger:tx";
    /** Policy URI prefix of the consent an import relied on. */
    public static final String CONSENT_POLICY = "urn:medmesh:consent:";
    /** Policy URI prefix of a break-glass import, followed by its reason code. */
    public static final String BREAK_GLASS_POLICY = "urn:medmesh:break-glass:";
    private static final Set<String> SHARED_TYPES = Set.of("Practitioner", "Organization", "Location");

    private final BundleProcessor processor;
    private final FhirContext context;
    private final Consumer<Bundle> validator;
    private final Clock clock;
    private final ExchangeTimer timer;

    public ImportRecords(BundleProcessor processor, FhirContext context, Consumer<Bundle> validator, Clock clock,
            ExchangeTimer timer) {
        this.processor = Objects.requireNonNull(processor, "processor");
        this.context = Objects.requireNonNull(context, "context");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timer = Objects.requireNonNull(timer, "timer");
    }

    /** What one import stored. */
    public record Imported(int resources, String provenanceId) {}

    /**
     * Imports a holder's released Bundle for the local Patient {@code patientId}.
     *
     * @param holderFhirBase the holder's FHIR base URL, for references to what it did not release
     * @param receipt the manifest's receipt: {@code txId} and {@code consent} or {@code breakGlass}
     * @throws ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException invalid content (nothing stored)
     */
    public Imported importBundle(String patientId, Did holder, Did patientAtHolder, String holderFhirBase,
            byte[] released, Map<String, String> receipt) {
        long parsing = System.nanoTime();
        Bundle received = context.newJsonParser().parseResource(Bundle.class,
                new String(released, StandardCharsets.UTF_8));
        Map<String, String> local = new LinkedHashMap<>();
        // The holder names its id of the patient asked about (signed, in the manifest): references to it are to
        // this hospital's Patient, whether or not the consent released the Patient resource itself.
        String subject = receipt.get("subject");
        if (subject != null && subject.matches("Patient/[A-Za-z0-9\\-.]{1,64}")) {
            local.put(subject, "Patient/" + patientId);
        }
        List<BundleEntryComponent> entries = new ArrayList<>();
        for (BundleEntryComponent entry : received.getEntry()) {
            Resource resource = entry.getResource();
            if (resource == null) {
                continue;
            }
            String there = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
            if (resource.fhirType().equals("Patient")) {
                // Only the patient the request was about is this hospital's patient; anyone else is refused whole.
                if (!there.equals(subject) && !isPatient((org.hl7.fhir.r4.model.Patient) resource, patientAtHolder)) {
                    throw new ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException(
                            "the holder released a Patient other than the one asked for: nothing was imported");
                }
                local.put(there, "Patient/" + patientId);
                continue;
            }
            String urn = "urn:uuid:" + UUID.nameUUIDFromBytes((holder.value() + "|" + there)
                    .getBytes(StandardCharsets.UTF_8));
            BundleEntryComponent out = new BundleEntryComponent().setResource(resource).setFullUrl(urn);
            Identifier identifier = SHARED_TYPES.contains(resource.fhirType()) ? firstIdentifier(resource) : null;
            if (identifier != null) {
                out.getRequest().setMethod(HTTPVerb.POST).setUrl(resource.fhirType())
                        .setIfNoneExist("identifier=" + java.net.URLEncoder.encode(escape(identifier.getSystem())
                                + "|" + escape(identifier.getValue()), StandardCharsets.UTF_8));
                resource.setId((String) null);
            } else {
                String id = localId(holder, there);
                resource.setId(id);
                out.getRequest().setMethod(HTTPVerb.PUT).setUrl(resource.fhirType() + "/" + id);
            }
            local.put(there, urn);
            entries.add(out);
        }
        FhirTerser terser = context.newTerser();
        for (BundleEntryComponent entry : entries) {
            Resource resource = entry.getResource();
            resource.getMeta().setVersionId(null).setLastUpdated(null);
            OriginTag.set(resource, holder.value(), holder.value());
            for (Reference reference : terser.getAllPopulatedChildElementsOfType(resource, Reference.class)) {
                rewrite(reference, local, holderFhirBase);
            }
        }
        Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        transaction.getEntry().addAll(entries);
        Provenance provenance = provenance(holder, entries, receipt);
        transaction.addEntry().setResource(provenance).getRequest().setMethod(HTTPVerb.POST).setUrl("Provenance");
        timer.record(ExchangeTimer.PREPARE, ExchangeTimer.since(parsing));
        long start = System.nanoTime();
        validator.accept(transaction);
        timer.record(ExchangeTimer.VALIDATE, ExchangeTimer.since(start));
        start = System.nanoTime();
        Bundle response = processor.transaction(transaction);
        timer.record(ExchangeTimer.STORE, ExchangeTimer.since(start));
        String location = response.getEntry().get(response.getEntry().size() - 1).getResponse().getLocation();
        return new Imported(entries.size(), location == null ? null : location.replaceAll("/_history/.*", ""));
    }

    private Provenance provenance(Did holder, List<BundleEntryComponent> entries, Map<String, String> receipt) {
        Provenance provenance = new Provenance();
        for (BundleEntryComponent entry : entries) {
            provenance.addTarget(new Reference(entry.getFullUrl()));
        }
        provenance.setRecorded(Date.from(clock.instant()));
        provenance.addAgent().setWho(new Reference().setIdentifier(new Identifier()
                .setSystem(CompleteEnrolment.DID_SYSTEM).setValue(holder.value())))
                .getType().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/provenance-participant-type")
                .setCode("custodian");
        provenance.getActivity().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/v3-DataOperation")
                .setCode("CREATE");
        if (receipt.containsKey("consent")) {
            provenance.addPolicy(CONSENT_POLICY + receipt.get("consent"));
        }
        if (receipt.containsKey("breakGlass")) {
            provenance.addPolicy(BREAK_GLASS_POLICY + receipt.get("breakGlass"));
        }
        if (receipt.containsKey("txId")) {
            provenance.addEntity().setRole(Provenance.ProvenanceEntityRole.SOURCE).setWhat(new Reference()
                    .setIdentifier(new Identifier().setSystem(LEDGER_TX_SYSTEM).setValue(receipt.get("txId"))));
        }
        OriginTag.set(provenance, holder.value(), holder.value());
        return provenance;
    }

    private static void rewrite(Reference reference, Map<String, String> local, String holderFhirBase) {
        String value = reference.getReference();
        if (value == null || value.startsWith("#") || value.contains(":")) {
            return;
        }
        String mapped = local.get(value);
        reference.setReference(mapped != null ? mapped : holderFhirBase + "/" + value);
    }

    private static boolean isPatient(org.hl7.fhir.r4.model.Patient patient, Did did) {
        return patient.getIdentifier().stream().anyMatch(i -> CompleteEnrolment.DID_SYSTEM.equals(i.getSystem())
                && did.value().equals(i.getValue()));
    }

    private static Identifier firstIdentifier(Resource resource) {
        if (!(resource instanceof org.hl7.fhir.r4.model.DomainResource)) {
            return null;
        }
        Object value = resource.getNamedProperty("identifier") == null ? null
                : resource.getNamedProperty("identifier").getValues().stream().findFirst().orElse(null);
        return value instanceof Identifier identifier && identifier.hasSystem() && identifier.hasValue()
                ? identifier : null;
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("|", "\\|").replace(",", "\\,").replace("$", "\\$");
    }

    /** A stable local id for a holder's resource: 40 hex digits of SHA-256 over the holder's DID and its id there. */
    public static String localId(Did holder, String there) {
        return "x" + Sha256.hex(holder.value() + "|" + there).substring(0, 40);
    }

}
