package org.medmesh.chaincode.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.chaincode.json.CanonicalJson;
import org.medmesh.ledger.embedded.OrgCa;
import org.medmesh.ledger.embedded.OrgIdentity;

/** A hospital: its Fabric CA and node identity, and the node's DID keys. */
public final class TestOrganization {

    private final OrgCa ca;
    private final OrgIdentity node;
    private final JwsSigner signing = JwsSigner.generate();
    private final String agreementKey = JwsSigner.generate().encodedPublicKey();

    private TestOrganization(OrgCa ca) {
        this.ca = ca;
        this.node = ca.issue("node1");
    }

    public static TestOrganization generate(String mspId) {
        return new TestOrganization(OrgCa.generate(mspId));
    }

    public OrgCa ca() {
        return ca;
    }

    public OrgIdentity node() {
        return node;
    }

    public String mspId() {
        return ca.mspId();
    }

    public Did did() {
        return Did.forOrganization(ca.mspId());
    }

    public String didText() {
        return did().value();
    }

    public ObjectNode registration() {
        ObjectNode json = CanonicalJson.object();
        json.put("mspId", mspId());
        json.put("signingKey", signing.encodedPublicKey());
        json.put("agreementKey", agreementKey);
        json.put("serviceEndpoint", "https://" + mspId().toLowerCase(Locale.ROOT) + ".example.org/medmesh");
        return json;
    }

    public String registrationJson() {
        return CanonicalJson.write(registration());
    }
}
