/**
 * Enrolment: a hospital links its local Patient to the patient's pairwise DID only after the patient's wallet
 * signs a one-time code the hospital issued (DID auth), so nobody can attach their DID to someone else's records.
 */
package org.medmesh.node.application.enrolment;
