#!/usr/bin/env bash
# Checks the 2-of-3 endorsement policy on a network started by `fabric.sh up && deploy`.
# WRITES TO THE LEDGER (registers Hospital1's and Hospital2's organisation DIDs): run it
# on a throwaway network and `fabric.sh down --wipe` afterwards, not before a test suite
# that registers those DIDs itself.
#   1. identity:registerOrganization (Hospital2) endorsed by Hospital2 alone
#      -> invalidated with ENDORSEMENT_POLICY_FAILURE, DID still unknown
#   2. identity:registerOrganization (Hospital1) endorsed by Hospital1 + Hospital2 -> VALID
#   3. identity:registerOrganization (Hospital2) endorsed by Hospital2 + Hospital3 -> VALID
#   4. both DIDs resolve on all three peers
# Needs peer (FABRIC_BIN or PATH), openssl, jq.
set -euo pipefail
NC_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
FH=${MEDMESH_FABRIC_HOME:-$HOME/.medmesh/fabric}
if [ -n "${FABRIC_BIN:-}" ]; then PATH=$FABRIC_BIN:$PATH; fi
for b in peer openssl jq; do command -v "$b" >/dev/null || { echo "smoke-test: '$b' not found" >&2; exit 1; }; done

tlsca() { echo "$FH/crypto/peerOrganizations/hospital$1.medmesh.local/tlsca/tlsca.hospital$1.medmesh.local-cert.pem"; }
peers() { local n; for n in "$@"; do printf '%s\n' --peerAddresses "127.0.0.1:$((6051 + 1000 * n))" --tlsRootCertFiles "$(tlsca "$n")"; done; }
rawkey() {  # base64url of a fresh raw 32-byte public key (ED25519 or X25519)
  openssl genpkey -algorithm "$1" 2>/dev/null | openssl pkey -pubout -outform DER | tail -c 32 \
    | base64 | tr '+/' '-_' | tr -d '=\n'
}
register_args() {  # N -> chaincode arguments registering Hospital N's organisation DID
  local a
  a=$(jq -nc --arg m "Hospital$1MSP" --arg s "$(rawkey ED25519)" --arg x "$(rawkey X25519)" \
        --arg e "https://hospital$1.medmesh.local/medmesh" \
        '{mspId:$m, signingKey:$s, agreementKey:$x, serviceEndpoint:$e}')
  jq -nc --arg a "$a" '{Args:["identity:registerOrganization",$a]}'
}
invoke() {  # AS_ORG ARGS ENDORSING_ORGS...
  local as=$1 args=$2; shift 2
  local -a p; mapfile -t p < <(peers "$@")
  ( eval "$("$NC_DIR/fabric.sh" env "$as" user)"
    export FABRIC_LOGGING_SPEC=info
    peer chaincode invoke -o 127.0.0.1:7050 --ordererTLSHostnameOverride orderer0.orderer.medmesh.local \
      --tls --cafile "$ORDERER_CA" -C medmesh -n medmesh "${p[@]}" --waitForEvent -c "$args" 2>&1 \
      | sed 's/\x1b\[[0-9;]*m//g' )
}
resolve() {  # ON_ORG DID
  ( eval "$("$NC_DIR/fabric.sh" env "$1" user)"
    peer chaincode query -C medmesh -n medmesh -c "$(jq -nc --arg d "$2" '{Args:["identity:resolve",$d]}')" 2>&1 )
}
fail() { echo "smoke-test: FAIL: $*" >&2; exit 1; }

echo "1. Hospital2 registers its DID, endorsed by Hospital2 alone"
out=$(invoke 2 "$(register_args 2)" 2 || true); echo "$out"
grep -q 'ENDORSEMENT_POLICY_FAILURE' <<< "$out" || fail "expected ENDORSEMENT_POLICY_FAILURE"
out=$(resolve 3 did:medmesh:org:Hospital2MSP || true)
grep -q NOT_FOUND <<< "$out" || fail "invalid transaction changed state: $out"
echo "   -> invalidated (ENDORSEMENT_POLICY_FAILURE), DID still NOT_FOUND"

echo "2. Hospital1 registers its DID, endorsed by Hospital1 + Hospital2"
out=$(invoke 1 "$(register_args 1)" 1 2); echo "$out"
grep -q 'status (VALID)' <<< "$out" || fail "expected VALID"

echo "3. Hospital2 registers its DID, endorsed by Hospital2 + Hospital3"
out=$(invoke 2 "$(register_args 2)" 2 3); echo "$out"
grep -q 'status (VALID)' <<< "$out" || fail "expected VALID"

echo "4. both DIDs resolve on every peer"
for n in 1 2 3; do
  for d in did:medmesh:org:Hospital1MSP did:medmesh:org:Hospital2MSP; do
    out=$(resolve "$n" "$d" || true)
    grep -qF "\"id\":\"$d\"" <<< "$out" || fail "$d does not resolve on hospital$n: $out"
  done
done
echo "smoke-test: OK"
