package org.medmesh.chaincode.accesslog;

import java.util.Locale;
import org.medmesh.chaincode.consent.Codes;

/** The holder's decision on a request. */
public enum Decision {
    PERMIT,
    DENY;

    public static Decision parse(String code) {
        return Codes.parseLowercase(Decision.class, code, "decision");
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
