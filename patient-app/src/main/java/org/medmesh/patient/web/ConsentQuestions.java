package org.medmesh.patient.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medmesh.chaincode.consent.PurposeOfUse;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.cli.PlainWords;
import org.medmesh.patient.node.Enrolments;
import org.medmesh.patient.node.NodeClient;
import org.medmesh.patient.node.NodeException;
import org.medmesh.patient.node.NodeIdentity;
import org.medmesh.patient.wallet.Wallet;

/**
 * The questions of a new consent, one per page: whose records, who may see them, what for, which kinds, what stays
 * private, from when until when. Each page shows the draft's answers; a posted answer is checked, and either kept
 * (then the next question, or the check page once reached) or shown again with what is wrong.
 */
final class ConsentQuestions {

    /** The questions in order: path segment and page title. */
    enum Step {
        HOLDER("holder", "Whose records do you want to share?"),
        GRANTEES("grantees", "Which hospitals may see them?"),
        PURPOSES("purposes", "What may they use them for?"),
        KINDS("kinds", "Which kinds of records?"),
        PRIVATE("private", "Which sensitive records should stay private?"),
        DATES("dates", "When should your consent start and end?");

        final String segment;
        final String title;

        Step(String segment, String title) {
            this.segment = segment;
            this.title = title;
        }

        String path() {
            return "/consents/new/" + segment;
        }

        static Step of(String segment) {
            for (Step step : values()) {
                if (step.segment.equals(segment)) {
                    return step;
                }
            }
            return null;
        }
    }

    /** Purposes a patient is offered, most common first. */
    static final List<PurposeOfUse> PURPOSES = List.of(PurposeOfUse.TREAT, PurposeOfUse.ETREAT,
            PurposeOfUse.CAREMGT, PurposeOfUse.HPAYMT, PurposeOfUse.HOPERAT, PurposeOfUse.HRESCH,
            PurposeOfUse.PUBHLTH);
    /** Kinds of records offered when not all are shared. */
    static final List<String> KINDS = List.of("Condition", "Observation", "DiagnosticReport", "MedicationRequest",
            "Immunization", "AllergyIntolerance", "Procedure", "Encounter", "CarePlan", "DocumentReference",
            "ImagingStudy");

    private final NodeClient nodes;

    ConsentQuestions(NodeClient nodes) {
        this.nodes = nodes;
    }

    /**
     * The page of {@code step}: with the draft's answers, or with what was posted ({@code posted}, null when none)
     * when that could not be kept; {@code errors} are field id and message.
     */
    String page(Step step, ConsentDraft draft, Wallet wallet, String csrf, List<String[]> errors,
            Map<String, List<String>> posted) {
        Answers answers = new Answers(posted);
        String fields = switch (step) {
            case HOLDER -> holder(draft, wallet, answers, errors);
            case GRANTEES -> grantees(draft, wallet, answers, errors);
            case PURPOSES -> Forms.checkboxes("purpose", "Tick every purpose you allow.", offered(PURPOSES,
                    draft.purposes).stream().map(p -> new Forms.Option(p.name(),
                    Html.capitalised(PlainWords.purpose(p)),
                    purposeHint(p))).toList(), answers.all("purpose", draft.purposes.stream().map(Enum::name)
                    .toList()), errors);
            case KINDS -> kinds(draft, answers, errors);
            case PRIVATE -> Forms.checkboxes("category", "Hospitals mark records about these topics. Records "
                    + "marked with a topic you tick are not shared under this consent. Leave all unticked to share "
                    + "them too.", java.util.Arrays.stream(ConsentDraft.Category.values())
                    .map(c -> new Forms.Option(c.name(), c.words, null)).toList(),
                    answers.all("category", draft.kept.stream().map(Enum::name).toList()), errors);
            case DATES -> Forms.date("from", "Starts", "Now", answers.date("from", draft.from), errors)
                    + Forms.date("until", "Ends", "When I stop it", answers.date("until", draft.until), errors);
        };
        if (fields == null) {
            return "<p>You are not enrolled at any hospital yet, so there are no records of yours to share. "
                    + "<a href=\"/enrol\">Enrol at a hospital</a> first.</p>";
        }
        return Html.errorSummary(errors) + "<form method=\"post\" action=\"" + step.path() + "\" novalidate>"
                + Forms.csrf(csrf) + fields + "<button type=\"submit\" class=\"button\">Continue</button></form>"
                + "<p><a href=\"/consents\">Cancel</a></p>";
    }

