package org.medmesh.node.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line options: {@code --name value} pairs, bare flags and positional words. */
record Options(Map<String, String> named, Set<String> flags, List<String> positional) {
    private static final Set<String> FLAGS = Set.of("keep");

    static Options parse(List<String> args) {
        Map<String, String> named = new HashMap<>();
        Set<String> flags = new java.util.HashSet<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                positional.add(arg);
            } else if (FLAGS.contains(arg.substring(2))) {
                flags.add(arg.substring(2));
            } else if (i + 1 < args.size()) {
                named.put(arg.substring(2), args.get(++i));
            } else {
                throw new IllegalArgumentException(arg + " needs a value");
            }
        }
        return new Options(Map.copyOf(named), Set.copyOf(flags), List.copyOf(positional));
    }

    Path data(Path fallback) {
        return named.containsKey("data") ? Path.of(named.get("data")) : fallback;
    }

    int integer(String name, int fallback) {
        String value = named.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < 1) {
                throw new IllegalArgumentException("--" + name + " must be positive");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number", e);
        }
    }
}
