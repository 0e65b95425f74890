package org.medmesh.fhirstore;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import ca.uhn.fhir.context.RuntimeSearchParam;
import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import ca.uhn.fhir.util.FhirTerser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * Extracts search index rows from resources with the FHIRPath expressions HAPI's {@link FhirContext} knows for
 * each parameter, reduced to the simple dotted paths its terser evaluates. Compiled once per resource type.
 */
final class SearchParamIndexer {
    /** Indexed for every type that defines them. */
    static final List<String> PARAMS = List.of("identifier", "patient", "subject", "code", "date", "category",
            "status", "name", "family", "given", "birthdate", "gender");

    private static final Pattern WHERE = Pattern.compile("\\.where\\((?:[^()]|\\([^()]*\\))*\\)");
    private static final Pattern AS = Pattern.compile("^\\((.*) as \\w+\\)$");
    private static final Pattern DOTTED = Pattern.compile("[A-Za-z]+(\\.[A-Za-z]+)+");

    private final FhirContext context;
    private final Map<String, Map<String, IndexedParam>> plans = new ConcurrentHashMap<>();

    SearchParamIndexer(FhirContext context) {
        this.context = context;
    }

    /** The indexed parameter of that name for the type, if the store indexes it. */
    Optional<IndexedParam> param(String type, String name) {
        return Optional.ofNullable(plan(type).get(name));
    }

    /** Every parameter the store indexes for the type, by name (besides {@code _id} and {@code _lastUpdated}). */
    Map<String, IndexedParam> params(String type) {
        return plan(type);
    }

    IndexRows extract(String type, IBaseResource resource) {
        FhirTerser terser = context.newTerser();
        IndexRows rows = new IndexRows();
        for (IndexedParam param : plan(type).values()) {
            for (String path : param.paths()) {
                for (IBase value : terser.getValues(resource, path)) {
                    add(rows, param, value);
                }
            }
        }
        return rows;
    }

    private static void add(IndexRows rows, IndexedParam param, IBase value) {
        switch (param.kind()) {
            case TOKEN -> IndexValues.token(rows, param.name(), value);
            case STRING -> IndexValues.string(rows, param.name(), value);
            case DATE -> IndexValues.date(rows, param.name(), value);
            case REFERENCE -> reference(rows, param, value);
            default -> { }
        }
    }

    private static void reference(IndexRows rows, IndexedParam param, IBase value) {
        IIdType target = IndexValues.reference(value);
        if (target == null || !param.targets().isEmpty() && !param.targets().contains(target.getResourceType())) {
            return;
        }
        rows.references.add(new IndexRows.ReferenceRow(param.name(), target.getResourceType(), target.getIdPart()));
        if (param.compartment() && "Patient".equals(target.getResourceType())) {
            rows.patients.add(target.getIdPart());
        }
    }

    private Map<String, IndexedParam> plan(String type) {
        return plans.computeIfAbsent(type, this::compile);
    }

    private Map<String, IndexedParam> compile(String type) {
        RuntimeResourceDefinition definition = context.getResourceDefinition(type);
        Map<String, IndexedParam> plan = new LinkedHashMap<>();
        Set<String> compartment = new LinkedHashSet<>();
        for (RuntimeSearchParam param : definition.getSearchParamsForCompartmentName("Patient")) {
            if (param.getParamType() == RestSearchParameterTypeEnum.REFERENCE) {
                compartment.add(param.getName());
            }
        }
        Set<String> names = new LinkedHashSet<>(PARAMS);
        names.addAll(compartment);
        for (String name : names) {
            RuntimeSearchParam param = definition.getSearchParam(name);
            if (param == null || param.getPath() == null) {
                continue;
            }
            List<String> paths = paths(definition, param.getPath());
            if (!paths.isEmpty()) {
                plan.put(name, new IndexedParam(name, param.getParamType(), paths, param.getTargets(),
                        compartment.contains(name)));
            }
        }
        return Map.copyOf(plan);
    }

    /** {@code A.b.where(resolve() is C) | (A.d as dateTime)} becomes the terser paths {@code A.b}, {@code A.d[x]}. */
    private List<String> paths(RuntimeResourceDefinition definition, String fhirPath) {
        Set<String> paths = new LinkedHashSet<>();
        for (String part : fhirPath.split("\\|")) {
            String path = WHERE.matcher(part.trim()).replaceAll("");
            Matcher as = AS.matcher(path);
            if (as.matches()) {
                path = as.group(1).trim();
            }
            if (DOTTED.matcher(path).matches() && path.startsWith(definition.getName() + ".")) {
                String terserPath = terserPath(definition, path);
                if (terserPath != null) {
                    paths.add(terserPath);
                }
            }
        }
        return new ArrayList<>(paths);
    }

    /** Names choice elements as the terser wants them ({@code effective[x]}); null if the path leaves the model. */
    private static String terserPath(RuntimeResourceDefinition definition, String path) {
        String[] segments = path.split("\\.");
        StringBuilder terserPath = new StringBuilder(segments[0]);
        BaseRuntimeElementCompositeDefinition<?> current = definition;
        for (int i = 1; i < segments.length; i++) {
            String name = segments[i];
            BaseRuntimeChildDefinition child = current.getChildByName(name);
            if (child == null) {
                name = name + "[x]";
                child = current.getChildByName(name);
            }
            if (child == null) {
                return null;
            }
            terserPath.append('.').append(name);
            if (i < segments.length - 1) {
                BaseRuntimeElementDefinition<?> element = child.getChildByName(name);
                if (!(element instanceof BaseRuntimeElementCompositeDefinition<?> composite)) {
                    return null;
                }
                current = composite;
            }
        }
        return terserPath.toString();
    }
}