    /**
     * Keeps the posted answer of {@code step} in the draft; the problems, by field, if it cannot be kept (the draft
     * is then unchanged).
     */
    List<String[]> answer(Step step, ConsentDraft draft, Wallet wallet, Map<String, List<String>> form,
            LocalDate today) {
        List<String[]> errors = new ArrayList<>();
        switch (step) {
            case HOLDER -> {
                Did holder = Enrolments.enrolledHospitals(wallet).stream()
                        .filter(h -> h.value().equals(first(form, "holder")))
                        .findFirst().orElse(null);
                if (holder == null) {
                    errors.add(error("holder", "Choose the hospital whose records you want to share"));
                } else {
                    draft.holder = holder;
                    draft.grantees.remove(holder);
                }
            }
            case GRANTEES -> errors.addAll(grantees(draft, wallet, form));
            case PURPOSES -> {
                List<PurposeOfUse> chosen = offered(PURPOSES, draft.purposes).stream()
                        .filter(p -> form.getOrDefault("purpose", List.of()).contains(p.name())).toList();
                if (chosen.isEmpty()) {
                    errors.add(error("purpose", "Choose at least one purpose"));
                } else {
                    draft.purposes = chosen;
                }
            }
            case KINDS -> {
                boolean some = "some".equals(first(form, "kinds"));
                List<String> chosen = offered(KINDS, draft.kinds).stream()
                        .filter(k -> form.getOrDefault("kind", List.of()).contains(k)).toList();
                if (some && chosen.isEmpty()) {
                    errors.add(error("kind", "Choose at least one kind of record, or share all of them"));
                } else if (first(form, "kinds") == null) {
                    errors.add(error("kinds", "Choose whether to share all your records or some kinds"));
                } else {
                    draft.kinds = some ? chosen : List.of();
                }
            }
            case PRIVATE -> {
                Set<ConsentDraft.Category> kept = EnumSet.noneOf(ConsentDraft.Category.class);
                for (String name : form.getOrDefault("category", List.of())) {
                    java.util.Arrays.stream(ConsentDraft.Category.values()).filter(c -> c.name().equals(name))
                            .forEach(kept::add);
                }
                draft.kept = kept;
            }
            case DATES -> errors.addAll(dates(draft, form, today));
        }
        return errors;
    }

    private static String holder(ConsentDraft draft, Wallet wallet, Answers answers, List<String[]> errors) {
        List<Did> enrolled = Enrolments.enrolledHospitals(wallet);
        if (enrolled.isEmpty()) {
            return null;
        }
        return Forms.radios("holder", "Your consent lets other hospitals see the records one hospital keeps "
                + "about you. Choose that hospital.", enrolled.stream()
                .map(h -> new Forms.Option(h.value(), HospitalNames.of(h), null)).toList(),
                answers.one("holder", draft.holder == null ? null : draft.holder.value()), errors);
    }

    private static String grantees(ConsentDraft draft, Wallet wallet, Answers answers, List<String[]> errors) {
        List<Forms.Option> known = new ArrayList<>();
        Set<Did> listed = new LinkedHashSet<>(others(wallet, draft.holder));
        listed.addAll(draft.grantees.keySet());
        for (Did hospital : listed) {
            known.add(new Forms.Option(hospital.value(), draft.grantees.getOrDefault(hospital,
                    HospitalNames.of(hospital)), null));
        }
        String hint = "They may ask " + HospitalNames.of(draft.holder) + " for your records; it decides on each "
                + "request by your consent, and every request is recorded.";
        return (known.isEmpty() ? "<p class=\"hint\">" + Html.escape(hint) + "</p>"
                : Forms.checkboxes("grantee", hint, known, answers.all("grantee", draft.grantees.keySet().stream()
                        .map(Did::value).toList()), errors))
                + Forms.text("address", "Another hospital", "Its address, as its registration desk or website "
                        + "gives it, for example https://mesh.st-marys.example", answers.one("address", ""), errors);
    }

    private List<String[]> grantees(ConsentDraft draft, Wallet wallet, Map<String, List<String>> form) {
        Set<Did> allowed = new LinkedHashSet<>(others(wallet, draft.holder));
        allowed.addAll(draft.grantees.keySet());
        java.util.LinkedHashMap<Did, String> chosen = new java.util.LinkedHashMap<>();
        for (Did hospital : allowed) {
            if (form.getOrDefault("grantee", List.of()).contains(hospital.value())) {
                chosen.put(hospital, draft.grantees.getOrDefault(hospital, HospitalNames.of(hospital)));
            }
        }
        String address = first(form, "address");
        if (address != null && !address.isBlank()) {
            try {
                NodeIdentity identity = nodes.identity(Forms.webAddress(address));
                if (identity.did().equals(draft.holder)) {
                    return List.<String[]>of(error("address", "That is " + HospitalNames.of(draft.holder)
                            + ", which already keeps these records: name another hospital"));
                }
                chosen.put(identity.did(), HospitalNames.of(identity.did()));
            } catch (IllegalArgumentException e) {
                return List.<String[]>of(error("address", "Enter the hospital's address, starting with https://"));
            } catch (NodeException e) {
                return List.<String[]>of(error("address", "No hospital answered at that address: check it and try "
                        + "again"));
            }
        }
        if (chosen.isEmpty()) {
            return List.<String[]>of(error(allowed.isEmpty() ? "address" : "grantee",
                    "Choose at least one hospital that may see your records"));
        }
        draft.grantees.clear();
        draft.grantees.putAll(chosen);
        return List.of();
    }

