package org.medmesh.node.adapter.in.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditInterceptorTest {
    private static final Set<String> R4 = Set.of("read", "vread", "update", "patch", "delete", "history",
            "history-instance", "history-type", "history-system", "create", "search", "search-type", "search-system",
            "capabilities", "transaction", "batch", "operation");

    @Test
    void every_hapi_operation_type_is_recorded_with_an_r4_restful_interaction_code() {
        assertThat(Arrays.stream(RestOperationTypeEnum.values()).map(AuditInterceptor::interaction))
                .allMatch(R4::contains);
        assertThat(AuditInterceptor.interaction(RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE))
                .isEqualTo("operation");
        assertThat(AuditInterceptor.interaction(RestOperationTypeEnum.METADATA)).isEqualTo("capabilities");
        assertThat(AuditInterceptor.interaction(RestOperationTypeEnum.READ)).isEqualTo("read");
    }
}
