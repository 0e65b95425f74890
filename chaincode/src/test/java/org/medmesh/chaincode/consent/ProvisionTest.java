package org.medmesh.chaincode.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.Test;
import org.medmesh.chaincode.json.CanonicalJson;

class ProvisionTest {

    private static Provision parse(String json) {
        return Provision.parse(CanonicalJson.parse(json));
    }

    private static void assertMalformed(String json) {
        assertThatThrownBy(() -> parse(json)).isInstanceOf(ChaincodeException.class);
    }

    @Test
    void parses_a_permit_with_one_level_of_exceptions() {
        Provision provision = parse("{\"type\":\"permit\",\"grantees\":[\"did:medmesh:org:H2\"],\"purposes\":[\"TREAT\"],"
                + "\"classes\":[\"Observation\"],\"provisions\":[{\"type\":\"deny\",\"securityLabels\":[\"HIV\"]}]}");
        assertThat(provision.type()).isEqualTo(ProvisionType.PERMIT);
        assertThat(provision.purposes()).containsExactly(PurposeOfUse.TREAT);
        assertThat(provision.provisions().get(0).securityLabels()).containsExactly(SecurityLabel.HIV);
    }

    @Test
    void writes_back_what_it_parsed() {
        String json = "{\"classes\":[\"Observation\"],\"period\":{\"end\":\"2027-01-01T00:00:00Z\"},\"type\":\"permit\"}";
        assertThat(CanonicalJson.write(parse(json).toJson())).isEqualTo(json);
    }

    @Test
    void refuses_a_second_level_of_nesting() {
        assertMalformed("{\"type\":\"permit\",\"provisions\":[{\"type\":\"deny\",\"provisions\":[{\"type\":\"permit\"}]}]}");
    }

    @Test
    void refuses_an_unknown_purpose() {
        assertMalformed("{\"type\":\"permit\",\"purposes\":[\"SHOPPING\"]}");
    }

    @Test
    void refuses_an_unknown_security_label() {
        assertMalformed("{\"type\":\"permit\",\"securityLabels\":[\"SECRET\"]}");
    }

    @Test
    void refuses_a_class_that_is_not_a_resource_type_name() {
        assertMalformed("{\"type\":\"permit\",\"classes\":[\"observation\"]}");
    }

    @Test
    void refuses_duplicate_array_elements() {
        assertMalformed("{\"type\":\"permit\",\"purposes\":[\"TREAT\",\"TREAT\"]}");
    }

    @Test
    void refuses_a_grantee_that_is_not_an_organisation() {
        assertMalformed("{\"type\":\"permit\",\"grantees\":[\"did:key:z6Mkabc\"]}");
    }

    @Test
    void refuses_a_period_that_ends_before_it_starts() {
        assertMalformed("{\"type\":\"permit\",\"period\":{\"start\":\"2027-01-01T00:00:00Z\",\"end\":\"2026-01-01T00:00:00Z\"}}");
    }

    @Test
    void refuses_an_unknown_type() {
        assertMalformed("{\"type\":\"PERMIT\"}");
    }

    @Test
    void refuses_an_unknown_field() {
        assertMalformed("{\"type\":\"permit\",\"actor\":[]}");
    }
}
