package org.medmesh.patient.node;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.chaincode.identity.Did;

/**
 * {@code GET /relay/access}, page after page until the node gives no bookmark (or an empty page, which is how a
 * ledger's last bookmark answers). The same DID-auth response proves control of the DID for every page: a node
 * accepts it for five minutes, long enough for any log a patient has. Every event must be about that DID.
 */
final class AccessLogPages {

    static final String DID_AUTH_HEADER = "MedMesh-DID-Auth";
    static final int PAGE_SIZE = 100;
    /** 100 000 events at most: a node that keeps handing out bookmarks cannot keep the app reading for ever. */
    static final int MAX_PAGES = 1_000;

    private record Page(List<AccessEvent> events, String bookmark) {}

    private final HttpExchanges exchanges;

    AccessLogPages(HttpExchanges exchanges) {
        this.exchanges = exchanges;
    }

    List<AccessEvent> read(URI node, String didAuth, Instant from, Instant to) {
        Did patient = HttpNodeClient.patientOf(HttpNodeClient.payloadOf(didAuth), "did");
        if (from != null && to != null && !to.isAfter(from)) {
            throw new IllegalArgumentException("the end of the period must come after its start");
        }
        List<AccessEvent> events = new ArrayList<>();
        Set<String> bookmarks = new HashSet<>();
        String bookmark = null;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            HttpExchanges.Answer answer =
                    exchanges.get(node, "/relay/access" + query(from, to, bookmark), DID_AUTH_HEADER, didAuth);
            Page page = HttpNodeClient.read(node, answer, AccessLogPages::page);
            if (page.events().stream().anyMatch(e -> !e.patient().equals(patient))) {
                throw NodeException.badResponse(node, answer.status(), "an access log of another DID");
            }
            events.addAll(page.events());
            if (page.bookmark() == null || page.events().isEmpty()) {
                return events;
            }
            if (!bookmarks.add(page.bookmark())) {
                throw NodeException.badResponse(node, answer.status(), "a bookmark that leads back to an earlier page");
            }
            bookmark = page.bookmark();
        }
        throw NodeException.badResponse(node, 200, "an access log of more than " + MAX_PAGES + " pages");
    }

    private static String query(Instant from, Instant to, String bookmark) {
        StringBuilder query = new StringBuilder("?size=").append(PAGE_SIZE);
        if (from != null) {
            query.append("&from=").append(HttpNodeClient.segment(from.toString()));
        }
        if (to != null) {
            query.append("&to=").append(HttpNodeClient.segment(to.toString()));
        }
        if (bookmark != null) {
            query.append("&bookmark=").append(HttpNodeClient.segment(bookmark));
        }
        return query.toString();
    }

    private static Page page(JsonNode body) {
        JsonNode items = body.get("events");
        if (items == null || !items.isArray()) {
            throw new IllegalArgumentException("events is not a list");
        }
        List<AccessEvent> events = new ArrayList<>();
        for (JsonNode item : items) {
            events.add(event(item));
        }
        String bookmark = HttpNodeClient.optionalText(body, "bookmark");
        return new Page(events, bookmark == null || bookmark.isEmpty() ? null : bookmark);
    }

    private static AccessEvent event(JsonNode item) {
        if (!item.isObject()) {
            throw new IllegalArgumentException("an event is not an object");
        }
        String consent = HttpNodeClient.optionalText(item, "consent");
        return new AccessEvent(HttpNodeClient.text(item, "eventId"), HttpNodeClient.optionalInstant(item, "time"),
                Did.parseOrganization(HttpNodeClient.text(item, "requester")),
                Did.parseOrganization(HttpNodeClient.text(item, "holder")),
                Did.parsePatient(HttpNodeClient.text(item, "patient")), HttpNodeClient.text(item, "purpose"),
                decision(HttpNodeClient.text(item, "decision")), HttpNodeClient.optionalText(item, "denyReason"),
                consent == null ? null : ConsentId.parse(consent), breakGlass(item.get("breakGlass")),
                Math.toIntExact(HttpNodeClient.integer(item, "count")), HttpNodeClient.text(item, "ledgerTx"));
    }

    private static AccessEvent.Decision decision(String code) {
        return switch (code) {
            case "permit" -> AccessEvent.Decision.PERMIT;
            case "deny" -> AccessEvent.Decision.DENY;
            default -> throw new IllegalArgumentException("unknown decision");
        };
    }

    private static AccessEvent.BreakGlass breakGlass(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw new IllegalArgumentException("breakGlass is not an object");
        }
        return new AccessEvent.BreakGlass(HttpNodeClient.text(value, "reasonCode"),
                HttpNodeClient.text(value, "reasonHash"));
    }
}
