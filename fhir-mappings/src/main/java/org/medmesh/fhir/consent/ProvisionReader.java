package org.medmesh.fhir.consent;

import static org.medmesh.fhir.consent.ConsentMappingException.invalid;
import static org.medmesh.fhir.consent.ConsentMappingException.notSupported;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.hl7.fhir.r4.model.Consent.ConsentProvisionType;
import org.hl7.fhir.r4.model.Consent.ProvisionComponent;
import org.hl7.fhir.r4.model.Consent.provisionActorComponent;
import org.hl7.fhir.r4.model.Coding;
import org.medmesh.chaincode.consent.Period;
import org.medmesh.chaincode.consent.Provision;
import org.medmesh.chaincode.consent.ProvisionType;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.chaincode.json.JsonFields;
import org.medmesh.fhir.consent.Vocabulary.Role;

/** Reads one Consent.provision element, and its exceptions, into the ledger's provision tree, or refuses it. */
final class ProvisionReader {

    private ProvisionReader() {}

    static Provision read(ProvisionComponent provision, String path, boolean topLevel) {
        refuseUnsupported(provision, path);
        List<Did> grantees = new ArrayList<>();
        List<Did> holders = new ArrayList<>();
        readActors(provision.getActor(), path + ".actor", grantees, holders);
        return new Provision(
                type(provision, path),
                period(provision.getPeriod(), path + ".period"),
                grantees,
                holders,
                codes(provision.getPurpose(), path + ".purpose", Vocabulary::purpose),
                codes(provision.getClass_(), path + ".class", Vocabulary::resourceClass),
                codes(provision.getSecurityLabel(), path + ".securityLabel", Vocabulary::label),
                exceptions(provision, path, topLevel));
    }

    private static void refuseUnsupported(ProvisionComponent provision, String path) {
        if (provision.hasModifierExtension()) {
            throw notSupported(path + ".modifierExtension", "modifier extensions change the provision's meaning "
                    + "in ways the ledger cannot keep");
        }
        if (provision.hasData()) {
            throw notSupported(path + ".data", "names specific records; the ledger selects records only by "
                    + "resource type and security label");
        }
        if (provision.hasDataPeriod()) {
            throw notSupported(path + ".dataPeriod", "selects records by when they were written; the ledger "
                    + "selects records only by resource type and security label");
        }
        if (provision.hasCode()) {
            throw notSupported(path + ".code", "selects records by their codes; the ledger selects records only "
                    + "by resource type and security label (the sensitivity labeler turns codes into labels)");
        }
        if (provision.hasAction()) {
            Vocabulary.requireExchange(provision.getAction(), path + ".action");
        }
    }

    private static ProvisionType type(ProvisionComponent provision, String path) {
        if (!provision.hasType() || provision.getType() == ConsentProvisionType.NULL) {
            throw invalid(path + ".type", "is required: permit or deny");
        }
        return provision.getType() == ConsentProvisionType.PERMIT ? ProvisionType.PERMIT : ProvisionType.DENY;
    }

    private static Period period(org.hl7.fhir.r4.model.Period period, String path) {
        if (period == null || period.isEmpty()) {
            return null;
        }
        Instant start = period.hasStartElement() ? Instants.read(period.getStartElement(), path + ".start") : null;
        Instant end = period.hasEndElement() ? Instants.read(period.getEndElement(), path + ".end") : null;
        if (start == null && end == null) {
            throw invalid(path, "needs a start or an end");
        }
        if (start != null && end != null && start.isAfter(end)) {
            throw invalid(path, "starts after it ends");
        }
        return new Period(start, end);
    }

    private static void readActors(List<provisionActorComponent> actors, String path, List<Did> grantees,
            List<Did> holders) {
        for (int i = 0; i < actors.size(); i++) {
            String actorPath = path + "[" + i + "]";
            provisionActorComponent actor = actors.get(i);
            if (actor.hasModifierExtension()) {
                throw notSupported(actorPath + ".modifierExtension", "modifier extensions are not kept");
            }
            Role role = Vocabulary.role(actor.getRole(), actorPath + ".role");
            Did did = DidReferences.organization(actor.getReference(), actorPath + ".reference");
            List<Did> list = role == Role.GRANTEE ? grantees : holders;
            if (list.contains(did)) {
                throw invalid(actorPath, "names the same organisation twice in the same role");
            }
            list.add(did);
            requireWithinLimit(list.size(), path);
        }
    }

    private static <T> List<T> codes(List<Coding> codings, String path, BiFunction<Coding, String, T> reader) {
        requireWithinLimit(codings.size(), path);
        Set<T> codes = new LinkedHashSet<>();
        for (int i = 0; i < codings.size(); i++) {
            String codingPath = path + "[" + i + "]";
            if (!codes.add(reader.apply(codings.get(i), codingPath))) {
                throw invalid(codingPath, "repeats an earlier code");
            }
        }
        return List.copyOf(codes);
    }

    private static List<Provision> exceptions(ProvisionComponent provision, String path, boolean topLevel) {
        if (!provision.hasProvision()) {
            return List.of();
        }
        if (!topLevel) {
            throw notSupported(path + ".provision", "exceptions nest one level only on the ledger");
        }
        requireWithinLimit(provision.getProvision().size(), path + ".provision");
        List<Provision> exceptions = new ArrayList<>();
        for (int i = 0; i < provision.getProvision().size(); i++) {
            exceptions.add(read(provision.getProvision().get(i), path + ".provision[" + i + "]", false));
        }
        return exceptions;
    }

    private static void requireWithinLimit(int size, String path) {
        if (size > JsonFields.MAX_ARRAY_SIZE) {
            throw notSupported(path, "holds more than " + JsonFields.MAX_ARRAY_SIZE + " entries, more than the "
                    + "ledger keeps");
        }
    }
}
