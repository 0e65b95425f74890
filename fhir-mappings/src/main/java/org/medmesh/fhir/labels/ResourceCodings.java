package org.medmesh.fhir.labels;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.ExplanationOfBenefit;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ResourceType;

/** Which codings of a resource the rules look at, per resource type; other types are never labelled. */
final class ResourceCodings {

    private static final Map<ResourceType, Function<Resource, Stream<CodeableConcept>>> CONCEPTS = Map.of(
            ResourceType.Condition, r -> Stream.of(((Condition) r).getCode()),
            ResourceType.Observation, r -> observation((Observation) r),
            ResourceType.Procedure, r -> Stream.of(((Procedure) r).getCode()),
            ResourceType.MedicationRequest, r -> medicationRequest((MedicationRequest) r),
            ResourceType.DiagnosticReport, r -> diagnosticReport((DiagnosticReport) r),
            ResourceType.Encounter, r -> ((Encounter) r).getReasonCode().stream(),
            ResourceType.Claim, r -> claim((Claim) r),
            ResourceType.ExplanationOfBenefit, r -> explanationOfBenefit((ExplanationOfBenefit) r));

    private ResourceCodings() {}

    /** The codings that decide the resource's labels (empty for resource types that are not labelled). */
    static List<Coding> of(Resource resource) {
        Function<Resource, Stream<CodeableConcept>> concepts = CONCEPTS.get(resource.getResourceType());
        if (concepts == null) {
            return List.of();
        }
        return concepts.apply(resource).flatMap(concept -> concept.getCoding().stream()).toList();
    }

    private static Stream<CodeableConcept> observation(Observation observation) {
        Stream<CodeableConcept> own = Stream.of(observation.getCode(), valueConcept(observation.getValue()));
        Stream<CodeableConcept> components = observation.getComponent().stream()
                .flatMap(c -> Stream.of(c.getCode(), valueConcept(c.getValue())));
        return Stream.concat(own, components);
    }

    private static Stream<CodeableConcept> medicationRequest(MedicationRequest request) {
        return Stream.concat(
                Stream.of(valueConcept(request.getMedication())), request.getReasonCode().stream());
    }

    private static Stream<CodeableConcept> diagnosticReport(DiagnosticReport report) {
        return Stream.concat(Stream.of(report.getCode()), report.getConclusionCode().stream());
    }

    private static Stream<CodeableConcept> claim(Claim claim) {
        return Stream.concat(
                claim.getItem().stream().map(Claim.ItemComponent::getProductOrService),
                claim.getDiagnosis().stream().map(d -> valueConcept(d.getDiagnosis())));
    }

    private static Stream<CodeableConcept> explanationOfBenefit(ExplanationOfBenefit eob) {
        return Stream.concat(
                eob.getItem().stream().map(ExplanationOfBenefit.ItemComponent::getProductOrService),
                eob.getDiagnosis().stream().map(d -> valueConcept(d.getDiagnosis())));
    }

    private static CodeableConcept valueConcept(Object value) {
        return value instanceof CodeableConcept concept ? concept : new CodeableConcept();
    }
}
