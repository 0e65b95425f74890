-- Requester side: which of a hospital's local Patients is which patient DID at another hospital (the holder).
-- Written only when the patient proves both DIDs are theirs (both sign the link); one DID per holder.
CREATE TABLE patient_link (
    patient_id   VARCHAR(64)  NOT NULL,
    holder_did   VARCHAR(80)  NOT NULL,
    patient_did  VARCHAR(200) NOT NULL,
    linked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (patient_id, holder_did)
);

-- Holder side: the clinician's own words for a break-glass access. They may name the patient's condition, so they
-- stay here; the ledger's access event carries their SHA-256 and the coded reason.
CREATE TABLE break_glass_reason (
    event_id     VARCHAR(64)   NOT NULL PRIMARY KEY,
    requester    VARCHAR(80)   NOT NULL,
    patient_did  VARCHAR(200)  NOT NULL,
    reason_code  VARCHAR(32)   NOT NULL,
    reason       VARCHAR(1000) NOT NULL,
    declared_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
