-- Nonces of accepted exchange requests, kept until the request could no longer be accepted (its exp plus the
-- clock skew): the primary key makes "remember" single-use even under concurrent deliveries and across restarts.
CREATE TABLE exchange_nonce (
    requester   VARCHAR(80)  NOT NULL,
    nonce       VARCHAR(128) NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (requester, nonce)
);

CREATE INDEX exchange_nonce_expires_at ON exchange_nonce (expires_at);
