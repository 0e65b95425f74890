/**
 * The FHIR use cases of the provider node that sit between the REST layer and the resource store: transaction and
 * batch Bundles, and the search-parameter parsing that the REST search and conditional operations share.
 */
package org.medmesh.node.application.fhir;
