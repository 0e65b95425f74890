package org.medmesh.patient.cli;

import org.hyperledger.fabric.shim.ChaincodeException;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.node.NodeIdentity;

/**
 * A hospital as the patient named it on the command line, by organisation DID or by its node's address, with the
 * words to call it by: the name its node gives, else its MSP id ({@link PlainWords#hospital}).
 *
 * @param did the hospital's organisation DID
 * @param label how the output names it
 */
record Hospital(Did did, String label) {

    static Hospital of(NodeIdentity identity) {
        return new Hospital(identity.did(), identity.label());
    }

    /** A DID is taken as it is; an address is asked for the DID of the hospital it serves. */
    static Hospital named(Session session, String text) {
        if (!text.startsWith("did:")) {
            return of(session.nodes().identity(Session.nodeAddress(text)));
        }
        try {
            Did did = Did.parseOrganization(text);
            return new Hospital(did, PlainWords.hospital(did, session.details()));
        } catch (ChaincodeException e) {
            throw CliFailure.usage("not a hospital DID: " + text + " (did:medmesh:org:…)");
        }
    }
}
