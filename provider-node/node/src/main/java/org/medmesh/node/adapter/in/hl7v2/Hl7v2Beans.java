package org.medmesh.node.adapter.in.hl7v2;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.medmesh.fhir.hl7v2.Hl7v2Ack;
import org.medmesh.fhir.hl7v2.Hl7v2Converter;
import org.medmesh.fhir.hl7v2.Hl7v2Settings;

/** The converter and the acknowledgment builder, both thread-safe and shared by MLLP and HTTP. */
@Factory
class Hl7v2Beans {
    @Singleton
    Hl7v2Converter hl7v2Converter(Hl7v2Properties properties) {
        Hl7v2Settings settings = new Hl7v2Settings(properties.zone(), properties.authoritySystems(),
                Hl7v2Settings.DEFAULT_SYSTEM_PREFIX);
        return new Hl7v2Converter(settings, Clock.systemUTC(), UUID::randomUUID);
    }

    @Singleton
    Hl7v2Ack hl7v2Ack() {
        // MSH-10 is at most 20 characters in v2.5: a millisecond-seeded counter is unique across restarts and fits.
        AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);
        return new Hl7v2Ack(Clock.systemUTC(), () -> "MM" + sequence.incrementAndGet());
    }
}
