package org.medmesh.node.application.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestUrlTest {
    @Test
    void reads_type_id_and_version() {
        assertThat(RequestUrl.parse("/Patient/abc-1/_history/3"))
                .isEqualTo(new RequestUrl("Patient", "abc-1", 3L, java.util.Map.of()));
    }

    @Test
    void decodes_percent_escapes_but_keeps_plus_signs() {
        RequestUrl url = RequestUrl.parse(
                "Observation?date=ge2020-01-01T00:00:00+01:00&code=http%3A%2F%2Floinc.org%7C1");
        assertThat(url.params()).containsEntry("date", List.of("ge2020-01-01T00:00:00+01:00"))
                .containsEntry("code", List.of("http://loinc.org|1"));
        assertThat(url.isConditional()).isTrue();
    }

    @Test
    void gives_the_same_condition_key_whatever_the_parameter_order() {
        assertThat(RequestUrl.parse("Patient?b=2&a=1").conditionKey())
                .isEqualTo(RequestUrl.parse("Patient?a=1&b=2").conditionKey());
    }

    @Test
    void refuses_absolute_urls_and_operations() {
        assertThatThrownBy(() -> RequestUrl.parse("http://x/fhir/Patient/1"))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> RequestUrl.parse("Patient/1/$everything")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> RequestUrl.parse("Patient?name=%zz")).isInstanceOf(InvalidRequestException.class);
    }
}
