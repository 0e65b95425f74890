/**
 * FHIR R4 Consent (IHE Privacy Consent on FHIR shapes) to and from the ledger's provision tree, faithfully or not at
 * all, and the exact bytes of the signed Consent whose SHA-256 the patient's grant carries.
 */
package org.medmesh.fhir.consent;
