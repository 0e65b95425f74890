package org.medmesh.fhir;

import ca.uhn.fhir.context.FhirContext;

/** The one R4 {@link FhirContext} of the process: building it scans the model and is expensive; it is thread-safe. */
public final class Fhir {

    private Fhir() {}

    /** The shared R4 context, built on first use. */
    public static FhirContext context() {
        return Holder.CONTEXT;
    }

    // Initialisation-on-demand holder: the JVM builds the context once, lazily and thread-safely.
    private static final class Holder {
        private static final FhirContext CONTEXT = FhirContext.forR4();
    }
}
