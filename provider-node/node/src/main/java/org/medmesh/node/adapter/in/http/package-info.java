/**
 * The node's JSON HTTP API outside {@code /fhir}: what the controllers share — bearer authorisation and one
 * mapping of {@link org.medmesh.node.adapter.in.http.ApiException} to {@code application/problem+json}.
 */
package org.medmesh.node.adapter.in.http;
