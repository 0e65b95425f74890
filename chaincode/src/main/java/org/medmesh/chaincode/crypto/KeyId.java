package org.medmesh.chaincode.crypto;

import static org.medmesh.chaincode.error.Refusals.require;

/**
 * A JWS key id naming a verification method of a DID: {@code <did>#<fragment>}.
 *
 * @param did the DID part, checked for DID syntax by whoever resolves it
 * @param fragment the verification method's fragment, e.g. {@code sign}
 */
public record KeyId(String did, String fragment) {

    public KeyId {
        require(did != null && did.startsWith("did:") && did.indexOf('#') < 0, "kid must start with a DID");
        require(fragment != null && fragment.matches("[A-Za-z0-9_-]{1,32}"), "kid needs a simple fragment");
    }

    public static KeyId parse(String kid) {
        int hash = kid.indexOf('#');
        require(hash > 0, "kid must be <did>#<fragment>");
        return new KeyId(kid.substring(0, hash), kid.substring(hash + 1));
    }

    @Override
    public String toString() {
        return did + "#" + fragment;
    }
}
