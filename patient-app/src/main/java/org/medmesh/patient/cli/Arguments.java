package org.medmesh.patient.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command line: the command words ({@code consent grant}), options with a value ({@code --node URL} or
 * {@code --node=URL}) and flags ({@code --details}). An option given twice, an option without its value and a value
 * that looks like an option are refused, so a typo never silently changes what is signed.
 */
final class Arguments {

    static final Set<String> FLAGS = Set.of("details", "recovery", "resume", "help");

    private final List<String> words;
    private final Map<String, String> options;
    private final Set<String> flags;

    private Arguments(List<String> words, Map<String, String> options, Set<String> flags) {
        this.words = List.copyOf(words);
        this.options = Map.copyOf(options);
        this.flags = Set.copyOf(flags);
    }

    static Arguments parse(List<String> args) {
        List<String> words = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        Set<String> flags = new LinkedHashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                words.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
            if (!name.matches("[a-z][a-z-]*")) {
                throw CliFailure.usage("not an option: " + arg);
            }
            if (FLAGS.contains(name)) {
                if (equals >= 0) {
                    throw CliFailure.usage("--" + name + " takes no value");
                }
                if (!flags.add(name)) {
                    throw CliFailure.usage("--" + name + " is given twice");
                }
                continue;
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                throw CliFailure.usage("--" + name + " needs a value");
            }
            if (value.isEmpty()) {
                throw CliFailure.usage("--" + name + " needs a value");
            }
            if (options.put(name, value) != null) {
                throw CliFailure.usage("--" + name + " is given twice");
            }
        }
        return new Arguments(words, options, flags);
    }

    List<String> words() {
        return words;
    }

    /** Refuses options and flags the command does not take. */
    void allowOnly(String command, Set<String> allowedOptions, Set<String> allowedFlags) {
        for (String name : options.keySet()) {
            if (!allowedOptions.contains(name)) {
                throw CliFailure.usage("`patient " + command + "` takes no --" + name);
            }
        }
        for (String name : flags) {
            if (!allowedFlags.contains(name)) {
                throw CliFailure.usage("`patient " + command + "` takes no --" + name);
            }
        }
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    String required(String name, String what) {
        return option(name).orElseThrow(() -> CliFailure.usage("--" + name + " " + what + " is needed"));
    }

    boolean flag(String name) {
        return flags.contains(name);
    }
}
