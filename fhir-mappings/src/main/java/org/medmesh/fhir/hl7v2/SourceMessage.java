package org.medmesh.fhir.hl7v2;

/**
 * What the header of a received message says, as far as it could be read; fields that could not be read are empty.
 * The ACK is addressed with it and the Provenance names it.
 *
 * @param sendingApplication MSH-3, namespace id
 * @param sendingFacility MSH-4, namespace id
 * @param receivingApplication MSH-5
 * @param receivingFacility MSH-6
 * @param messageType MSH-9, e.g. {@code ADT^A01}
 * @param controlId MSH-10
 * @param processingId MSH-11, e.g. {@code P}
 * @param version MSH-12, e.g. {@code 2.5.1}
 */
public record SourceMessage(
        String sendingApplication,
        String sendingFacility,
        String receivingApplication,
        String receivingFacility,
        String messageType,
        String controlId,
        String processingId,
        String version) {

    public SourceMessage {
        sendingApplication = blankIfNull(sendingApplication);
        sendingFacility = blankIfNull(sendingFacility);
        receivingApplication = blankIfNull(receivingApplication);
        receivingFacility = blankIfNull(receivingFacility);
        messageType = blankIfNull(messageType);
        controlId = blankIfNull(controlId);
        processingId = blankIfNull(processingId);
        version = blankIfNull(version);
    }

    /** A header nothing could be read from. */
    public static SourceMessage unknown() {
        return new SourceMessage("", "", "", "", "", "", "", "");
    }

    private static String blankIfNull(String value) {
        return value == null ? "" : value.strip();
    }
}
