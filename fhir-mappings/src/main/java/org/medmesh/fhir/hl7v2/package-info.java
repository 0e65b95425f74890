/**
 * HL7 v2 (ADT A01/A03/A04/A08, ORU R01; v2.3 to v2.5.1) to FHIR R4 transaction Bundles with Provenance, following the
 * HL7 v2-to-FHIR segment maps, and the ACK/NAK that answers each message.
 */
package org.medmesh.fhir.hl7v2;
