package org.medmesh.chaincode.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.Test;

class DidTest {

    @Test
    void binds_an_organisation_did_to_its_msp_id() {
        assertThat(Did.forOrganization("Hospital1MSP").mspId()).isEqualTo("Hospital1MSP");
        assertThat(Did.parse("did:medmesh:org:Hospital1MSP").isOrganization()).isTrue();
    }

    @Test
    void accepts_other_methods_by_generic_syntax() {
        assertThat(Did.parse("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK").isPatient()).isFalse();
    }

    @Test
    void refuses_a_did_containing_the_index_separator() {
        assertThatThrownBy(() -> Did.parse("did:medmesh:a|b")).isInstanceOf(ChaincodeException.class);
    }

    @Test
    void refuses_a_patient_did_where_an_organisation_is_required() {
        assertThatThrownBy(() -> Did.parseOrganization("did:medmesh:3yQ7nC9c5pH2mJ8kL4xW1vB6nT2rS9dF5gH8jK3mN7pQ"))
                .isInstanceOf(ChaincodeException.class);
    }
}
