-- The node's own state next to its FHIR records (same database, history table node_schema_history).

-- Signed FHIR Consents as the patient's wallet delivered them: the exact bytes the ledger grant's consentHash covers.
CREATE TABLE consent_document (
    consent_id   VARCHAR(80)      PRIMARY KEY,
    patient_did  VARCHAR(128)     NOT NULL,
    sha256       CHAR(64)         NOT NULL,
    document     VARBINARY(1048576) NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One-time enrolment codes, kept as their SHA-256: a copy of this table gives nobody a usable code.
CREATE TABLE enrolment_challenge (
    challenge_sha256 CHAR(64)     PRIMARY KEY,
    patient_id       VARCHAR(64)  NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at          TIMESTAMP WITH TIME ZONE
);
