/**
 * The patient app's client of a provider node's JSON API over HTTP/1.1: the node's identity, relaying the patient's
 * signed operations (DID create and rotation, consent grant and revocation) to the ledger, enrolment by challenge,
 * consent status, delivery of the signed FHIR Consent to a holder, linking the patient's DIDs at two hospitals, the
 * patient's access log, and the patient's own records by DID auth (a FHIR Bundle kept byte for byte and only
 * counted). Failures are one exception family, {@link org.medmesh.patient.node.NodeException}.
 */
package org.medmesh.patient.node;
