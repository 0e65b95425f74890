package org.medmesh.node.adapter.in.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.medmesh.fhirstore.JdbcResourceStore;
import org.medmesh.node.adapter.in.fhir.auth.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every read, search and write at {@code /fhir} as a FHIR AuditEvent in the node's own store, after the
 * outcome is known (IHE BALP's RESTful pattern: type rest, subtype the interaction, the user as agent, the
 * resource or query as entity, success or failure). The audit trail's own writes are not audited again, and the
 * application log gets no PHI: only the interaction, the type and the outcome code.
 */
@Interceptor
@Singleton
public final class AuditInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(AuditInterceptor.class);
    private static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";
    private static final String REST = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    private static final String INTERACTION = "http://hl7.org/fhir/restful-interaction";
    private static final java.util.Set<String> R4_INTERACTIONS = java.util.Set.of("read", "vread", "update", "patch",
            "delete", "history", "history-instance", "history-type", "history-system", "create", "search",
            "search-type", "search-system", "capabilities", "transaction", "batch", "operation");

    private final JdbcResourceStore store;

    AuditInterceptor(JdbcResourceStore store) {
        this.store = store;
    }

    @Hook(Pointcut.SERVER_PROCESSING_COMPLETED_NORMALLY)
    public void succeeded(RequestDetails request) {
        record(request, AuditEvent.AuditEventOutcome._0);
    }

    @Hook(Pointcut.SERVER_HANDLE_EXCEPTION)
    public boolean failed(RequestDetails request, BaseServerResponseException exception) {
        record(request, exception.getStatusCode() >= 500 ? AuditEvent.AuditEventOutcome._8
                : AuditEvent.AuditEventOutcome._4);
        return true;
    }

    /**
     * Records a message that arrived outside {@code /fhir} (HL7 v2): DICOM "Import", the message type as subtype,
     * the sending application as agent, and the resources it created as entities. Nothing of the content.
     */
    public void recordImport(String channel, String messageType, String sendingApplication,
            List<String> created, boolean stored) {
        AuditEvent event = new AuditEvent();
        event.setType(new Coding(DICOM, "110107", "Import"));
        event.addSubtype(new Coding("http://terminology.hl7.org/CodeSystem/v2-0076", messageType, null));
        event.setAction(AuditEvent.AuditEventAction.C);
        event.setRecorded(new Date());
        event.setOutcome(stored ? AuditEvent.AuditEventOutcome._0 : AuditEvent.AuditEventOutcome._4);
        event.addAgent().setRequestor(true).setWho(new Reference().setDisplay(sendingApplication))
                .getNetwork().setAddress(channel);
        event.getSource().setObserver(new Reference().setDisplay("MedMesh provider node"))
                .addType(new Coding(DICOM, "110180", "Application Activity"));
        created.forEach(reference -> event.addEntity().setWhat(new Reference(reference)));
        try {
            store.inTransaction(tx -> tx.create(event));
        } catch (RuntimeException e) {
            LOG.error("could not record the audit event of an HL7 v2 import", e);
        }
    }

    private void record(RequestDetails request, AuditEvent.AuditEventOutcome outcome) {
        RestOperationTypeEnum operation = request.getRestOperationType();
        if (operation == null || operation == RestOperationTypeEnum.METADATA
                || !(request.getUserData().get(Caller.REQUEST_KEY) instanceof Caller caller)) {
            return;
        }
        try {
            AuditEvent event = event(request, operation, caller, outcome);
            store.inTransaction(tx -> tx.create(event));
        } catch (RuntimeException e) {
            // Failing to audit must be loud, but the message names only the interaction, never record content.
            LOG.error("could not record the audit event of a {} on {}", operation.getCode(),
                    request.getResourceName(), e);
        }
    }

    /**
     * The R4 restful-interaction code of a HAPI operation type: HAPI names some that R4 does not have
     * ({@code extended-operation-instance}, {@code metadata}, {@code get-page}), which would make the event invalid.
     */
    static String interaction(RestOperationTypeEnum operation) {
        String code = operation.getCode() == null ? "" : operation.getCode();
        if (R4_INTERACTIONS.contains(code)) {
            return code;
        }
        if (code.equals("metadata")) {
            return "capabilities";
        }
        if (code.equals("get-page")) {
            return "search";
        }
        return "operation";
    }

    private static AuditEvent event(RequestDetails request, RestOperationTypeEnum operation, Caller caller,
            AuditEvent.AuditEventOutcome outcome) {
        AuditEvent event = new AuditEvent();
        event.setType(new Coding(REST, "rest", "RESTful Operation"));
        event.addSubtype(new Coding(INTERACTION, interaction(operation), null));
        event.setAction(action(operation));
        event.setRecorded(new Date());
        event.setOutcome(outcome);
        event.addAgent().setRequestor(true).setWho(new Reference().setDisplay(caller.subject()))
                .addRole().addCoding(new Coding("urn:medmesh:role", caller.role().claim(), null));
        event.getSource().setObserver(new Reference().setDisplay("MedMesh provider node"))
                .addType(new Coding(DICOM, "110180", "Application Activity"));
        AuditEvent.AuditEventEntityComponent entity = event.addEntity();
        if (request.getId() != null && request.getId().hasIdPart()) {
            entity.setWhat(new Reference(request.getId().toUnqualifiedVersionless().getValue()));
        } else if (request.getResourceName() != null) {
            entity.setWhat(new Reference().setDisplay(request.getResourceName()));
        }
        if (operation == RestOperationTypeEnum.SEARCH_TYPE && request.getCompleteUrl() != null) {
            entity.setQuery(request.getCompleteUrl().getBytes(StandardCharsets.UTF_8));
        }
        return event;
    }

    private static AuditEvent.AuditEventAction action(RestOperationTypeEnum operation) {
        return switch (operation) {
            case CREATE -> AuditEvent.AuditEventAction.C;
            case UPDATE, PATCH -> AuditEvent.AuditEventAction.U;
            case DELETE -> AuditEvent.AuditEventAction.D;
            case READ, VREAD, SEARCH_TYPE, SEARCH_SYSTEM, HISTORY_INSTANCE, HISTORY_TYPE, HISTORY_SYSTEM ->
                AuditEvent.AuditEventAction.R;
            default -> AuditEvent.AuditEventAction.E;
        };
    }
}
