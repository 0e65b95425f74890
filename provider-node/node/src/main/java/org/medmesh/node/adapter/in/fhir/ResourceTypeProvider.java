package org.medmesh.node.adapter.in.fhir;

import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Since;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.medmesh.fhir.labels.SensitivityLabeler;
import org.medmesh.fhirstore.StoreTransaction;
import org.medmesh.fhirstore.StoredResource;

/**
 * Create, read, vread, update (with If-Match), delete, history and search for one resource type. One instance
 * per R4 resource type; HAPI parses bodies into the type this provider names.
 */
public class ResourceTypeProvider implements IResourceProvider {
    private static final int HISTORY_LIMIT = 1_000;

    private final Class<? extends IBaseResource> type;
    private final String typeName;
    private final FhirRecords records;

    public ResourceTypeProvider(Class<? extends IBaseResource> type, String typeName, FhirRecords records) {
        this.type = type;
        this.typeName = typeName;
        this.records = records;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return type;
    }

    @Read(version = true)
    public IBaseResource read(@IdParam IIdType id) {
        StoredResource stored = records.call(tx -> id.hasVersionIdPart()
                ? tx.vread(typeName, id.getIdPart(), versionOf(id))
                : tx.read(typeName, id.getIdPart()))
                .orElseThrow(() -> new ResourceNotFoundException(id));
        return records.parse(stored);
    }

    @Create
    public MethodOutcome create(@ResourceParam IBaseResource resource, @ConditionalUrlParam String ifNoneExist) {
        prepare(resource);
        return records.call(tx -> {
            if (ifNoneExist != null) {
                List<String> matches = records.matching(tx, ifNoneExist);
                if (matches.size() > 1) {
                    throw new PreconditionFailedException("the If-None-Exist criteria match more than one resource");
                }
                if (matches.size() == 1) {
                    return outcome(tx.read(typeName, matches.get(0)).orElseThrow(), null);
                }
            }
            return outcome(tx.create(resource), Boolean.TRUE);
        });
    }

    @Update
    public MethodOutcome update(@IdParam IIdType id, @ResourceParam IBaseResource resource,
            @ConditionalUrlParam String conditional) {
        prepare(resource);
        return records.call(tx -> {
            String targetId = conditional == null ? id.getIdPart() : conditionalTarget(tx, conditional);
            if (resource.getIdElement().hasIdPart() && targetId != null
                    && !resource.getIdElement().getIdPart().equals(targetId)) {
                throw new InvalidRequestException("the resource id does not match the URL");
            }
            resource.setId(new IdType(typeName, targetId == null ? null : targetId));
            if (targetId == null) {
                return outcome(tx.create(resource), Boolean.TRUE);
            }
            boolean exists = tx.read(typeName, targetId).isPresent();
            Long expected = id != null && id.hasVersionIdPart() ? versionOf(id) : null;
            return outcome(tx.update(resource, expected), exists ? null : Boolean.TRUE);
        });
    }

    @Delete
    public MethodOutcome delete(@IdParam IIdType id, @ConditionalUrlParam String conditional) {
        return records.call(tx -> {
            List<String> targets = conditional == null ? List.of(id.getIdPart()) : records.matching(tx, conditional);
            if (targets.size() > 1) {
                throw new PreconditionFailedException("the delete criteria match more than one resource");
            }
            MethodOutcome outcome = new MethodOutcome();
            targets.forEach(target -> outcome.setId(new IdType(typeName, target)));
            targets.forEach(target -> tx.delete(typeName, target));
            return outcome;
        });
    }

    @History
    public IBundleProvider instanceHistory(@IdParam IIdType id, @Since Date since) {
        return history(id.getIdPart(), since);
    }

    @History
    public IBundleProvider typeHistory(@Since Date since) {
        return history(null, since);
    }

    @Search(allowUnknownParams = true)
    public IBundleProvider search(RequestDetails request) {
        return records.search(typeName, request);
    }

    private IBundleProvider history(String id, Date since) {
        List<StoredResource> versions = records.call(tx -> tx.history(typeName, id,
                since == null ? null : since.toInstant(), 0, HISTORY_LIMIT));
        return new SimpleBundleProvider(versions.stream().map(records::parse).toList());
    }

    private String conditionalTarget(StoreTransaction tx, String conditional) {
        List<String> matches = records.matching(tx, conditional);
        if (matches.size() > 1) {
            throw new PreconditionFailedException("the update criteria match more than one resource");
        }
        return matches.isEmpty() ? null : matches.get(0);
    }

    private void prepare(IBaseResource resource) {
        if (resource instanceof Resource r4) {
            records.labeler().apply(r4);
        }
    }

    private MethodOutcome outcome(StoredResource stored, Boolean created) {
        MethodOutcome outcome = new MethodOutcome(new IdType(typeName, stored.id(), Long.toString(stored.version())));
        outcome.setCreated(created);
        outcome.setResource(records.parse(stored));
        return outcome;
    }

    private static long versionOf(IIdType id) {
        try {
            return Long.parseLong(id.getVersionIdPart());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("a version id is a number");
        }
    }

    /** What providers share: the store, parsing, labels, and conditional URL matching. */
    public interface FhirRecords {
        <T> T call(Function<StoreTransaction, T> work);

        IBaseResource parse(StoredResource stored);

        SensitivityLabeler labeler();

        List<String> matching(StoreTransaction tx, String conditionalUrl);

        IBundleProvider search(String type, RequestDetails request);
    }
}
