package org.medmesh.node.application.fhir;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Resource;

/**
 * One checked Bundle entry: what to do ({@code method} on {@code url}), with which resource, under which
 * {@code fullUrl}, and its conditions. {@link #of} refuses entries a server cannot act on.
 */
record BundleEntryRequest(int index, HTTPVerb method, RequestUrl url, Resource resource, String fullUrl,
        RequestUrl ifNoneExist, Long ifMatch) {

    static BundleEntryRequest of(int index, BundleEntryComponent entry) {
        if (!entry.hasRequest() || !entry.getRequest().hasMethod()) {
            throw new InvalidRequestException("the entry has no request method");
        }
        HTTPVerb method = entry.getRequest().getMethod();
        RequestUrl url = RequestUrl.parse(entry.getRequest().getUrl());
        Resource resource = entry.getResource();
        switch (method) {
            case POST, PUT -> checkResource(method, url, resource, entry.getFullUrl());
            case GET, HEAD, DELETE -> {
                if (url.id() == null && !url.isConditional() && method == HTTPVerb.DELETE) {
                    throw new InvalidRequestException("DELETE needs Type/id or Type?criteria");
                }
            }
            default -> throw new InvalidRequestException("the method " + method.toCode() + " is not supported");
        }
        if (method == HTTPVerb.POST && (url.id() != null || url.isConditional())) {
            throw new InvalidRequestException("POST goes to the type (Type), with conditions in ifNoneExist");
        }
        if (method == HTTPVerb.PUT && url.id() == null && !url.isConditional()) {
            throw new InvalidRequestException("PUT needs Type/id or Type?criteria");
        }
        String ifNoneExist = entry.getRequest().getIfNoneExist();
        RequestUrl condition = ifNoneExist == null || ifNoneExist.isBlank() || method != HTTPVerb.POST ? null
                : RequestUrl.parse(url.type() + "?" + stripType(ifNoneExist, url.type()));
        Long ifMatch = method == HTTPVerb.PUT ? ETags.version(entry.getRequest().getIfMatch()) : null;
        return new BundleEntryRequest(index, method, url, resource, blankToNull(entry.getFullUrl()), condition,
                ifMatch);
    }

    String type() {
        return url.type();
    }

    boolean writes() {
        return method == HTTPVerb.POST || method == HTTPVerb.PUT;
    }

    private static void checkResource(HTTPVerb method, RequestUrl url, Resource resource, String fullUrl) {
        if (resource == null) {
            throw new InvalidRequestException(method.toCode() + " needs a resource");
        }
        String type = resource.fhirType();
        if (!type.equals(url.type())) {
            throw new InvalidRequestException("the resource is a " + type + " but the url names " + url.type());
        }
        if (fullUrl != null && !fullUrl.startsWith("urn:") && !fullUrl.contains("/" + type + "/")) {
            throw new InvalidRequestException("the fullUrl does not name a " + type);
        }
        if (method == HTTPVerb.PUT && url.id() != null && resource.hasIdElement()
                && resource.getIdElement().getIdPart() != null
                && !resource.getIdElement().getIdPart().equals(url.id())) {
            throw new InvalidRequestException("the resource id differs from the id in the url");
        }
        if (resource instanceof Bundle bundle && bundle.getType() != Bundle.BundleType.DOCUMENT) {
            throw new InvalidRequestException("a Bundle inside a transaction or batch can only be a document");
        }
    }

    /** ifNoneExist may be written as {@code identifier=…}, {@code ?identifier=…} or {@code Type?identifier=…}. */
    private static String stripType(String ifNoneExist, String type) {
        int question = ifNoneExist.indexOf('?');
        if (question < 0) {
            return ifNoneExist;
        }
        String head = ifNoneExist.substring(0, question);
        if (!head.isEmpty() && !head.equals(type) && !head.endsWith("/" + type)) {
            throw new InvalidRequestException("ifNoneExist names another type than the url");
        }
        return ifNoneExist.substring(question + 1);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
