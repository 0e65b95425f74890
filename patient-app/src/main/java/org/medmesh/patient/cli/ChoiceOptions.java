package org.medmesh.patient.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.medmesh.chaincode.consent.PurposeOfUse;
import org.medmesh.chaincode.consent.SecurityLabel;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.fhir.Fhir;
import org.medmesh.patient.consent.ConsentChoices;

/**
 * The consent options of {@code grant} and {@code narrow}: {@code --to DID|URL[,…]}, {@code --purpose TREAT[,…]}
 * (default TREAT), {@code --classes Observation[,…]} (default all), {@code --withhold PSY[,…]}, {@code --from} and
 * {@code --until} (an instant such as {@code 2026-06-01T00:00:00Z}, a date-time with offset, or a date, read in the
 * clock's zone as the start of that day for {@code --from} and its last second for {@code --until}).
 */
final class ChoiceOptions {

    static final Set<String> NAMES = Set.of("to", "purpose", "classes", "withhold", "from", "until");

    private ChoiceOptions() {}

    /**
     * The choices on the command line for records held by {@code holder}; an option left out takes its value from
     * {@code base} (narrowing) or its default (granting, {@code base} null).
     */
    static ConsentChoices read(Session session, Did holder, ConsentChoices base) {
        Arguments args = session.args();
        ZoneId zone = session.clock().getZone();
        List<Did> grantees = args.option("to").map(v -> grantees(session, v)).orElseGet(() -> {
            if (base == null) {
                throw CliFailure.usage("--to DID|URL (the hospital that may receive the records) is needed");
            }
            return base.grantees();
        });
        List<PurposeOfUse> purposes = args.option("purpose").map(v -> codes(v, PurposeOfUse.class, "purpose"))
                .orElse(base == null ? List.of(PurposeOfUse.TREAT) : base.purposes());
        List<String> classes = args.option("classes").map(ChoiceOptions::resourceTypes)
                .orElse(base == null ? List.of() : base.resourceClasses());
        List<SecurityLabel> withheld = args.option("withhold").map(v -> codes(v, SecurityLabel.class, "category"))
                .orElse(base == null ? List.of() : base.withheld());
        Instant from = args.option("from").map(v -> time(v, zone, false)).orElse(base == null ? null : base.from());
        Instant until = args.option("until").map(v -> time(v, zone, true)).orElse(base == null ? null : base.until());
        if (args.option("until").isPresent() && until.isBefore(session.now())) {
            throw CliFailure.usage("--until lies in the past: the consent would never apply");
        }
        try {
            return new ConsentChoices(grantees, holder, purposes, classes, withheld, from, until);
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage(e.getMessage());
        }
    }

    private static List<Did> grantees(Session session, String value) {
        return items(value, item -> Hospital.named(session, item).did());
    }

    private static <E extends Enum<E>> List<E> codes(String value, Class<E> vocabulary, String what) {
        return items(value, item -> {
            try {
                return Enum.valueOf(vocabulary, item.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw CliFailure.usage("unknown " + what + ": " + item + " (one of "
                        + String.join(", ", Arrays.stream(vocabulary.getEnumConstants()).map(Enum::name).toList())
                        + ")");
            }
        });
    }

    /** FHIR R4 resource type names, any case in, canonical spelling out. */
    private static List<String> resourceTypes(String value) {
        Set<String> known = Fhir.context().getResourceTypes();
        return items(value, item -> known.stream().filter(t -> t.equalsIgnoreCase(item)).findFirst()
                .orElseThrow(() -> CliFailure.usage("unknown kind of record: " + item
                        + " (FHIR R4 resource type names, e.g. Observation, Condition, MedicationRequest)")));
    }

    static Instant time(String text, ZoneId zone, boolean endOfDay) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException notInstant) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeException notOffset) {
                try {
                    LocalDate day = LocalDate.parse(text);
                    return endOfDay ? ConsentChoices.endOf(day, zone) : ConsentChoices.startOf(day, zone);
                } catch (DateTimeException notDate) {
                    throw CliFailure.usage("not a date or time: " + text
                            + " (e.g. 2026-12-31 or 2026-12-31T18:00:00Z)");
                }
            }
        }
    }

    private static <T> List<T> items(String value, Function<String, T> parse) {
        List<T> result = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                result.add(parse.apply(item.strip()));
            }
        }
        if (result.isEmpty()) {
            throw CliFailure.usage("an empty list: " + value);
        }
        return result;
    }
}
