package org.medmesh.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;

/**
 * The one R4 {@link FhirContext} of the process: building it scans the model and is expensive; it is thread-safe.
 * Its parsers are strict: an unknown element or an invalid value is an error, never silently dropped, so nothing
 * half-understood is stored or signed.
 */
public final class Fhir {

    private Fhir() {}

    /** The shared R4 context, built on first use. */
    public static FhirContext context() {
        return Holder.CONTEXT;
    }

    // Initialisation-on-demand holder: the JVM builds the context once, lazily and thread-safely.
    private static final class Holder {
        private static final FhirContext CONTEXT = strict(FhirContext.forR4());

        private static FhirContext strict(FhirContext context) {
            context.setParserErrorHandler(new StrictErrorHandler());
            return context;
        }
    }
}
