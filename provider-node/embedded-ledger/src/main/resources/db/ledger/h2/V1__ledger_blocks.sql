-- One row per block. Hashes and the orderer signature are checked against the data on every start and by
-- 'medmesh ledger verify'; the orderer's key is not in this database.
CREATE TABLE ledger_block (
    block_number  BIGINT          NOT NULL PRIMARY KEY,
    previous_hash VARBINARY(32)   NOT NULL,
    data_hash     VARBINARY(32)   NOT NULL,
    time_seconds  BIGINT          NOT NULL,
    time_nanos    INTEGER         NOT NULL,
    signature     VARBINARY(128)  NOT NULL,
    data          BLOB            NOT NULL
);
