package org.medmesh.fhirstore;

/** One search parameter of a query, holding the values any of which may match (OR). */
public sealed interface SearchCriterion
        permits TokenCriterion, StringCriterion, DateCriterion, ReferenceCriterion, IdCriterion, LastUpdatedCriterion {
}
