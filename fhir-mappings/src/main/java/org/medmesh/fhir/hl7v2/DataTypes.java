package org.medmesh.fhir.hl7v2;

import ca.uhn.hl7v2.model.Primitive;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.v25.datatype.CE;
import ca.uhn.hl7v2.model.v25.datatype.CX;
import ca.uhn.hl7v2.model.v25.datatype.EI;
import ca.uhn.hl7v2.model.v25.datatype.HD;
import ca.uhn.hl7v2.model.v25.datatype.XAD;
import ca.uhn.hl7v2.model.v25.datatype.XCN;
import ca.uhn.hl7v2.model.v25.datatype.XPN;
import ca.uhn.hl7v2.model.v25.datatype.XTN;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/** The v2-to-FHIR IG's datatype maps (CX, EI, CE/CWE, XPN, XAD, XTN, XCN) for the v2.5 model. */
final class DataTypes {

    private DataTypes() {}

    /** The text of a primitive, or the encoded text of anything else; null when empty. */
    static String text(Type type) {
        try {
            String value = type instanceof Primitive p ? p.getValue() : type.encode();
            return value == null || value.isBlank() ? null : value.strip();
        } catch (ca.uhn.hl7v2.HL7Exception e) {
            throw ConversionException.invalid("unreadable value: " + e.getMessage());
        }
    }

    static boolean empty(Type type) {
        return text(type) == null;
    }

    /** The identifier system of an assigning authority (HD), or null if it names none. */
    static String system(HD authority, Hl7v2Settings settings) {
        String universalId = text(authority.getUniversalID());
        String type = text(authority.getUniversalIDType());
        if (universalId != null && type != null) {
            switch (type) {
                case "ISO": return "urn:oid:" + universalId;
                case "UUID": return "urn:uuid:" + universalId.toLowerCase(java.util.Locale.ROOT);
                case "URI", "URL": return universalId;
                default: break;
            }
        }
        String namespace = text(authority.getNamespaceID());
        return namespace == null ? null : settings.systemForNamespace(namespace);
    }

    /** CX: ID number, system from CX-4 (else {@code fallbackSystem}), type from CX-5 (table 0203). */
    static Identifier identifier(CX cx, String fallbackSystem, Hl7v2Settings settings) {
        String system = system(cx.getAssigningAuthority(), settings);
        Identifier identifier = new Identifier()
                .setSystem(system != null ? system : fallbackSystem)
                .setValue(text(cx.getIDNumber()));
        String type = text(cx.getIdentifierTypeCode());
        if (type != null) {
            identifier.setType(new CodeableConcept(new Coding(CodeSystems.V2_TABLE + "0203", type, null)));
        }
        return identifier;
    }

    /** EI: entity identifier, system from EI-2..4 (else {@code fallbackSystem}). */
    static Identifier identifier(EI ei, String fallbackSystem, Hl7v2Settings settings) {
        HD authority = new HD(ei.getMessage());
        try {
            authority.getNamespaceID().setValue(text(ei.getNamespaceID()));
            authority.getUniversalID().setValue(text(ei.getUniversalID()));
            authority.getUniversalIDType().setValue(text(ei.getUniversalIDType()));
        } catch (ca.uhn.hl7v2.model.DataTypeException e) {
            throw ConversionException.invalid("unreadable entity identifier: " + e.getMessage());
        }
        String system = system(authority, settings);
        return new Identifier().setSystem(system != null ? system : fallbackSystem).setValue(text(ei.getEntityIdentifier()));
    }

    /** CE (and CWE, same first six components): the primary and the alternate coding, and the text. */
    static CodeableConcept concept(CE ce) {
        CodeableConcept concept = new CodeableConcept();
        addCoding(concept, text(ce.getIdentifier()), text(ce.getText()), text(ce.getNameOfCodingSystem()));
        addCoding(concept, text(ce.getAlternateIdentifier()), text(ce.getAlternateText()),
                text(ce.getNameOfAlternateCodingSystem()));
        String display = text(ce.getText());
        concept.setText(display != null ? display : text(ce.getAlternateText()));
        return concept;
    }

    /** A coding of a v2 table (HL7nnnn), for IS/ID values. */
    static CodeableConcept tableConcept(String table, String code) {
        return new CodeableConcept(new Coding(CodeSystems.V2_TABLE + table, code, null));
    }

