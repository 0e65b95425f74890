/**
 * The provider node's FHIR R4 resource store: versioned resources with write-time search indexes in H2 or
 * PostgreSQL, reached through {@link org.medmesh.fhirstore.JdbcResourceStore#inTransaction}.
 */
package org.medmesh.fhirstore;
