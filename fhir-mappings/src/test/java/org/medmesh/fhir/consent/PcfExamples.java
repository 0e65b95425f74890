package org.medmesh.fhir.consent;

import ca.uhn.fhir.parser.StrictErrorHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.r4.model.Consent;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.fhir.Fhir;

/** The IHE PCF examples in {@code src/test/resources/consent/pcf} (see the README there for what was adapted). */
final class PcfExamples {

    static final Did PATIENT = Did.parsePatient("did:medmesh:2Ua28QPUqY2s7XPsVRpuXF9ye2AB6PoAft1mvp2D6Wh2");

    /** The examples the provision tree expresses exactly. */
    static final List<String> MAPPED = List.of(
            "ex-consent-basic-treat",
            "ex-consent-basic-reject",
            "ex-consent-expired-treat",
            "ex-consent-intermediate-purpose",
            "ex-dissent-intermediate-break-glass",
            "ex-consent-advanced-normal-not-restricted",
            "ex-consent-advanced-normal-focused-psy-or-sdv");

    private PcfExamples() {}

    static String json(String name) {
        String resource = "/consent/pcf/" + name + ".json";
        try (InputStream in = PcfExamples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no example " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh copy of the example, parsed strictly so that a typo in the file fails the test. */
    static Consent load(String name) {
        return Fhir.context().newJsonParser().setParserErrorHandler(new StrictErrorHandler())
                .parseResource(Consent.class, json(name));
    }
}
