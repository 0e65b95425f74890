/**
 * The consent a patient grants, from plain choices (who may receive which records of which hospital, for what, when,
 * and which sensitive categories to withhold) to the exact things the ledger and the holders receive: the provision
 * tree, the FHIR Consent bytes and their SHA-256, and the signed grant.
 */
package org.medmesh.patient.consent;
