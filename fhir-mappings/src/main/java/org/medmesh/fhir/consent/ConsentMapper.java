package org.medmesh.fhir.consent;

import java.util.Objects;
import org.hl7.fhir.r4.model.Consent;
import org.medmesh.chaincode.consent.Provision;

/**
 * FHIR R4 Consent (IHE Privacy Consent on FHIR shapes) to and from the ledger's provision tree, faithfully or not at
 * all: a Consent the tree cannot express exactly is refused with a {@link ConsentMappingException}, never narrowed or
 * widened. The rules are listed in the module README. Stateless and thread-safe.
 */
public final class ConsentMapper {

    private ConsentMapper() {}

    /**
     * The provision tree of a MedMesh Consent.
     *
     * @throws ConsentMappingException if any part of the Consent, header included, cannot be kept exactly
     */
    public static Provision toProvision(Consent consent) {
        return ConsentReader.read(consent).provision();
    }

    /**
     * The patient, date and policy of a MedMesh Consent, read under the same rules as {@link #toProvision}: a Consent
     * either yields both or neither.
     *
     * @throws ConsentMappingException if any part of the Consent cannot be kept exactly
     */
    public static ConsentHeader headerOf(Consent consent) {
        return ConsentReader.read(consent).header();
    }

    /**
     * A new Consent that states exactly this provision tree: status active, scope patient-privacy, category LOINC
     * 59284-0, the patient (also as performer) and the actors identified by DID, dateTime, policy.uri, and the
     * provision. {@code toProvision(toConsent(p, h))} equals {@code p}; this method checks it before returning.
     *
     * @throws ConsentMappingException if the tree holds what a Consent cannot carry back, e.g. a class that is not an
     *     R4 resource type, or an instant outside the years 0000 to 9999
     */
    public static Consent toConsent(Provision provision, ConsentHeader header) {
        Objects.requireNonNull(provision, "provision");
        Objects.requireNonNull(header, "header");
        Consent consent = ConsentWriter.write(provision, header);
        ConsentReader.Read back = ConsentReader.read(consent);
        if (!back.provision().equals(provision) || !back.header().equals(header)) {
            throw new IllegalStateException("a written Consent did not read back to the same provision");
        }
        return consent;
    }
}
