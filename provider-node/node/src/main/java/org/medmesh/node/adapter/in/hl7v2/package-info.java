/**
 * HL7 v2 ingestion: ADT and ORU messages received over MLLP ({@link org.medmesh.node.adapter.in.hl7v2.MllpServer})
 * and over HTTP ({@code POST /hl7v2}), converted to FHIR, stored in one transaction and acknowledged.
 */
package org.medmesh.node.adapter.in.hl7v2;
