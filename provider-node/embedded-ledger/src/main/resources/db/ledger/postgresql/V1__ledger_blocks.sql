-- One row per block. Hashes and the orderer signature are checked against the data on every start and by
-- 'medmesh ledger verify'; the orderer's key is not in this database.
CREATE TABLE ledger_block (
    block_number  BIGINT   NOT NULL PRIMARY KEY,
    previous_hash BYTEA    NOT NULL,
    data_hash     BYTEA    NOT NULL,
    time_seconds  BIGINT   NOT NULL,
    time_nanos    INTEGER  NOT NULL,
    signature     BYTEA    NOT NULL,
    data          BYTEA    NOT NULL
);
