package org.medmesh.patient.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medmesh.chaincode.consent.PurposeOfUse;
import org.medmesh.chaincode.consent.SecurityLabel;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.consent.ConsentChoices;

/** A consent in one sentence, as a patient would say it. */
class ConsentWordsTest {

    static final Did CITY = Did.forOrganization("CityHospitalMSP");
    static final Did ST_MARYS = Did.forOrganization("StMarysHospitalMSP");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void names_hospitals_kinds_purposes_categories_and_days_in_words() {
        ConsentChoices choices = new ConsentChoices(List.of(ST_MARYS), CITY,
                List.of(PurposeOfUse.TREAT, PurposeOfUse.ETREAT), List.of("Observation", "Condition"),
                List.of(SecurityLabel.PSY, SecurityLabel.BH, SecurityLabel.HIV, SecurityLabel.TBOO), null,
                Instant.parse("2027-06-30T21:59:59Z"));

        assertThat(ConsentWords.sentence(choices, PARIS)).isEqualTo("Lets St Marys Hospital see your observations, "
                + "conditions from City Hospital for treatment, emergency treatment, except mental health, HIV/AIDS, "
                + "taboo topics, until 30 June 2027.");
    }

    @Test
    void all_records_with_nothing_kept_private_and_no_end() {
        ConsentChoices choices = ConsentChoices.forTreatment(List.of(ST_MARYS), CITY);

        assertThat(ConsentWords.sentence(choices, PARIS))
                .isEqualTo("Lets St Marys Hospital see all your records from City Hospital for treatment.");
    }
}
