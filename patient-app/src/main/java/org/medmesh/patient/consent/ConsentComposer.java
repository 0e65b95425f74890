package org.medmesh.patient.consent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.hl7.fhir.r4.model.Consent;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.chaincode.consent.Provision;
import org.medmesh.chaincode.crypto.CompactJws;
import org.medmesh.fhir.consent.ConsentDocuments;
import org.medmesh.fhir.consent.ConsentHeader;
import org.medmesh.fhir.consent.ConsentMapper;
import org.medmesh.patient.wallet.PatientIdentity;

/**
 * Turns a patient's choices into a signed consent: the provision tree, the FHIR Consent stating exactly that tree
 * (IHE Privacy Consent on FHIR, via {@link ConsentMapper}), its bytes serialised once and hashed, and the grant
 * signed over tree and hash with the patient's pairwise DID at the holder.
 */
public final class ConsentComposer {

    /** The privacy policy the patient accepts: recorded in Consent.policy.uri, not interpreted by the ledger. */
    public static final String POLICY = "https://medmesh.org/policy/consent/v1";

    private ConsentComposer() {}

    /**
     * Composes and signs. {@code issuedAt} is kept to whole seconds, so that the Consent's dateTime and the grant's
     * issuedAt state the same instant in the same spelling.
     *
     * @param signer the patient's identity at {@code choices.holder()}; it must be registered on the ledger for the
     *     grant to be accepted
     * @throws org.medmesh.fhir.consent.ConsentMappingException if a Consent cannot state the choices exactly (e.g.
     *     a record kind that is not an R4 resource type)
     */
    public static ComposedConsent compose(ConsentChoices choices, PatientIdentity signer, Instant issuedAt) {
        Instant signedAt = issuedAt.truncatedTo(ChronoUnit.SECONDS);
        Provision provision = choices.toProvision();
        Consent consent = ConsentMapper.toConsent(provision, new ConsentHeader(signer.did(), signedAt, POLICY));
        byte[] document = ConsentDocuments.documentBytes(consent);
        String consentHash = ConsentDocuments.sha256Hex(document);
        String grant = signer.signedGrant(provision, consentHash, signedAt);
        ConsentId id = ConsentId.of(CompactJws.parse(grant).payload());
        return new ComposedConsent(id, provision, new String(document, StandardCharsets.UTF_8), consentHash, grant,
                signedAt);
    }
}
