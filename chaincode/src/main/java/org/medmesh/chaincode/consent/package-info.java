/** Patient-signed consent grants (an IHE Privacy Consent on FHIR provision subset), their revocation, status and listing. */
package org.medmesh.chaincode.consent;
