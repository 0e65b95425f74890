package org.medmesh.node.application.fhir;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** FHIR's version ETags: {@code W/"3"}; If-Match also accepts {@code "3"} and {@code 3}. */
final class ETags {
    private static final Pattern VERSION = Pattern.compile("(?:W/)?\"?([1-9]\\d{0,17})\"?");

    private ETags() {}

    static String of(long version) {
        return "W/\"" + version + "\"";
    }

    /** The version an If-Match asks for; null without one. */
    static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        Matcher matcher = VERSION.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw new InvalidRequestException("If-Match is not a version ETag such as W/\"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }
}
