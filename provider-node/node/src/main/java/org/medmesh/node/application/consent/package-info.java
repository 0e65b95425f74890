/**
 * Consent use cases at a node: relaying a patient's signed grant with the signed FHIR Consent it covers, taking in
 * the Consent as a holder, and deciding requests against the patient's consents (cached, kept fresh by ledger
 * events; the ledger's access-log check has the last word).
 */
package org.medmesh.node.application.consent;
