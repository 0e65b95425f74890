package org.medmesh.node.application.port;

/** Why a request or a response stream was refused. */
public enum ExchangeRefusal {
    /** Not a compact JWS/JWE of the expected type, or a claim is missing or ill-formed. */
    MALFORMED,
    /** An algorithm other than EdDSA/Ed25519 (JWS) or ECDH-ES with A256GCM (JWE). */
    UNSUPPORTED_ALG,
    /** The signature does not verify with the signer's key on the ledger. */
    BAD_SIGNATURE,
    /** The request is addressed to another node. */
    WRONG_AUDIENCE,
    /** The requester is not an organisation with a current (registered, not deactivated) DID on the ledger. */
    UNKNOWN_REQUESTER,
    /** A request with this requester and nonce was already accepted: a replay. */
    REPLAYED,
    /** The request's expiry has passed (beyond the allowed clock skew). */
    EXPIRED,
    /** The request was issued in the future (beyond the allowed clock skew). */
    NOT_YET_VALID,
    /** The request asks to stay valid for longer than the receiver allows. */
    LIFETIME_TOO_LONG,
    /** The envelope is not for this reply key, or its ciphertext or header was altered. */
    UNDECRYPTABLE,
    /** A chunk or manifest belongs to another request or another response. */
    SPLICED,
    /** A chunk arrived before the one expected: a gap or a reordering. */
    OUT_OF_ORDER,
    /** A chunk arrived again. */
    DUPLICATE,
    /** A chunk arrived after the chunk marked last. */
    AFTER_LAST,
    /** The stream ended before its last chunk, or the manifest counts more chunks than arrived. */
    TRUNCATED,
    /** The manifest's count or SHA-256 does not match the chunks received. */
    MANIFEST_MISMATCH
}
