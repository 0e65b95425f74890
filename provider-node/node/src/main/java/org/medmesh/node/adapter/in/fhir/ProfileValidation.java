package org.medmesh.node.adapter.in.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.rest.server.interceptor.RequestValidatingInterceptor;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.medmesh.fhir.Fhir;

/**
 * Profile validation with HAPI's instance validator against the base FHIR R4 specification: structure,
 * cardinality, datatypes, invariants (FHIRPath constraints) and required bindings to value sets the validator
 * can expand in memory. There is no terminology server here, so codes from SNOMED CT, LOINC or RxNorm are
 * checked for form, not membership; profiles the node does not know (US Core in Synthea's {@code meta.profile})
 * are reported as warnings, not errors. Only errors refuse a resource.
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
     * Refuses a resource with validation errors: 422 with the validator's OperationOutcome, nothing stored. The
     * validator reads a copy: it would rewrite the ids of a Bundle's entries from their fullUrls.
     */
    public static void requireValid(Resource resource) {
        ValidationResult result = validator().validateWithResult(resource.copy());
        if (result.getMessages().stream().anyMatch(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())) {
            throw new UnprocessableEntityException(Fhir.context(), result.toOperationOutcome());
        }
    }

    /** HAPI's interceptor validating every request body (create, update, transaction, batch) before it is handled. */
    static RequestValidatingInterceptor requestInterceptor() {
        RequestValidatingInterceptor interceptor = new RequestValidatingInterceptor();
        interceptor.setValidator(validator());
        interceptor.setFailOnSeverity(ResultSeverityEnum.ERROR);
        // Warnings stay out of response headers: they can be long and would repeat the request's contents.
        interceptor.setAddResponseHeaderOnSeverity(null);
        return interceptor;
    }

    private static FhirValidator build(FhirContext context) {
        ValidationSupportChain support = new ValidationSupportChain(
                new DefaultProfileValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context));
        FhirInstanceValidator module = new FhirInstanceValidator(support);
        module.setAnyExtensionsAllowed(true);
        module.setErrorForUnknownProfiles(false);
        FhirValidator validator = context.newValidator();
        validator.registerValidatorModule(module);
        return validator;
    }

    // Initialisation-on-demand holder: built once, lazily and thread-safely.
    private static final class Holder {
        private static final FhirValidator VALIDATOR = build(Fhir.context());
    }
}
