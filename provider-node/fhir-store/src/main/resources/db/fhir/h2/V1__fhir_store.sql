-- FHIR resource store, H2. The PostgreSQL script is the same but for the body and timestamp column types
-- and its LIKE-prefix operator class.

-- The current version of every resource (deleted ones included, so an id is never reused by accident).
CREATE TABLE fhir_resource (
    res_type     VARCHAR(64) NOT NULL,
    res_id       VARCHAR(64) NOT NULL,
    version      BIGINT      NOT NULL,
    last_updated TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    deleted      BOOLEAN     NOT NULL,
    PRIMARY KEY (res_type, res_id)
);
CREATE INDEX fhir_resource_updated ON fhir_resource (res_type, last_updated);

-- Every version ever written. The body is text: it is only ever returned whole, and text keeps it byte-exact.
CREATE TABLE fhir_resource_version (
    res_type     VARCHAR(64) NOT NULL,
    res_id       VARCHAR(64) NOT NULL,
    version      BIGINT      NOT NULL,
    last_updated TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    deleted      BOOLEAN     NOT NULL,
    body         CHARACTER LARGE OBJECT,
    PRIMARY KEY (res_type, res_id, version)
);
CREATE INDEX fhir_version_updated ON fhir_resource_version (last_updated);
CREATE INDEX fhir_version_type_updated ON fhir_resource_version (res_type, last_updated);

-- Search indexes: rows of current, non-deleted versions only, replaced on every write.
CREATE TABLE fhir_idx_token (
    res_type     VARCHAR(64)  NOT NULL,
    res_id       VARCHAR(64)  NOT NULL,
    param        VARCHAR(64)  NOT NULL,
    token_system VARCHAR(500),
    token_code   VARCHAR(500) NOT NULL
);
CREATE INDEX fhir_idx_token_search ON fhir_idx_token (res_type, param, token_code, token_system);
CREATE INDEX fhir_idx_token_owner ON fhir_idx_token (res_type, res_id);

CREATE TABLE fhir_idx_string (
    res_type    VARCHAR(64)  NOT NULL,
    res_id      VARCHAR(64)  NOT NULL,
    param       VARCHAR(64)  NOT NULL,
    value_exact VARCHAR(200) NOT NULL,
    value_norm  VARCHAR(200) NOT NULL
);
CREATE INDEX fhir_idx_string_search ON fhir_idx_string (res_type, param, value_norm);
CREATE INDEX fhir_idx_string_owner ON fhir_idx_string (res_type, res_id);

CREATE TABLE fhir_idx_date (
    res_type VARCHAR(64) NOT NULL,
    res_id   VARCHAR(64) NOT NULL,
    param    VARCHAR(64) NOT NULL,
    low_at   TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    high_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
CREATE INDEX fhir_idx_date_search ON fhir_idx_date (res_type, param, low_at, high_at);
CREATE INDEX fhir_idx_date_owner ON fhir_idx_date (res_type, res_id);

CREATE TABLE fhir_idx_reference (
    res_type    VARCHAR(64) NOT NULL,
    res_id      VARCHAR(64) NOT NULL,
    param       VARCHAR(64) NOT NULL,
    target_type VARCHAR(64) NOT NULL,
    target_id   VARCHAR(64) NOT NULL
);
CREATE INDEX fhir_idx_reference_search ON fhir_idx_reference (target_type, target_id, param);
CREATE INDEX fhir_idx_reference_owner ON fhir_idx_reference (res_type, res_id);

-- Which resources are in which Patient's compartment (for Patient/$everything).
CREATE TABLE fhir_patient_compartment (
    patient_id VARCHAR(64) NOT NULL,
    res_type   VARCHAR(64) NOT NULL,
    res_id     VARCHAR(64) NOT NULL
);
CREATE INDEX fhir_patient_compartment_patient ON fhir_patient_compartment (patient_id);
CREATE INDEX fhir_patient_compartment_owner ON fhir_patient_compartment (res_type, res_id);