    private static String kinds(ConsentDraft draft, Answers answers, List<String[]> errors) {
        return Forms.radios("kinds", "Sharing all lets a clinician see your whole history.", List.of(
                        new Forms.Option("all", "All my records", null),
                        new Forms.Option("some", "Only the kinds I choose below", null)),
                answers.one("kinds", draft.kinds.isEmpty() ? "all" : "some"), errors)
                + Forms.checkboxes("kind", "If only some: which kinds?", offered(KINDS, draft.kinds).stream()
                        .map(k -> new Forms.Option(k, PlainWords.kindName(k), null)).toList(),
                        answers.all("kind", draft.kinds), errors);
    }

    /** What a page shows as answered: what was posted, if anything was, else the draft's. */
    private record Answers(Map<String, List<String>> posted) {
        List<String> all(String name, List<String> kept) {
            return posted == null ? kept : posted.getOrDefault(name, List.of());
        }

        String one(String name, String kept) {
            return posted == null ? kept : first(posted, name);
        }

        /** The date as kept, or as typed (a date that is not real is shown as typed, to be corrected). */
        Forms.DateAnswer date(String name, LocalDate kept) {
            if (posted == null) {
                return kept == null ? new Forms.DateAnswer(true, "", "", "")
                        : new Forms.DateAnswer(false, Integer.toString(kept.getDayOfMonth()),
                                Integer.toString(kept.getMonthValue()), Integer.toString(kept.getYear()));
            }
            return new Forms.DateAnswer(!"date".equals(first(posted, name)), orEmpty(first(posted, name + "-day")),
                    orEmpty(first(posted, name + "-month")), orEmpty(first(posted, name + "-year")));
        }

        private static String orEmpty(String text) {
            return text == null ? "" : text;
        }
    }

    private static List<String[]> dates(ConsentDraft draft, Map<String, List<String>> form, LocalDate today) {
        List<String[]> errors = new ArrayList<>();
        LocalDate from = null;
        LocalDate until = null;
        if ("date".equals(first(form, "from"))) {
            from = date(form, "from", errors);
            if (from != null && from.isBefore(today)) {
                errors.add(error("from-day", "The start must be today or later"));
            }
        }
        if ("date".equals(first(form, "until"))) {
            until = date(form, "until", errors);
            if (until != null && until.isBefore(from == null ? today : from)) {
                errors.add(error("until-day", from == null ? "The end must be today or later"
                        : "The end must be on or after the start"));
            }
        }
        LocalDate latest = today.plusYears(100);
        if (from != null && from.isAfter(latest) || until != null && until.isAfter(latest)) {
            errors.add(error(until != null && until.isAfter(latest) ? "until-day" : "from-day",
                    "Choose a day within the next 100 years"));
        }
        if (errors.isEmpty()) {
            draft.from = from;
            draft.until = until;
        }
        return errors;
    }

    private static LocalDate date(Map<String, List<String>> form, String name, List<String[]> errors) {
        try {
            return LocalDate.of(Integer.parseInt(first(form, name + "-year").strip()),
                    Integer.parseInt(first(form, name + "-month").strip()),
                    Integer.parseInt(first(form, name + "-day").strip()));
        } catch (NullPointerException | NumberFormatException | DateTimeException e) {
            errors.add(error(name + "-day", (name.equals("from") ? "The start" : "The end")
                    + " must be a real date, for example 30 6 2027"));
            return null;
        }
    }

    /** The choices offered, and any the draft holds that are not among them (a consent given elsewhere). */
    private static <T> List<T> offered(List<T> offered, List<T> held) {
        Set<T> all = new LinkedHashSet<>(offered);
        all.addAll(held);
        return List.copyOf(all);
    }

    private static List<Did> others(Wallet wallet, Did holder) {
        return wallet.hospitals().stream().filter(h -> !h.equals(holder)).sorted(Comparator.comparing(Did::value))
                .toList();
    }


    private static String purposeHint(PurposeOfUse purpose) {
        return switch (purpose) {
            case TREAT -> "Your care by the hospital's clinicians";
            case ETREAT -> "When you need urgent care";
            case CAREMGT -> "Organising your care between services";
            case HPAYMT -> "Billing for your care";
            case HOPERAT -> "Quality checks and audits of the hospital";
            case HRESCH -> "Studies that may not help you directly";
            case PUBHLTH -> "Reporting to public health authorities";
            default -> null;
        };
    }

    static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    static String[] error(String field, String message) {
        return new String[] {field, message};
    }

}
