package org.medmesh.node.adapter.in.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.interceptor.ResponseHighlighterInterceptor;
import io.micronaut.context.annotation.Factory;
import io.micronaut.servlet.api.annotation.ServletBean;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.medmesh.fhir.labels.SensitivityLabeler;
import org.medmesh.fhirstore.JdbcResourceStore;
import org.medmesh.node.adapter.in.fhir.auth.BearerTokenInterceptor;
import org.medmesh.node.config.NodeProperties;

/**
 * HAPI's plain RESTful server at {@code /fhir/*}, next to Micronaut's controllers on one port: a provider for
 * every R4 resource type over the node's store, transactions and batches, paging, authentication and audit.
 */
@Factory
class FhirServerFactory {
    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 500;

    @ServletBean(name = "fhir", value = "/fhir/*")
    RestfulServer fhirServer(FhirContext context, JdbcResourceStore store, SensitivityLabeler labeler,
            SystemProvider systemProvider, BearerTokenInterceptor authentication, AuditInterceptor audit,
            NodeProperties properties) {
        StoreFhirRecords records = new StoreFhirRecords(store, context, labeler);
        RestfulServer server = new RestfulServer(context);
        server.setResourceProviders(providers(context, records));
        server.setPlainProviders(systemProvider);
        FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(1_000);
        paging.setDefaultPageSize(DEFAULT_PAGE_SIZE);
        paging.setMaximumPageSize(MAX_PAGE_SIZE);
        server.setPagingProvider(paging);
        server.setDefaultResponseEncoding(EncodingEnum.JSON);
        server.setServerName("MedMesh provider node");
        server.registerInterceptor(authentication);
        server.registerInterceptor(audit);
        if (properties.validationEnabled()) {
            server.registerInterceptor(new ProfileValidatingInterceptor());
        }
        server.registerInterceptor(new CapabilityInterceptor(store));
        server.registerInterceptor(new ResponseHighlighterInterceptor());
        return server;
    }

    private static List<IResourceProvider> providers(FhirContext context, StoreFhirRecords records) {
        List<IResourceProvider> providers = new ArrayList<>();
        providers.add(new PatientProvider(records));
        for (String name : context.getResourceTypes()) {
            if (!"Patient".equals(name)) {
                Class<? extends IBaseResource> type = context.getResourceDefinition(name).getImplementingClass();
                providers.add(new ResourceTypeProvider(type, name, records));
            }
        }
        return providers;
    }
}
