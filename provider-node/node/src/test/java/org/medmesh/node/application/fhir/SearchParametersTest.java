package org.medmesh.node.application.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medmesh.fhirstore.DateCriterion;
import org.medmesh.fhirstore.IdCriterion;
import org.medmesh.fhirstore.LastUpdatedCriterion;
import org.medmesh.fhirstore.Prefix;
import org.medmesh.fhirstore.ReferenceCriterion;
import org.medmesh.fhirstore.SearchCriterion;
import org.medmesh.fhirstore.StringCriterion;
import org.medmesh.fhirstore.Token;
import org.medmesh.fhirstore.TokenCriterion;

class SearchParametersTest {
    private static final Map<String, RestSearchParameterTypeEnum> SUPPORTED = Map.of(
            "identifier", RestSearchParameterTypeEnum.TOKEN,
            "name", RestSearchParameterTypeEnum.STRING,
            "birthdate", RestSearchParameterTypeEnum.DATE,
            "general-practitioner", RestSearchParameterTypeEnum.REFERENCE,
            "age", RestSearchParameterTypeEnum.NUMBER);

    private static List<SearchCriterion> parse(String query) {
        return SearchParameters.parse("Patient", FhirStoreFixture.params(query), SUPPORTED);
    }

    @Nested
    class Tokens {
        @Test
        void reads_system_and_code() {
            Token npi = new Token("http://hl7.org/fhir/sid/us-npi", "9999912345");
            assertThat(parse("identifier=http://hl7.org/fhir/sid/us-npi|9999912345"))
                    .containsExactly(new TokenCriterion("identifier", List.of(npi)));
        }

        @Test
        void reads_code_without_system_code_alone_and_system_alone() {
            assertThat(parse("identifier=|a,b,sys|")).containsExactly(new TokenCriterion("identifier",
                    List.of(new Token("", "a"), Token.code("b"), new Token("sys", null))));
        }

        @Test
        void keeps_escaped_bars_and_commas_in_the_code() {
            assertThat(parse("identifier=s|a\\|b\\,c")).containsExactly(
                    new TokenCriterion("identifier", List.of(new Token("s", "a|b,c"))));
        }

        @Test
        void refuses_a_bare_bar() {
            assertThatThrownBy(() -> parse("identifier=|")).isInstanceOf(InvalidRequestException.class);
        }
    }

    @Nested
    class Combinations {
        @Test
        void ands_repeated_parameters() {
            assertThat(parse("name=ann&name=lee")).containsExactly(new StringCriterion("name", List.of("ann"), false),
                    new StringCriterion("name", List.of("lee"), false));
        }

        @Test
        void ignores_the_result_controls_the_caller_handles() {
            assertThat(parse("_count=5&_sort=name&_format=json&_pretty=true&_summary=count&_elements=id")).isEmpty();
        }

        @Test
        void ignores_empty_values() {
            assertThat(parse("name=")).isEmpty();
        }
    }

    @Nested
    class Values {
        @Test
        void reads_exact_strings() {
            assertThat(parse("name:exact=Ann")).containsExactly(new StringCriterion("name", List.of("Ann"), true));
        }

        @Test
        void reads_date_prefixes() {
            assertThat(parse("birthdate=ge2020-01-01")).containsExactly(
                    DateCriterion.of("birthdate", Prefix.GE, "2020-01-01"));
        }

        @Test
        void reads_dates_without_prefix_as_equal() {
            assertThat(parse("birthdate=2020-03")).containsExactly(DateCriterion.of("birthdate", Prefix.EQ, "2020-03"));
        }

        @Test
        void reads_last_updated_and_ids() {
            assertThat(parse("_lastUpdated=lt2021-01-01T10:00:00Z&_id=a,b")).containsExactly(
                    LastUpdatedCriterion.of(Prefix.LT, "2021-01-01T10:00:00Z"), new IdCriterion(List.of("a", "b")));
        }

        @Test
        void reads_references_as_typed_or_bare_ids_and_type_modifiers() {
            assertThat(parse("general-practitioner=Practitioner/1,2&general-practitioner:Practitioner=3"))
                    .containsExactly(new ReferenceCriterion("general-practitioner", List.of("Practitioner/1", "2")),
                            new ReferenceCriterion("general-practitioner", List.of("Practitioner/3")));
        }
    }

    @Nested
    class Refusals {
        @Test
        void refuses_an_unknown_parameter() {
            assertThatThrownBy(() -> parse("shoe-size=42")).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("shoe-size");
        }

        @Test
        void refuses_a_parameter_type_the_store_cannot_search() {
            assertThatThrownBy(() -> parse("age=42")).isInstanceOf(InvalidRequestException.class);
        }

        @Test
        void refuses_a_malformed_date_without_echoing_it() {
            assertThatThrownBy(() -> parse("birthdate=ge1999-13-45")).isInstanceOf(InvalidRequestException.class)
                    .hasMessageNotContaining("1999");
        }

        @Test
        void refuses_an_unknown_prefix() {
            assertThatThrownBy(() -> parse("birthdate=xx2020")).isInstanceOf(InvalidRequestException.class);
        }

        @Test
        void refuses_unsupported_modifiers() {
            assertThatThrownBy(() -> parse("name:contains=an")).isInstanceOf(InvalidRequestException.class);
            assertThatThrownBy(() -> parse("identifier:missing=true")).isInstanceOf(InvalidRequestException.class);
        }

        @Test
        void refuses_a_malformed_reference() {
            assertThatThrownBy(() -> parse("general-practitioner=a b")).isInstanceOf(InvalidRequestException.class);
        }
    }
}
