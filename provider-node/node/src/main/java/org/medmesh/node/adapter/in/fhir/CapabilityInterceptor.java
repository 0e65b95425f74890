package org.medmesh.node.adapter.in.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import java.util.Locale;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.medmesh.fhirstore.JdbcResourceStore;

/**
 * Makes the CapabilityStatement say exactly which search parameters each type answers: the generic search method
 * takes its parameters from the request, so HAPI cannot list them itself.
 */
@Interceptor
final class CapabilityInterceptor {
    private final JdbcResourceStore store;

    CapabilityInterceptor(JdbcResourceStore store) {
        this.store = store;
    }

    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    void declareSearchParameters(IBaseConformance conformance) {
        if (!(conformance instanceof CapabilityStatement statement)) {
            return;
        }
        statement.setPublisher("MedMesh");
        statement.getSoftware().setName("MedMesh provider node");
        for (var rest : statement.getRest()) {
            for (CapabilityStatementRestResourceComponent resource : rest.getResource()) {
                resource.getSearchParam().clear();
                resource.addSearchParam().setName("_id").setType(SearchParamType.TOKEN);
                resource.addSearchParam().setName("_lastUpdated").setType(SearchParamType.DATE);
                store.searchParameters(resource.getType()).forEach((name, kind) ->
                        resource.addSearchParam().setName(name).setType(type(kind)));
            }
        }
    }

    private static SearchParamType type(RestSearchParameterTypeEnum kind) {
        return SearchParamType.fromCode(kind.getCode().toLowerCase(Locale.ROOT));
    }
}
