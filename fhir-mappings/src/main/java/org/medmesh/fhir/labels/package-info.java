/**
 * Sensitivity labels added to {@code meta.security} at ingest, from code value-set rules kept as data, so that consent
 * can withhold HIV, mental health, substance use and sexual health records.
 */
package org.medmesh.fhir.labels;
