package org.medmesh.fhir.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.ExplanationOfBenefit;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SensitivityLabelerTest {

    static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
    static final String SNOMED = "http://snomed.info/sct";
    static final String LOINC = "http://loinc.org";

    static final SensitivityLabeler DEFAULT = SensitivityLabeler.fromClasspath();

    static CodeableConcept concept(String system, String code) {
        return new CodeableConcept(new Coding(system, code, null));
    }

    /** A resource of {@code type} carrying the coding where the rules look for it. */
    static Resource resource(String type, String system, String code) {
        CodeableConcept concept = concept(system, code);
        return switch (type) {
            case "Condition" -> new Condition().setCode(concept);
            case "Observation" -> new Observation().setCode(concept);
            case "ObservationValue" -> new Observation().setCode(concept(LOINC, "8302-2")).setValue(concept);
            case "Procedure" -> new Procedure().setCode(concept);
            case "MedicationRequest" -> new MedicationRequest().setMedication(concept);
            case "DiagnosticReport" -> new DiagnosticReport().setCode(concept);
            case "Encounter" -> new Encounter().addReasonCode(concept);
            case "Claim" -> new Claim().addItem(new Claim.ItemComponent().setProductOrService(concept));
            case "ExplanationOfBenefit" -> new ExplanationOfBenefit()
                    .addItem(new ExplanationOfBenefit.ItemComponent().setProductOrService(concept));
            case "Patient" -> new Patient().setMaritalStatus(concept);
            default -> throw new IllegalArgumentException(type);
        };
    }

    static List<String> codes(Set<Coding> labels) {
        return labels.stream().map(Coding::getCode).toList();
    }

    @Nested
    class LabelsFor {

        @ParameterizedTest(name = "{0} {1}|{2} -> {3}")
        @CsvSource(delimiter = ';', value = {
            "Condition;        " + ICD10CM + "; B20;      HIV R",
            "Condition;        " + ICD10 + ";   B24;      HIV R",
            "Condition;        " + ICD10CM + "; Z21;      HIV R",
            "Condition;        " + SNOMED + ";  86406008; HIV R",
            "Observation;      " + LOINC + ";   75622-1;  HIV R",
            "DiagnosticReport; " + LOINC + ";   7917-8;   HIV R",
            "Condition;        " + ICD10CM + "; F32.A;    PSY R",
            "Condition;        " + ICD10CM + "; F41.1;    PSY R",
            "Encounter;        " + SNOMED + ";  35489007; PSY R",
            "Condition;        " + SNOMED + ";  73595000; PSY R",
            "Condition;        " + ICD10CM + "; F11.20;   ETH SUD R",
            "Claim;            " + SNOMED + ";  5602001;  ETH SUD R",
            "ExplanationOfBenefit; " + SNOMED + "; 55680006; ETH SUD R",
            "Procedure;        " + SNOMED + ";  56876005; ETH SUD R",
            "Condition;        " + ICD10CM + "; T74.21XA; SDV R",
            "Condition;        " + ICD10 + ";   Y05;      SDV R",
            "Condition;        " + ICD10CM + "; A54.00;   SEX R",
            "Procedure;        " + SNOMED + ";  714812005; SEX R",
            "ObservationValue; " + SNOMED + ";  165816005; HIV R",
        })
        void labels_a_sensitive_code(String type, String system, String code, String expected) {
            assertThat(codes(DEFAULT.labelsFor(resource(type.strip(), system.strip(), code.strip()))))
                    .containsExactlyElementsOf(Arrays.asList(expected.strip().split(" ")));
        }

        @ParameterizedTest(name = "{0} {1}|{2} -> none")
        @CsvSource(delimiter = ';', value = {
            "Condition;   " + ICD10CM + "; B19.9",      // hepatitis, just below the HIV range
            "Condition;   " + ICD10CM + "; B25",        // just above
            "Condition;   " + ICD10CM + "; F17.210",    // nicotine dependence: deliberately not SUD
            "Condition;   " + ICD10CM + "; F03.90",     // dementia: deliberately not PSY
            "Condition;   " + SNOMED + ";  72892002",   // normal pregnancy: deliberately not labelled
            "Condition;   " + SNOMED + ";  B20",        // an ICD code under the wrong system
            "Observation; " + LOINC + ";   8302-2",     // body height
            "MedicationRequest; http://www.nlm.nih.gov/research/umls/rxnorm; 313782",
            "Patient;     " + SNOMED + ";  86406008",   // Patient is not a labelled type
        })
        void leaves_other_codes_unlabelled(String type, String system, String code) {
            assertThat(DEFAULT.labelsFor(resource(type.strip(), system.strip(), code.strip()))).isEmpty();
        }

        @Test
        void gives_each_label_once_when_several_codings_match() {
            Condition condition = new Condition().setCode(new CodeableConcept()
                    .addCoding(new Coding(ICD10CM, "F11.20", null))
                    .addCoding(new Coding(SNOMED, "5602001", null))
                    .addCoding(new Coding(ICD10CM, "F32.9", null)));
            assertThat(codes(DEFAULT.labelsFor(condition))).containsExactly("ETH", "SUD", "PSY", "R");
        }

        @Test
        void writes_labels_in_the_v3_systems() {
            Set<Coding> labels = DEFAULT.labelsFor(resource("Condition", SNOMED, "86406008"));
            assertThat(labels).extracting(Coding::getSystem).containsExactly(SecurityLabels.ACT_CODE, SecurityLabels.CONFIDENTIALITY);
        }
    }

    @Nested
    class Apply {

        @Test
        void adds_the_labels_to_meta_security() {
            Resource condition = resource("Condition", ICD10CM, "B20");
            DEFAULT.apply(condition);
            assertThat(condition.getMeta().getSecurity()).extracting(Coding::getCode).containsExactly("HIV", "R");
        }

        @Test
        void is_idempotent() {
            Resource condition = resource("Condition", ICD10CM, "F10.20");
            DEFAULT.apply(condition);
            DEFAULT.apply(condition);
            assertThat(condition.getMeta().getSecurity()).extracting(Coding::getCode).containsExactly("ETH", "SUD", "R");
        }

        @Test
        void keeps_labels_already_present_and_does_not_duplicate_them() {
            Resource condition = resource("Condition", ICD10CM, "F20.0");
            condition.getMeta().addSecurity(SecurityLabels.ACT_CODE, "PSY", null);
            condition.getMeta().addSecurity("http://example.org/local", "VIP", null);
            DEFAULT.apply(condition);
            assertThat(condition.getMeta().getSecurity()).extracting(Coding::getCode).containsExactly("PSY", "VIP", "R");
        }

        @Test
        void raises_normal_confidentiality_to_restricted() {
            Resource condition = resource("Condition", ICD10CM, "F20.0");
            condition.getMeta().addSecurity(SecurityLabels.CONFIDENTIALITY, "N", null);
            DEFAULT.apply(condition);
            assertThat(condition.getMeta().getSecurity()).extracting(Coding::getCode).containsExactly("PSY", "R");
        }

        @Test
        void keeps_very_restricted_confidentiality() {
            Resource condition = resource("Condition", ICD10CM, "F20.0");
            condition.getMeta().addSecurity(SecurityLabels.CONFIDENTIALITY, "V", null);
            DEFAULT.apply(condition);
            assertThat(condition.getMeta().getSecurity()).extracting(Coding::getCode).containsExactly("V", "PSY");
        }

        @Test
        void leaves_an_unlabelled_resource_untouched() {
            Resource observation = resource("Observation", LOINC, "8302-2");
            DEFAULT.apply(observation);
            assertThat(observation.getMeta().hasSecurity()).isFalse();
        }
    }

    @Nested
    class FromFile {

        @TempDir
        Path dir;

        @Test
        void replaces_the_default_rules_with_the_file() throws IOException {
            Path rules = Files.writeString(dir.resolve("rules.json"), """
                    {"rules": [{"labels": ["PSY"], "why": "local policy: eating disorders",
                                "match": [{"systems": ["%s"], "ranges": ["F50-F50"]}]}]}
                    """.formatted(ICD10CM));
            SensitivityLabeler custom = SensitivityLabeler.fromFile(rules);
            assertThat(codes(custom.labelsFor(resource("Condition", ICD10CM, "F50.01")))).containsExactly("PSY", "R");
            assertThat(custom.labelsFor(resource("Condition", ICD10CM, "B20"))).isEmpty();
        }

        @Test
        void refuses_a_rule_without_codes() throws IOException {
            Path rules = Files.writeString(dir.resolve("rules.json"),
                    "{\"rules\": [{\"labels\": [\"HIV\"], \"match\": [{\"systems\": [\"x\"]}]}]}");
            assertThatThrownBy(() -> SensitivityLabeler.fromFile(rules)).isInstanceOf(InvalidRulesException.class)
                    .hasMessageContaining("codes or ranges");
        }

        @Test
        void refuses_an_unknown_property_rather_than_ignoring_a_misspelt_rule() throws IOException {
            Path rules = Files.writeString(dir.resolve("rules.json"),
                    "{\"rules\": [{\"label\": [\"HIV\"], \"match\": []}]}");
            assertThatThrownBy(() -> SensitivityLabeler.fromFile(rules)).isInstanceOf(InvalidRulesException.class);
        }
    }
}
