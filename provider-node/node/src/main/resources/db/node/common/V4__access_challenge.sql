-- One-time challenges a patient's wallet signs to read the patient's own records here (DID auth), kept as their
-- SHA-256 and bound to the DID they were issued for; each can be answered once, within minutes.
CREATE TABLE access_challenge (
    challenge_sha256 CHAR(64)     PRIMARY KEY,
    patient_did      VARCHAR(200) NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at          TIMESTAMP WITH TIME ZONE
);
