package org.medmesh.patient.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.medmesh.chaincode.consent.ConsentGrant;
import org.medmesh.chaincode.consent.SecurityLabel;
import org.medmesh.patient.cli.PlainWords;
import org.medmesh.patient.consent.ConsentChoices;
import org.medmesh.patient.wallet.SignedConsent;

/**
 * A consent in one sentence for the page, the way a patient would say it: "Lets St Marys Hospital see all your
 * records from City Hospital for treatment, except mental health, until 31 December 2027." Hospitals by name, kinds
 * and categories in words; no identifiers (those are behind "Details").
 */
final class ConsentWords {
    private ConsentWords() {}

    static String sentence(SignedConsent consent, ZoneId zone) {
        try {
            Optional<ConsentChoices> choices = ConsentChoices.of(ConsentGrant.parse(consent.grantJws()).provision());
            return choices.map(c -> sentence(c, zone)).orElse("A consent of a form this page does not put in words.");
        } catch (ChaincodeException e) {
            return "A consent this app cannot read.";
        }
    }

    static String sentence(ConsentChoices choices, ZoneId zone) {
        StringBuilder text = new StringBuilder("Lets ")
                .append(choices.grantees().stream().map(HospitalNames::of).collect(Collectors.joining(", ")))
                .append(" see ").append(choices.resourceClasses().isEmpty() ? "all your records"
                        : "your " + choices.resourceClasses().stream().map(PlainWords::kindPlural)
                                .collect(Collectors.joining(", ")))
                .append(" from ").append(HospitalNames.of(choices.holder())).append(" for ")
                .append(choices.purposes().stream().map(PlainWords::purpose).collect(Collectors.joining(", ")));
        if (!choices.withheld().isEmpty()) {
            text.append(", except ").append(withheld(choices.withheld()));
        }
        if (choices.from() != null) {
            text.append(", from ").append(day(choices.from(), zone));
        }
        if (choices.until() != null) {
            text.append(", until ").append(day(choices.until(), zone));
        }
        return text.append('.').toString();
    }

    /** The categories the labels stand for, in the words of the question page; other labels in their own words. */
    private static String withheld(List<SecurityLabel> labels) {
        List<String> words = new ArrayList<>(ConsentDraft.Category.covering(labels).stream()
                .map(c -> c.words.toLowerCase(Locale.ENGLISH).replace("hiv/aids", "HIV/AIDS")).toList());
        List<String> others = ConsentDraft.Category.uncovered(labels).stream().map(Enum::name).toList();
        if (!others.isEmpty()) {
            words.add(PlainWords.labels(others));
        }
        return String.join(", ", words);
    }

    private static String day(Instant instant, ZoneId zone) {
        return day(LocalDate.ofInstant(instant, zone));
    }

    /** A day as people write it: "31 December 2027". */
    static String day(LocalDate day) {
        return day.format(DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH));
    }
}
