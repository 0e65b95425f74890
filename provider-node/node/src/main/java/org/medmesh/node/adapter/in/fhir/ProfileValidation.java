package org.medmesh.node.adapter.in.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;
import org.medmesh.fhir.Fhir;

/**
 * Profile validation with HAPI's instance validator against the base FHIR R4 specification: structure,
 * cardinality, datatypes, invariants (FHIRPath constraints) and required bindings to value sets the validator
 * can expand in memory. There is no terminology server here, so codes from SNOMED CT, LOINC or RxNorm are
 * checked for form, not membership (unknown code systems are warnings); profiles the node does not hold (US Core
 * in Synthea's {@code meta.profile}) are warnings too. Only errors refuse a resource.
 *
 * <p>A transaction or batch Bundle is validated entry by entry, in parallel: the validator's whole-Bundle mode
 * cross-checks references between entries in quadratic time (minutes for a 5,000-entry Synthea patient), and
 * the node resolves and checks those references itself when it processes the Bundle.
 *
 * <p>One validator per process: it holds ~200 MB of profiles and needs seconds to warm up, and it is thread-safe.
 */
public final class ProfileValidation {

    private ProfileValidation() {}

    /** The process's validator, built on first use. */
    public static FhirValidator validator() {
        return Holder.VALIDATOR;
    }

    /** Loads the profiles and compiles the validator's caches with one small validation. */
    public static void warmUp() {
        Patient patient = new Patient();
        patient.addName().setFamily("Warm-up");
        validator().validateWithResult(patient);
    }

    /**
     * Refuses a resource with validation errors: 422 with an OperationOutcome of every error (for a Bundle, each
     * located in its entry), nothing stored. The validator reads copies: it would rewrite ids from fullUrls.
     */
    public static void requireValid(Resource resource) {
        List<OperationOutcome.OperationOutcomeIssueComponent> errors = resource instanceof Bundle bundle
                && (bundle.getType() == Bundle.BundleType.TRANSACTION || bundle.getType() == Bundle.BundleType.BATCH)
                ? entryErrors(bundle) : errors(resource, "");
        if (!errors.isEmpty()) {
            OperationOutcome outcome = new OperationOutcome();
            outcome.getIssue().addAll(errors);
            throw new UnprocessableEntityException(Fhir.context(), outcome);
        }
    }

    private static List<OperationOutcome.OperationOutcomeIssueComponent> entryErrors(Bundle bundle) {
        List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
        return IntStream.range(0, entries.size()).parallel()
                .mapToObj(i -> entries.get(i).getResource() == null ? List.<OperationOutcome
                        .OperationOutcomeIssueComponent>of() : errors(entries.get(i).getResource(),
                        "Bundle.entry[" + i + "].resource"))
                .flatMap(List::stream)
                .toList();
    }

    private static List<OperationOutcome.OperationOutcomeIssueComponent> errors(Resource resource, String prefix) {
        List<OperationOutcome.OperationOutcomeIssueComponent> issues = new ArrayList<>();
        for (SingleValidationMessage message : validator().validateWithResult(resource.copy()).getMessages()) {
            if (message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()) {
                String location = message.getLocationString() == null ? resource.fhirType()
                        : message.getLocationString();
                String expression = prefix.isEmpty() ? location
                        : prefix + location.substring(location.indexOf('.') < 0 ? location.length()
                                : location.indexOf('.'));
                OperationOutcome.OperationOutcomeIssueComponent issue = new OperationOutcome
                        .OperationOutcomeIssueComponent()
                        .setSeverity(message.getSeverity() == ResultSeverityEnum.FATAL
                                ? OperationOutcome.IssueSeverity.FATAL : OperationOutcome.IssueSeverity.ERROR)
                        .setCode(OperationOutcome.IssueType.PROCESSING)
                        .setDiagnostics(message.getMessage());
                issue.addExpression(expression);
                issues.add(issue);
            }
        }
        return issues;
    }

    private static FhirValidator build(FhirContext context) {
        ValidationSupportChain support = new ValidationSupportChain(
                new DefaultProfileValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context),
                new UnknownCodeSystemWarningValidationSupport(context));
        FhirInstanceValidator module = new FhirInstanceValidator(support);
        module.setAnyExtensionsAllowed(true);
        module.setErrorForUnknownProfiles(false);
        // Best-practice advice ("observations should have a performer") is not the node's to enforce: skipped.
        module.setBestPracticeWarningLevel(BestPracticeWarningLevel.Ignore);
        FhirValidator validator = context.newValidator();
        validator.registerValidatorModule(module);
        return validator;
    }

    // Initialisation-on-demand holder: built once, lazily and thread-safely.
    private static final class Holder {
        private static final FhirValidator VALIDATOR = build(Fhir.context());
    }
}
