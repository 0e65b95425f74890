package org.medmesh.chaincode.consent;

import static org.medmesh.chaincode.error.Refusals.require;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.chaincode.json.CanonicalJson;
import org.medmesh.chaincode.json.JsonFields;

/**
 * A consent provision (the IHE Privacy Consent on FHIR subset). An empty list means "no restriction on this
 * dimension". The top-level provision may carry exceptions; exceptions may not carry further ones, which
 * keeps evaluation simple and identical on every node.
 *
 * @param type permit or deny
 * @param period when it applies, or null for always
 * @param grantees organisations that may receive records
 * @param holders organisations whose records are covered
 * @param purposes purposes of use allowed
 * @param classes FHIR resource type names covered
 * @param securityLabels security labels covered
 * @param provisions exceptions (top level only)
 */
public record Provision(
        ProvisionType type,
        Period period,
        List<Did> grantees,
        List<Did> holders,
        List<PurposeOfUse> purposes,
        List<String> classes,
        List<SecurityLabel> securityLabels,
        List<Provision> provisions) {

    private static final Set<String> FIELDS =
            Set.of("type", "period", "grantees", "holders", "purposes", "classes", "securityLabels", "provisions");
    private static final String RESOURCE_TYPE = "[A-Z][A-Za-z]{1,63}";

    public Provision {
        require(type != null, "provision needs a type");
        grantees = List.copyOf(grantees);
        holders = List.copyOf(holders);
        purposes = List.copyOf(purposes);
        classes = List.copyOf(classes);
        securityLabels = List.copyOf(securityLabels);
        provisions = List.copyOf(provisions);
        require(classes.stream().allMatch(c -> c.matches(RESOURCE_TYPE)), "classes must be FHIR resource type names");
        require(provisions.stream().allMatch(p -> p.provisions().isEmpty()), "provisions nest one level only");
    }

    /** Parses a top-level provision. */
    public static Provision parse(JsonNode node) {
        return parse(node, true);
    }

    private static Provision parse(JsonNode node, boolean topLevel) {
        JsonFields f = JsonFields.of(node, FIELDS);
        require(topLevel || !f.isPresent("provisions"), "provisions nest one level only");
        List<Provision> exceptions = new ArrayList<>();
        for (JsonNode exception : f.objectArray("provisions")) {
            exceptions.add(parse(exception, false));
        }
        return new Provision(
                ProvisionType.parse(f.text("type")),
                f.optionalNode("period").map(Period::parse).orElse(null),
                f.textArray("grantees").stream().map(Did::parseOrganization).toList(),
                f.textArray("holders").stream().map(Did::parseOrganization).toList(),
                Codes.parseAll(PurposeOfUse.class, f.textArray("purposes"), "purposes"),
                f.textArray("classes"),
                Codes.parseAll(SecurityLabel.class, f.textArray("securityLabels"), "securityLabels"),
                exceptions);
    }

    /** The stored form: absent period and empty lists are omitted, as a client would have written them. */
    public ObjectNode toJson() {
        ObjectNode json = CanonicalJson.object();
        json.put("type", type.code());
        if (period != null) {
            json.set("period", period.toJson());
        }
        putAll(json, "grantees", grantees.stream().map(Did::value).toList());
        putAll(json, "holders", holders.stream().map(Did::value).toList());
        putAll(json, "purposes", Codes.names(purposes));
        putAll(json, "classes", classes);
        putAll(json, "securityLabels", Codes.names(securityLabels));
        if (!provisions.isEmpty()) {
            ArrayNode nested = json.putArray("provisions");
            provisions.forEach(p -> nested.add(p.toJson()));
        }
        return json;
    }

    private static void putAll(ObjectNode json, String name, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = json.putArray(name);
            values.forEach(array::add);
        }
    }
}
