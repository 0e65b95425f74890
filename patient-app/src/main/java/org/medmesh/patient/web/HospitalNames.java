package org.medmesh.patient.web;

import org.medmesh.chaincode.identity.Did;

/** A hospital's name for people: its organisation DID's MSP id in words ("StMarysHospitalMSP" → "St Marys Hospital"). */
final class HospitalNames {
    private HospitalNames() {}

    static String of(Did did) {
        if (!did.isOrganization()) {
            return did.value();
        }
        String msp = did.mspId();
        if (msp.endsWith("MSP") && msp.length() > 3) {
            msp = msp.substring(0, msp.length() - 3);
        }
        return msp.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").replaceAll("(?<=[A-Z])(?=[A-Z][a-z])", " ");
    }
}
