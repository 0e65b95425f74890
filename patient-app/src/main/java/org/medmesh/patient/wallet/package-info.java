/** The patient's keys and the operations only the patient can sign: identity, consent grant and revocation. */
package org.medmesh.patient.wallet;
