package org.medmesh.consent.decision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.medmesh.consent.ledger.Consent;
import org.medmesh.consent.ledger.Did;
import org.medmesh.consent.ledger.ProvisionTree;

/**
 * The finite set of probes that stands for every request and resource kind the decision judges. Provisions only
 * compare a value with the values they list, so each dimension needs only the listed values and one value none
 * lists (null). Labels are judged on resources carrying no label, one listed label or two: a permit needs at most
 * one label for a root and one for an exception, and real resources rarely carry more than a confidentiality and
 * a sensitivity code. (Only a contrived set of several opt-in consents could need three labels to release
 * anything; the decision then errs on the side of a deny.)
 */
final class ProbeSpace {

    private final List<Did> holders;
    private final List<Did> requesters;
    private final List<String> purposes;
    private final List<String> classes;
    private final List<Set<String>> labelSets;

    private ProbeSpace(List<Consent> consents) {
        List<ProvisionTree> provisions = consents.stream()
                .flatMap(c -> Stream.concat(Stream.of(c.provision()), c.provision().exceptions().stream()))
                .toList();
        holders = listed(provisions, ProvisionTree::holders, Did::value);
        requesters = listed(provisions, ProvisionTree::grantees, Did::value);
        purposes = listed(provisions, ProvisionTree::purposes, Function.identity());
        classes = listed(provisions, ProvisionTree::classes, Function.identity());
        labelSets = labelSets(provisions);
    }

    static ProbeSpace of(List<Consent> consents) {
        return new ProbeSpace(consents);
    }

    /** The probes for a request with the given dimensions fixed to its values and the others free. */
    Stream<Probe> probes(AccessRequest request, Set<Stage> fixed) {
        List<Did> hs = fixed.contains(Stage.HOLDER) ? List.of(request.holder()) : holders;
        List<Did> rs = fixed.contains(Stage.REQUESTER) ? List.of(request.requester()) : requesters;
        List<String> ps = fixed.contains(Stage.PURPOSE) ? List.of(request.purpose()) : purposes;
        List<String> cs = fixed.contains(Stage.CLASSES) && !request.classes().isEmpty()
                ? List.copyOf(request.classes())
                : classes;
        return hs.stream().flatMap(h -> rs.stream().flatMap(r -> ps.stream().flatMap(p -> cs.stream()
                .flatMap(c -> labelSets.stream().map(labels -> new Probe(h, r, p, c, labels))))));
    }

    /** The distinct listed values, then null for "a value no provision lists". */
    private static <T> List<T> listed(List<ProvisionTree> provisions, Function<ProvisionTree, List<T>> values,
            Function<T, String> sortKey) {
        List<T> listed = new ArrayList<>(provisions.stream()
                .flatMap(p -> values.apply(p).stream())
                .distinct()
                .sorted(Comparator.comparing(sortKey))
                .toList());
        listed.add(null);
        return listed;
    }

    private static List<Set<String>> labelSets(List<ProvisionTree> provisions) {
        List<String> labels = listed(provisions, ProvisionTree::securityLabels, Function.identity()).stream()
                .filter(Objects::nonNull)
                .toList();
        List<Set<String>> sets = new ArrayList<>();
        sets.add(Set.of());
        for (int i = 0; i < labels.size(); i++) {
            sets.add(Set.of(labels.get(i)));
            for (int j = i + 1; j < labels.size(); j++) {
                sets.add(Set.of(labels.get(i), labels.get(j)));
            }
        }
        return List.copyOf(sets);
    }
}