    static HumanName name(XPN xpn) {
        HumanName name = new HumanName().setFamily(text(xpn.getFamilyName().getSurname()));
        addGiven(name, text(xpn.getGivenName()));
        addGiven(name, text(xpn.getSecondAndFurtherGivenNamesOrInitialsThereof()));
        String prefix = text(xpn.getPrefixEgDR());
        if (prefix != null) {
            name.addPrefix(prefix);
        }
        String suffix = text(xpn.getSuffixEgJRorIII());
        if (suffix != null) {
            name.addSuffix(suffix);
        }
        String type = text(xpn.getNameTypeCode());
        if ("L".equals(type)) {
            name.setUse(HumanName.NameUse.OFFICIAL);
        } else if ("D".equals(type)) {
            name.setUse(HumanName.NameUse.USUAL);
        } else if ("M".equals(type)) {
            name.setUse(HumanName.NameUse.MAIDEN);
        }
        return name;
    }

    static Address address(XAD xad) {
        Address address = new Address()
                .setCity(text(xad.getCity()))
                .setState(text(xad.getStateOrProvince()))
                .setPostalCode(text(xad.getZipOrPostalCode()))
                .setCountry(text(xad.getCountry()));
        addLine(address, text(xad.getStreetAddress().getStreetOrMailingAddress()));
        addLine(address, text(xad.getOtherDesignation()));
        String type = text(xad.getAddressType());
        if ("H".equals(type)) {
            address.setUse(Address.AddressUse.HOME);
        } else if ("B".equals(type) || "O".equals(type)) {
            address.setUse(Address.AddressUse.WORK);
        }
        return address;
    }

    /** XTN: e-mail from XTN-4 when XTN-3 is Internet, else the number (XTN-1, or XTN-6 and XTN-7). */
    static ContactPoint contact(XTN xtn, ContactPoint.ContactPointUse use) {
        String equipment = text(xtn.getTelecommunicationEquipmentType());
        if ("Internet".equalsIgnoreCase(equipment) || "X.400".equalsIgnoreCase(equipment)) {
            return new ContactPoint().setSystem(ContactPoint.ContactPointSystem.EMAIL)
                    .setValue(text(xtn.getEmailAddress())).setUse(use);
        }
        String number = text(xtn.getTelephoneNumber());
        if (number == null && text(xtn.getLocalNumber()) != null) {
            String area = text(xtn.getAreaCityCode());
            number = (area == null ? "" : "(" + area + ") ") + text(xtn.getLocalNumber());
        }
        ContactPoint.ContactPointSystem system = "FX".equals(equipment)
                ? ContactPoint.ContactPointSystem.FAX : ContactPoint.ContactPointSystem.PHONE;
        ContactPoint.ContactPointUse actualUse = "CP".equals(equipment) ? ContactPoint.ContactPointUse.MOBILE : use;
        return new ContactPoint().setSystem(system).setValue(number).setUse(actualUse);
    }

    /** XCN as a logical reference to a Practitioner: identifier (XCN-1, system XCN-9) and the name as display. */
    static Reference practitioner(XCN xcn, String fallbackSystem, Hl7v2Settings settings) {
        Reference reference = new Reference().setType("Practitioner");
        String id = text(xcn.getIDNumber());
        if (id != null) {
            String system = system(xcn.getAssigningAuthority(), settings);
            reference.setIdentifier(new Identifier().setSystem(system != null ? system : fallbackSystem).setValue(id));
        }
        String family = text(xcn.getFamilyName().getSurname());
        String given = text(xcn.getGivenName());
        String display = String.join(" ", java.util.stream.Stream.of(given, family)
                .filter(java.util.Objects::nonNull).toList());
        if (!display.isEmpty()) {
            reference.setDisplay(display);
        }
        return reference;
    }

    private static void addCoding(CodeableConcept concept, String code, String display, String systemName) {
        if (code == null) {
            return;
        }
        Coding coding = concept.addCoding().setCode(code).setDisplay(display);
        if (systemName != null) {
            coding.setSystem(CodeSystems.uri(systemName));
        }
    }

    private static void addGiven(HumanName name, String given) {
        if (given != null) {
            name.addGiven(given);
        }
    }

    private static void addLine(Address address, String line) {
        if (line != null) {
            address.addLine(line);
        }
    }
}
