/**
 * The node's side of consent: the patient's signed FHIR Consent as delivered by the wallet. The decision rules are
 * in {@code org.medmesh.consent.decision} (module {@code consent-decision}), shared with the patient app.
 */
package org.medmesh.node.domain.consent;
