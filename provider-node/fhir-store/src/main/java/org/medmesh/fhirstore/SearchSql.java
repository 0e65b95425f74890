package org.medmesh.fhirstore;

import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates a query's criteria into SQL over the index tables: each criterion is one {@code r.res_id IN (…)}
 * sub-select on its table (AND between criteria), its values OR-ed inside. Never reads resource bodies.
 */
final class SearchSql {
    private final SearchParamIndexer indexer;
    private final String type;
    private final Instant now;
    private final StringBuilder where = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    SearchSql(SearchParamIndexer indexer, String type, List<SearchCriterion> criteria, Instant now) {
        this.indexer = indexer;
        this.type = type;
        this.now = now;
        where.append("r.res_type = ? AND r.deleted = FALSE");
        params.add(type);
        criteria.forEach(this::criterion);
    }

    String where() {
        return where.toString();
    }

    List<Object> params() {
        return params;
    }

    private void criterion(SearchCriterion criterion) {
        where.append(" AND ");
        if (criterion instanceof TokenCriterion token) {
            token(token);
        } else if (criterion instanceof StringCriterion string) {
            string(string);
        } else if (criterion instanceof DateCriterion date) {
            subSelect("fhir_idx_date", param(date.param(), RestSearchParameterTypeEnum.DATE));
            DatePredicates.range("i.low_at", "i.high_at", date.prefix(), date.low(), date.high(), now, where, params);
            where.append(')');
        } else if (criterion instanceof ReferenceCriterion reference) {
            reference(reference);
        } else if (criterion instanceof IdCriterion id) {
            where.append("r.res_id IN (").append(placeholders(id.ids().size())).append(')');
            params.addAll(id.ids());
        } else if (criterion instanceof LastUpdatedCriterion updated) {
            DatePredicates.instant("r.last_updated", updated.prefix(), updated.low(), updated.high(), now, where,
                    params);
        }
    }

    private void token(TokenCriterion criterion) {
        subSelect("fhir_idx_token", param(criterion.param(), RestSearchParameterTypeEnum.TOKEN));
        where.append('(');
        for (int i = 0; i < criterion.anyOf().size(); i++) {
            Token token = criterion.anyOf().get(i);
            where.append(i == 0 ? "" : " OR ");
            String code = Text.clip(token.code(), Text.TOKEN_LENGTH);
            if (token.system() == null) {
                where.append("i.token_code = ?");
                params.add(code);
            } else if (token.system().isEmpty()) {
                where.append("(i.token_code = ? AND i.token_system IS NULL)");
                params.add(code);
            } else if (token.code() == null) {
                where.append("i.token_system = ?");
                params.add(Text.clip(token.system(), Text.TOKEN_LENGTH));
            } else {
                where.append("(i.token_code = ? AND i.token_system = ?)");
                params.add(code);
                params.add(Text.clip(token.system(), Text.TOKEN_LENGTH));
            }
        }
        where.append("))");
    }

    private void string(StringCriterion criterion) {
        subSelect("fhir_idx_string", param(criterion.param(), RestSearchParameterTypeEnum.STRING));
        where.append('(');
        for (int i = 0; i < criterion.anyOf().size(); i++) {
            String value = criterion.anyOf().get(i);
            where.append(i == 0 ? "" : " OR ");
            if (criterion.exact()) {
                where.append("(i.value_norm = ? AND i.value_exact = ?)");
                params.add(Text.normalize(value));
                params.add(Text.clip(value, Text.STRING_LENGTH));
            } else {
                where.append("i.value_norm LIKE ? ESCAPE '\\'");
                params.add(Text.prefixPattern(Text.normalize(value)));
            }
        }
        where.append("))");
    }

    private void reference(ReferenceCriterion criterion) {
        IndexedParam param = param(criterion.param(), RestSearchParameterTypeEnum.REFERENCE);
        subSelect("fhir_idx_reference", param);
        where.append('(');
        for (int i = 0; i < criterion.anyOf().size(); i++) {
            String[] target = target(criterion.anyOf().get(i), param.soleTarget());
            where.append(i == 0 ? "" : " OR ");
            if (target[0] == null) {
                where.append("i.target_id = ?");
            } else {
                where.append("(i.target_id = ? AND i.target_type = ?)");
            }
            params.add(target[1]);
            if (target[0] != null) {
                params.add(target[0]);
            }
        }
        where.append("))");
    }

    /** {@code Type/id}, {@code Type/id/_history/n}, a URL ending in {@code Type/id}, or a bare id. */
    private static String[] target(String reference, String soleTarget) {
        String text = reference;
        int history = text.indexOf("/_history/");
        if (history >= 0) {
            text = text.substring(0, history);
        }
        int slash = text.lastIndexOf('/');
        if (slash < 0) {
            return new String[] {soleTarget, text};
        }
        String id = text.substring(slash + 1);
        String head = text.substring(0, slash);
        return new String[] {head.substring(head.lastIndexOf('/') + 1), id};
    }

    private void subSelect(String table, IndexedParam param) {
        where.append("r.res_id IN (SELECT i.res_id FROM ").append(table)
                .append(" i WHERE i.res_type = ? AND i.param = ? AND ");
        params.add(type);
        params.add(param.name());
    }

    private IndexedParam param(String name, RestSearchParameterTypeEnum kind) {
        IndexedParam param = indexer.param(type, name).orElseThrow(() -> new StoreException(
                StoreException.Code.INVALID, "the store does not search " + type + " by " + name));
        if (param.kind() != kind) {
            throw new StoreException(StoreException.Code.INVALID,
                    type + "." + name + " is a " + param.kind().getCode() + " parameter, not a " + kind.getCode());
        }
        return param;
    }

    static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
