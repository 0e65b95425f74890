package org.medmesh.node.adapter.in.hl7v2;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.MapFormat;
import io.micronaut.core.naming.conventions.StringConvention;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * HL7 v2 ingestion settings ({@code medmesh.hl7v2.*}); every one is documented in the module README. The MLLP
 * listener runs only when {@code mllp-port} is set.
 *
 * @param mllpPort MLLP listener port; unset: no listener; 0: an ephemeral port (tests)
 * @param mllpHost address the listener binds to; default {@code 127.0.0.1}, because MLLP has no authentication
 * @param mllpThreads connections handled at once (default 4); more are closed at once and the sender retries
 * @param mllpMaxMessageBytes largest message accepted in one frame (default 1 MiB); larger gets an AR and a close
 * @param mllpReadTimeout a connection silent for this long is closed (default 60 s)
 * @param charset the characters of MLLP frames (default UTF-8); HTTP bodies use their Content-Type charset
 * @param timeZone the zone of times sent without an offset (default: the system zone)
 * @param authoritySystems identifier systems for assigning-authority namespace ids sent without an OID, e.g.
 *     {@code STMARYS: urn:oid:1.2.840.114350.1.13.1}; others get {@code urn:medmesh:hl7v2:authority:<id>}
 */
@ConfigurationProperties("medmesh.hl7v2")
public record Hl7v2Properties(@Nullable Integer mllpPort, @Nullable String mllpHost, @Nullable Integer mllpThreads,
        @Nullable Integer mllpMaxMessageBytes, @Nullable Duration mllpReadTimeout, @Nullable String charset,
        @Nullable String timeZone,
        @Nullable @MapFormat(keyFormat = StringConvention.RAW) Map<String, String> authoritySystems) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024;

    public Hl7v2Properties {
        if (mllpPort != null && (mllpPort < 0 || mllpPort > 65_535)) {
            throw new IllegalArgumentException("medmesh.hl7v2.mllp-port must be 0 to 65535");
        }
        mllpHost = mllpHost == null || mllpHost.isBlank() ? DEFAULT_HOST : mllpHost.strip();
        mllpThreads = positive(mllpThreads, 4, "mllp-threads");
        mllpMaxMessageBytes = positive(mllpMaxMessageBytes, DEFAULT_MAX_MESSAGE_BYTES, "mllp-max-message-bytes");
        mllpReadTimeout = mllpReadTimeout == null ? Duration.ofSeconds(60) : mllpReadTimeout;
        if (mllpReadTimeout.isNegative() || mllpReadTimeout.isZero()) {
            throw new IllegalArgumentException("medmesh.hl7v2.mllp-read-timeout must be positive");
        }
        charset = charset == null || charset.isBlank() ? "UTF-8" : charset.strip();
        Charset.forName(charset);
        timeZone = timeZone == null || timeZone.isBlank() ? ZoneId.systemDefault().getId() : timeZone.strip();
        ZoneId.of(timeZone);
        authoritySystems = authoritySystems == null ? Map.of() : Map.copyOf(authoritySystems);
    }

    /** The charset of MLLP frames. */
    public Charset mllpCharset() {
        return Charset.forName(charset);
    }

    /** The zone of local times in messages. */
    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    private static int positive(Integer value, int fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value < 1) {
            throw new IllegalArgumentException("medmesh.hl7v2." + name + " must be at least 1");
        }
        return value;
    }
}
