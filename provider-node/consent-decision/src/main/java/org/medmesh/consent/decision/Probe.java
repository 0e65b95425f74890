package org.medmesh.consent.decision;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.medmesh.consent.ledger.Did;

/**
 * One kind of resource under one kind of request, as the provisions see it. A null holder, requester, purpose or
 * resource class stands for a value that no provision names: it passes only provisions that do not restrict that
 * dimension.
 */
record Probe(Did holder, Did requester, String purpose, String resourceClass, Set<String> labels) {
    Probe {
        Objects.requireNonNull(labels, "labels");
    }

    /** This probe with one dimension set to the request's value, or to each requested class. */
    Stream<Probe> at(Stage stage, AccessRequest request) {
        return switch (stage) {
            case HOLDER -> Stream.of(new Probe(request.holder(), requester, purpose, resourceClass, labels));
            case REQUESTER -> Stream.of(new Probe(holder, request.requester(), purpose, resourceClass, labels));
            case PURPOSE -> Stream.of(new Probe(holder, requester, request.purpose(), resourceClass, labels));
            case CLASSES -> request.classes().stream().map(c -> new Probe(holder, requester, purpose, c, labels));
            case TIME -> Stream.of(this);
        };
    }
}
