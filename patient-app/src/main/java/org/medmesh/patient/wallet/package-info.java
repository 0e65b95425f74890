/**
 * The patient's wallet: the sealed wallet file with one pairwise identity per hospital, the keys and the operations
 * only the patient can sign (identity, consent grant and revocation, DID-auth responses), and the check a node
 * runs on a DID-auth response.
 */
package org.medmesh.patient.wallet;
