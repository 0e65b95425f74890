package org.medmesh.chaincode.accesslog;

import static org.medmesh.chaincode.error.Refusals.require;

import java.time.Instant;
import org.medmesh.chaincode.identity.Did;

/**
 * Simple-key time indexes of access events: {@code ax|<p|r|h>|<did>|<epoch millis, 13 digits>|<eventId>}.
 * Fabric's range queries refuse composite keys, and fixed-width times make lexical order chronological.
 */
enum AccessIndex {
    PATIENT("p"),
    REQUESTER("r"),
    HOLDER("h");

    /** 13 digits cover 1970 to the year 2286. */
    private static final long MAX_MILLIS = 9_999_999_999_999L;

    private final String tag;

    AccessIndex(String tag) {
        this.tag = tag;
    }

    String key(Did did, Instant time, String eventId) {
        return prefix(did) + millis(time) + "|" + eventId;
    }

    /** Inclusive lower bound for events at or after {@code from}. */
    String startKey(Did did, Instant from) {
        return prefix(did) + millis(from);
    }

    /** Exclusive upper bound for events at or before {@code to}: the first key of the next millisecond. */
    String endKey(Did did, Instant to) {
        long next = Math.min(epochMillis(to) + 1, MAX_MILLIS);
        return prefix(did) + pad(next);
    }

    private String prefix(Did did) {
        return "ax|" + tag + "|" + did.value() + "|";
    }

    private static String millis(Instant time) {
        return pad(epochMillis(time));
    }

    private static long epochMillis(Instant time) {
        boolean inRange = !time.isBefore(Instant.EPOCH) && !time.isAfter(Instant.ofEpochMilli(MAX_MILLIS));
        require(inRange, "time outside the indexable range");
        return time.toEpochMilli();
    }

    private static String pad(long millis) {
        String digits = Long.toString(millis);
        return "0".repeat(13 - digits.length()) + digits;
    }
}
