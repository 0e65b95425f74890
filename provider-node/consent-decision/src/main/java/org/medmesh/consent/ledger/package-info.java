/** Consents as the ledger states them, and the DIDs they name: the input of the consent decision point. */
package org.medmesh.consent.ledger;
