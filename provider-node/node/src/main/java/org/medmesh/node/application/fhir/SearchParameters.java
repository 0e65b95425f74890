package org.medmesh.node.application.fhir;

import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medmesh.fhirstore.DateCriterion;
import org.medmesh.fhirstore.IdCriterion;
import org.medmesh.fhirstore.LastUpdatedCriterion;
import org.medmesh.fhirstore.Prefix;
import org.medmesh.fhirstore.ReferenceCriterion;
import org.medmesh.fhirstore.SearchCriterion;
import org.medmesh.fhirstore.StringCriterion;
import org.medmesh.fhirstore.Token;
import org.medmesh.fhirstore.TokenCriterion;

/**
 * Turns FHIR search parameters as they arrive in a query ({@code identifier=sys|val}, {@code date=ge2020-01-01},
 * {@code name:exact=Ann}) into store criteria: a comma ORs values, a repeated parameter ANDs them. Messages name
 * parameters, never their values, which may be identifiers or names of patients.
 */
public final class SearchParameters {
    /** Result controls the caller applies itself; they are not criteria. */
    public static final Set<String> CALLER_HANDLED = Set.of("_count", "_sort", "_format", "_pretty", "_summary",
            "_elements", "_total");

    private static final Pattern DATE_PREFIX = Pattern.compile("^(eq|ne|lt|gt|le|ge|sa|eb|ap)?(\\d.*)$");
    private static final Pattern TYPED_ID = Pattern.compile("[A-Z][A-Za-z]+/[A-Za-z0-9\\-.]{1,64}"
            + "(/_history/\\d+)?|[A-Za-z0-9\\-.]{1,64}");

    private SearchParameters() {}

    /**
     * The criteria the parameters ask for.
     *
     * @param params parameter name (with any {@code :modifier}) to each occurrence's raw, URL-decoded value
     * @param supported the parameters the store answers for the type, besides {@code _id} and {@code _lastUpdated}
     * @throws InvalidRequestException for an unknown or unsupported parameter, modifier or malformed value
     */
    public static List<SearchCriterion> parse(String resourceType, Map<String, List<String>> params,
            Map<String, RestSearchParameterTypeEnum> supported) {
        List<SearchCriterion> criteria = new ArrayList<>();
        params.forEach((key, values) -> {
            List<String> name = SearchValues.splitFirst(key, ':');
            if (CALLER_HANDLED.contains(name.get(0))) {
                return;
            }
            String modifier = name.size() > 1 ? name.get(1) : null;
            for (String value : values) {
                if (value != null && !value.isEmpty()) {
                    criteria.add(criterion(resourceType, name.get(0), modifier, value, supported));
                }
            }
        });
        return criteria;
    }

    private static SearchCriterion criterion(String type, String name, String modifier, String value,
            Map<String, RestSearchParameterTypeEnum> supported) {
        if (name.equals("_id")) {
            noModifier(name, modifier);
            return new IdCriterion(plain(SearchValues.split(value, ',')));
        }
        if (name.equals("_lastUpdated")) {
            noModifier(name, modifier);
            return date(name, value, (prefix, date) -> LastUpdatedCriterion.of(prefix, date));
        }
        RestSearchParameterTypeEnum kind = supported.get(name);
        if (kind == null) {
            throw new InvalidRequestException("Unknown or unsupported search parameter " + type + "." + name);
        }
        List<String> anyOf = SearchValues.split(value, ',');
        return switch (kind) {
            case TOKEN -> token(name, modifier, anyOf);
            case STRING -> string(name, modifier, anyOf);
            case DATE -> {
                noModifier(name, modifier);
                yield date(name, value, (prefix, date) -> DateCriterion.of(name, prefix, date));
            }
            case REFERENCE -> reference(name, modifier, anyOf);
            default -> throw new InvalidRequestException("Search parameter " + type + "." + name + " of type "
                    + kind.getCode() + " is not supported");
        };
    }

    private static TokenCriterion token(String name, String modifier, List<String> anyOf) {
        noModifier(name, modifier);
        List<Token> tokens = new ArrayList<>();
        for (String value : anyOf) {
            List<String> parts = SearchValues.splitFirst(value, '|');
            String code = SearchValues.unescape(parts.get(parts.size() - 1));
            String system = parts.size() > 1 ? SearchValues.unescape(parts.get(0)) : null;
            if (code.isEmpty() && (system == null || system.isEmpty())) {
                throw malformed(name);
            }
            tokens.add(new Token(system, code.isEmpty() ? null : code));
        }
        return new TokenCriterion(name, tokens);
    }

    private static StringCriterion string(String name, String modifier, List<String> anyOf) {
        if (modifier != null && !modifier.equals("exact")) {
            throw new InvalidRequestException("Modifier :" + modifier + " is not supported on " + name);
        }
        return new StringCriterion(name, plain(anyOf), modifier != null);
    }

    /** {@code subject=Patient/1}, {@code subject=1}, or {@code subject:Patient=1}. */
    private static ReferenceCriterion reference(String name, String modifier, List<String> anyOf) {
        if (modifier != null && !modifier.matches("[A-Z][A-Za-z]+")) {
            throw new InvalidRequestException("Modifier :" + modifier + " is not supported on " + name);
        }
        List<String> references = new ArrayList<>();
        for (String value : plain(anyOf)) {
            String reference = modifier == null || value.contains("/") ? value : modifier + "/" + value;
            if (!TYPED_ID.matcher(reference).matches()) {
                throw malformed(name);
            }
            references.add(reference);
        }
        return new ReferenceCriterion(name, references);
    }

    private static SearchCriterion date(String name, String value, DateFactory factory) {
        if (SearchValues.split(value, ',').size() > 1) {
            throw new InvalidRequestException("Search parameter " + name + " takes one date per occurrence");
        }
        Matcher matcher = DATE_PREFIX.matcher(value);
        if (!matcher.matches()) {
            throw malformed(name);
        }
        try {
            return factory.criterion(Prefix.parse(matcher.group(1)), matcher.group(2));
        } catch (IllegalArgumentException e) {
            throw malformed(name);
        }
    }

    private static List<String> plain(List<String> values) {
        List<String> plain = new ArrayList<>(values.size());
        for (String value : values) {
            if (value.isEmpty()) {
                throw new InvalidRequestException("Empty value in a comma-separated search value");
            }
            plain.add(SearchValues.unescape(value));
        }
        return plain;
    }

    private static void noModifier(String name, String modifier) {
        if (modifier != null) {
            throw new InvalidRequestException("Modifier :" + modifier + " is not supported on " + name);
        }
    }

    private static InvalidRequestException malformed(String name) {
        return new InvalidRequestException("Malformed value for search parameter " + name);
    }

    @FunctionalInterface
    private interface DateFactory {
        SearchCriterion criterion(Prefix prefix, String date);
    }
}
