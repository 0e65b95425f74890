package org.medmesh.fhir.hl7v2;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Composite;
import ca.uhn.hl7v2.model.Varies;
import ca.uhn.hl7v2.model.v25.segment.OBX;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.StringType;

/** OBX-5 by its value type OBX-2 (IG: NM, SN, ST/TX/FT, CE/CWE, DT/DTM/TS); other types are refused, not guessed. */
final class ObservationValues {

    private ObservationValues() {}

    static void map(OBX obx, Observation observation, MessageContext context) throws HL7Exception {
        String valueType = DataTypes.text(obx.getValueType());
        if (valueType == null) {
            throw new ConversionException(RejectReason.MISSING_FIELD, "OBX-2 (value type) is required when OBX-5 has a value",
                    ErrorLocation.field("OBX", 2));
        }
        Varies[] values = obx.getObservationValue();
        org.hl7.fhir.r4.model.Type value = switch (valueType) {
            case "NM" -> quantity(number(DataTypes.text(values[0])), obx);
            case "SN" -> structuredNumeric(values[0].getData(), obx);
            case "ST", "TX", "FT" -> new StringType(Arrays.stream(values).map(DataTypes::text)
                    .filter(s -> s != null).collect(Collectors.joining("\n")));
            case "CE", "CWE" -> concept(values[0].getData());
            case "DT", "DTM", "TS" -> Hl7Dates.dateTime(DataTypes.text(values[0]), context.zone());
            default -> throw new ConversionException(RejectReason.UNSUPPORTED_CONTENT,
                    "OBX-2 value type " + valueType + " is not mapped (NM, SN, ST, TX, FT, CE, CWE, DT, DTM, TS are)", null);
        };
        observation.setValue(value);
    }

    private static Quantity quantity(BigDecimal number, OBX obx) {
        Quantity quantity = new Quantity().setValue(number);
        String unit = DataTypes.text(obx.getUnits().getIdentifier());
        if (unit != null) {
            String systemName = DataTypes.text(obx.getUnits().getNameOfCodingSystem());
            String text = DataTypes.text(obx.getUnits().getText());
            quantity.setUnit(text != null ? text : unit).setCode(unit)
                    .setSystem(systemName == null ? CodeSystems.UCUM : CodeSystems.uri(systemName));
        }
        return quantity;
    }

    /** SN: comparator^num1^separator^num2, as a Quantity (with comparator), a Range ({@code -}) or a Ratio ({@code :} or {@code /}). */
    private static org.hl7.fhir.r4.model.Type structuredNumeric(ca.uhn.hl7v2.model.Type data, OBX obx) {
        String comparator = component(data, 0);
        BigDecimal first = number(component(data, 1));
        String separator = component(data, 2);
        if (separator == null) {
            Quantity quantity = quantity(first, obx);
            if (comparator != null) {
                quantity.setComparator(Quantity.QuantityComparator.fromCode(comparator));
            }
            return quantity;
        }
        BigDecimal second = number(component(data, 3));
        if ("-".equals(separator)) {
            return new Range().setLow(quantity(first, obx)).setHigh(quantity(second, obx));
        }
        return new Ratio().setNumerator(new Quantity().setValue(first)).setDenominator(new Quantity().setValue(second));
    }

    private static CodeableConcept concept(ca.uhn.hl7v2.model.Type data) {
        CodeableConcept concept = new CodeableConcept();
        String code = component(data, 0);
        String text = component(data, 1);
        String system = component(data, 2);
        if (code != null) {
            concept.addCoding(new Coding(system == null ? null : CodeSystems.uri(system), code, text));
        }
        return concept.setText(text);
    }

    private static String component(ca.uhn.hl7v2.model.Type data, int index) {
        if (data instanceof Composite composite) {
            try {
                ca.uhn.hl7v2.model.Type[] components = composite.getComponents();
                return index < components.length ? DataTypes.text(components[index]) : null;
            } catch (RuntimeException e) {
                throw ConversionException.invalid("unreadable component " + (index + 1));
            }
        }
        String text = DataTypes.text(data);
        if (text == null) {
            return null;
        }
        String[] parts = text.split("\\^", -1);
        return index < parts.length && !parts[index].isBlank() ? parts[index] : null;
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw ConversionException.invalid("not a number");
        }
    }
}
