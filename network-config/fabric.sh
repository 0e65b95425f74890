#!/usr/bin/env bash
# MedMesh's local Hyperledger Fabric 2.5 network, run natively (no Docker) on 127.0.0.1.
#
#   fabric.sh up               crypto material, channel `medmesh`, 3 raft orderers, 3 peers
#   fabric.sh deploy           chaincode `medmesh` as a service, one process per hospital
#   fabric.sh status           processes, channel height per peer, chaincode definition
#   fabric.sh down [--wipe]    stop what up/deploy started; --wipe deletes all state
#   fabric.sh env ORG [admin]  print the exports that point the peer CLI at hospital ORG (1..3)
#
# Runs Fabric's release binaries (peer, orderer, configtxgen, cryptogen, osnadmin) found
# in $FABRIC_BIN or on PATH; builds nothing of Fabric. State (crypto material, ledgers,
# logs, pid files, connection profiles) lives in ${MEDMESH_FABRIC_HOME:-$HOME/.medmesh/fabric}.
# See network-config/README.md.
set -euo pipefail

NC_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$NC_DIR/.." && pwd)
FH=${MEDMESH_FABRIC_HOME:-$HOME/.medmesh/fabric}
CHANNEL=medmesh
CC_NAME=medmesh
CC_VERSION=1.0
CC_SEQUENCE=1
CC_POLICY="OutOf(2,'Hospital1MSP.peer','Hospital2MSP.peer','Hospital3MSP.peer')"
LOG_SPEC=${MEDMESH_FABRIC_LOG_SPEC:-info}
WAIT_SECS=${MEDMESH_FABRIC_WAIT_SECS:-120}

ORGS=(1 2 3)
ORDERERS=(0 1 2)
ORDERER_DOMAIN=orderer.medmesh.local

# --- ports --------------------------------------------------------------------------
orderer_port()       { echo $((7050 + 100 * $1)); }   # 7050 7150 7250
orderer_admin_port() { echo $((7053 + 100 * $1)); }   # 7053 7153 7253
orderer_ops_port()   { case $1 in 0) echo 9443 ;; 1) echo 9447 ;; 2) echo 9448 ;; esac; }
peer_port()          { echo $((6051 + 1000 * $1)); }  # 7051 8051 9051
peer_cc_port()       { echo $((6052 + 1000 * $1)); }  # 7052 8052 9052
peer_ops_port()      { echo $((9443 + $1)); }         # 9444 9445 9446
cc_server_port()     { echo $((9990 + $1)); }         # 9991 9992 9993

# --- paths --------------------------------------------------------------------------
CRYPTO=$FH/crypto
org_domain()    { echo "hospital$1.medmesh.local"; }
org_msp()       { echo "Hospital$1MSP"; }
peer_host()     { echo "peer0.$(org_domain "$1")"; }
peer_dir()      { echo "$CRYPTO/peerOrganizations/$(org_domain "$1")/peers/$(peer_host "$1")"; }
org_user_msp()  { echo "$CRYPTO/peerOrganizations/$(org_domain "$1")/users/$2@$(org_domain "$1")/msp"; }
org_tlsca()     { echo "$CRYPTO/peerOrganizations/$(org_domain "$1")/tlsca/tlsca.$(org_domain "$1")-cert.pem"; }
orderer_host()  { echo "orderer$1.$ORDERER_DOMAIN"; }
orderer_dir()   { echo "$CRYPTO/ordererOrganizations/$ORDERER_DOMAIN/orderers/$(orderer_host "$1")"; }
orderer_tlsca() { echo "$CRYPTO/ordererOrganizations/$ORDERER_DOMAIN/tlsca/tlsca.$ORDERER_DOMAIN-cert.pem"; }
orderer_admin_tls() { echo "$CRYPTO/ordererOrganizations/$ORDERER_DOMAIN/users/Admin@$ORDERER_DOMAIN/tls"; }

# --- output -------------------------------------------------------------------------
say()  { printf '[fabric.sh] %s\n' "$*"; }
die()  { printf '[fabric.sh] error: %s\n' "$*" >&2; exit 1; }

# --- binaries -----------------------------------------------------------------------
# Resolves a Fabric binary from $FABRIC_BIN, then PATH; prints nothing if absent.
find_bin() {
  local name=$1
  if [ -n "${FABRIC_BIN:-}" ] && [ -x "$FABRIC_BIN/$name" ]; then echo "$FABRIC_BIN/$name"; return; fi
  command -v "$name" 2>/dev/null || true
}

missing_bins_die() {
  die "Fabric binary(ies) not found: $* (looked in FABRIC_BIN=${FABRIC_BIN:-<unset>} and on PATH).
  Install Hyperledger Fabric's release binaries (v2.5.x), e.g.
    curl -sSLO https://github.com/hyperledger/fabric/releases/download/v2.5.5/hyperledger-fabric-linux-amd64-2.5.5.tar.gz
    mkdir -p ~/fabric && tar -xzf hyperledger-fabric-linux-amd64-2.5.5.tar.gz -C ~/fabric
  then: export FABRIC_BIN=~/fabric/bin   (see network-config/README.md)"
}

fabric_bin() {
  local p; p=$(find_bin "$1")
  [ -n "$p" ] || missing_bins_die "$1"
  echo "$p"
}

PEER=""; ORDERER=""; OSNADMIN=""; CONFIGTXGEN=""; CRYPTOGEN=""
resolve_bins() {
  local b missing=()
  for b in "$@"; do [ -n "$(find_bin "$b")" ] || missing+=("$b"); done
  [ "${#missing[@]}" -eq 0 ] || missing_bins_die "${missing[@]}"
  for b in "$@"; do
    case $b in
      peer) PEER=$(fabric_bin peer) ;;
      orderer) ORDERER=$(fabric_bin orderer) ;;
      osnadmin) OSNADMIN=$(fabric_bin osnadmin) ;;
      configtxgen) CONFIGTXGEN=$(fabric_bin configtxgen) ;;
      cryptogen) CRYPTOGEN=$(fabric_bin cryptogen) ;;
    esac
  done
}

# --- ports and processes ------------------------------------------------------------
port_listening() { [ -n "$(ss -ltnH "sport = :$1" 2>/dev/null)" ]; }

check_ports_free() {
  local p busy=()
  command -v ss >/dev/null 2>&1 || die "'ss' (iproute2) is needed to check ports"
  for p in "$@"; do
    if port_listening "$p"; then busy+=("$p"); fi
  done
  if [ "${#busy[@]}" -gt 0 ]; then
    local detail
    detail=$(for p in "${busy[@]}"; do ss -ltnpH "sport = :$p" 2>/dev/null; done)
    die "port(s) already in use on this machine: ${busy[*]}
$detail
  Stop whatever listens there (if it is an earlier MedMesh network: fabric.sh down)."
  fi
}

PIDS=$FH/pids
LOGS=$FH/logs

# pid file format: "<pid> <expected command name>"
pid_alive() {  # name -> 0 if the process recorded in pids/<name>.pid runs
  local f=$PIDS/$1.pid pid cmd
  [ -f "$f" ] || return 1
  read -r pid cmd < "$f" || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  # guard against pid reuse: the command line must still name the binary
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$cmd"
}

pid_of() { local pid _; read -r pid _ < "$PIDS/$1.pid"; echo "$pid"; }

# start_bg NAME CMDNAME COMMAND... : runs COMMAND in the background (current env),
# logs to logs/NAME.log, records the pid.
start_bg() {
  local name=$1 cmdname=$2; shift 2
  mkdir -p "$PIDS" "$LOGS"
  nohup "$@" >> "$LOGS/$name.log" 2>&1 < /dev/null &
  echo "$! $cmdname" > "$PIDS/$name.pid"
}

stop_proc() {
  local name=$1 pid i
  if pid_alive "$name"; then
    pid=$(pid_of "$name")
    kill "$pid" 2>/dev/null || true
    for i in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
      say "$name ($pid) did not stop in 10 s: SIGKILL"
      kill -9 "$pid" 2>/dev/null || true
    fi
    say "stopped $name ($pid)"
  fi
  rm -f "$PIDS/$name.pid"
}

wait_port() {  # NAME PORT : waits until PORT listens and NAME still runs
  local name=$1 port=$2 i
  for i in $(seq 1 $((WAIT_SECS * 4))); do
    if port_listening "$port"; then return 0; fi
    if ! pid_alive "$name"; then
      tail -n 30 "$LOGS/$name.log" >&2 || true
      die "$name exited during start-up (log: $LOGS/$name.log)"
    fi
    sleep 0.25
  done
  die "$name did not listen on port $port within ${WAIT_SECS}s (log: $LOGS/$name.log)"
}

# --- environments -------------------------------------------------------------------
orderer_env() {
  local i=$1 d
  d=$(orderer_dir "$i")
  export FABRIC_CFG_PATH=$FH/config
  export FABRIC_LOGGING_SPEC=$LOG_SPEC
  export ORDERER_GENERAL_LISTENADDRESS=127.0.0.1
  ORDERER_GENERAL_LISTENPORT=$(orderer_port "$i"); export ORDERER_GENERAL_LISTENPORT
  export ORDERER_GENERAL_LOCALMSPID=OrdererMSP
  export ORDERER_GENERAL_LOCALMSPDIR=$d/msp
  export ORDERER_GENERAL_BOOTSTRAPMETHOD=none
  export ORDERER_GENERAL_TLS_ENABLED=true
  export ORDERER_GENERAL_TLS_PRIVATEKEY=$d/tls/server.key
  export ORDERER_GENERAL_TLS_CERTIFICATE=$d/tls/server.crt
  export ORDERER_GENERAL_TLS_ROOTCAS="[$d/tls/ca.crt]"
  export ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE=$d/tls/server.crt
  export ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY=$d/tls/server.key
  export ORDERER_CHANNELPARTICIPATION_ENABLED=true
  local data; data=$FH/data/$(orderer_host "$i")
  export ORDERER_FILELEDGER_LOCATION=$data
  export ORDERER_CONSENSUS_WALDIR=$data/etcdraft/wal
  export ORDERER_CONSENSUS_SNAPDIR=$data/etcdraft/snapshot
  ORDERER_OPERATIONS_LISTENADDRESS=127.0.0.1:$(orderer_ops_port "$i"); export ORDERER_OPERATIONS_LISTENADDRESS
  ORDERER_ADMIN_LISTENADDRESS=127.0.0.1:$(orderer_admin_port "$i"); export ORDERER_ADMIN_LISTENADDRESS
  export ORDERER_ADMIN_TLS_ENABLED=true
  export ORDERER_ADMIN_TLS_PRIVATEKEY=$d/tls/server.key
  export ORDERER_ADMIN_TLS_CERTIFICATE=$d/tls/server.crt
  export ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED=true
  ORDERER_ADMIN_TLS_CLIENTROOTCAS="[$(orderer_tlsca "$i")]"; export ORDERER_ADMIN_TLS_CLIENTROOTCAS
}

peer_node_env() {
  local n=$1 d port
  d=$(peer_dir "$n"); port=$(peer_port "$n")
  export FABRIC_CFG_PATH=$FH/config
  export FABRIC_LOGGING_SPEC=$LOG_SPEC
  CORE_PEER_ID=$(peer_host "$n"); export CORE_PEER_ID
  export CORE_PEER_LISTENADDRESS=127.0.0.1:$port
  export CORE_PEER_ADDRESS=127.0.0.1:$port
  CORE_PEER_CHAINCODELISTENADDRESS=127.0.0.1:$(peer_cc_port "$n"); export CORE_PEER_CHAINCODELISTENADDRESS
  export CORE_PEER_CHAINCODEADDRESS=$CORE_PEER_CHAINCODELISTENADDRESS
  # gossip: the endpoint other organisations (and the Gateway's discovery) use
  export CORE_PEER_GOSSIP_BOOTSTRAP=127.0.0.1:$port
  export CORE_PEER_GOSSIP_EXTERNALENDPOINT=127.0.0.1:$port
  CORE_PEER_LOCALMSPID=$(org_msp "$n"); export CORE_PEER_LOCALMSPID
  export CORE_PEER_MSPCONFIGPATH=$d/msp
  export CORE_PEER_TLS_ENABLED=true
  export CORE_PEER_TLS_CERT_FILE=$d/tls/server.crt
  export CORE_PEER_TLS_KEY_FILE=$d/tls/server.key
  export CORE_PEER_TLS_ROOTCERT_FILE=$d/tls/ca.crt
  export CORE_PEER_FILESYSTEMPATH=$FH/data/$CORE_PEER_ID
  export CORE_LEDGER_SNAPSHOTS_ROOTDIR=$FH/data/$CORE_PEER_ID/snapshots
  CORE_OPERATIONS_LISTENADDRESS=127.0.0.1:$(peer_ops_port "$n"); export CORE_OPERATIONS_LISTENADDRESS
}

# The peer CLI acting for hospital N as USER (Admin or User1) against its own peer.
peer_cli_env() {
  local n=$1 user=${2:-Admin}
  export FABRIC_CFG_PATH=$FH/config
  export FABRIC_LOGGING_SPEC=${MEDMESH_FABRIC_CLI_LOG_SPEC:-warning}
  CORE_PEER_LOCALMSPID=$(org_msp "$n"); export CORE_PEER_LOCALMSPID
  CORE_PEER_MSPCONFIGPATH=$(org_user_msp "$n" "$user"); export CORE_PEER_MSPCONFIGPATH
  CORE_PEER_ADDRESS=127.0.0.1:$(peer_port "$n"); export CORE_PEER_ADDRESS
  export CORE_PEER_TLS_ENABLED=true
  CORE_PEER_TLS_ROOTCERT_FILE=$(org_tlsca "$n"); export CORE_PEER_TLS_ROOTCERT_FILE
  # no CORE_PEER_TLS_SERVERHOSTOVERRIDE: it would apply to every --peerAddresses; the
  # TLS certificates carry 127.0.0.1 and localhost, so no override is needed
}

orderer_cli_args() {  # arguments for peer commands that talk to the ordering service
  printf '%s\n' -o "127.0.0.1:$(orderer_port 0)" --ordererTLSHostnameOverride "$(orderer_host 0)" \
    --tls --cafile "$(orderer_tlsca 0)"
}

# --- helpers ------------------------------------------------------------------------
json_str() {  # minimal JSON string escaping for paths
  local s=${1//\\/\\\\}
  s=${s//\"/\\\"}
  printf '"%s"' "$s"
}

all_node_names() {
  local i n
  for i in "${ORDERERS[@]}"; do echo "orderer$i"; done
  for n in "${ORGS[@]}"; do echo "peer0.hospital$n"; done
}

network_running() {
  local name
  for name in $(all_node_names); do pid_alive "$name" || return 1; done
}

any_running() {
  local f
  for f in "$PIDS"/*.pid; do
    [ -e "$f" ] || continue
    pid_alive "$(basename "$f" .pid)" && return 0
  done
  return 1
}

render_config() {
  mkdir -p "$FH/config"
  cp "$NC_DIR/configtx.yaml" "$NC_DIR/crypto-config.yaml" "$NC_DIR/config/orderer.yaml" "$FH/config/"
  sed "s#__CCAAS_BUILDER_DIR__#$NC_DIR/builders/ccaas#" "$NC_DIR/config/core.yaml" > "$FH/config/core.yaml"
}

write_profiles() {
  local n dom user cert key
  mkdir -p "$FH/profiles"
  for n in "${ORGS[@]}"; do
    dom=$(org_domain "$n")
    user=$(org_user_msp "$n" User1)
    cert=$user/signcerts/User1@$dom-cert.pem
    key=$user/keystore/priv_sk
    if [ ! -f "$cert" ] || [ ! -f "$key" ]; then die "missing User1 credentials for $dom under $user"; fi
    cat > "$FH/profiles/$(org_msp "$n").json" <<EOF
{
  "mspId": "$(org_msp "$n")",
  "channel": "$CHANNEL",
  "chaincode": "$CC_NAME",
  "peer": {
    "endpoint": "127.0.0.1:$(peer_port "$n")",
    "hostnameOverride": "$(peer_host "$n")",
    "tlsRootCert": $(json_str "$(org_tlsca "$n")")
  },
  "identity": {
    "certificate": $(json_str "$cert"),
    "privateKey": $(json_str "$key")
  }
}
EOF
  done
}

peer_height() {  # N -> channel height seen by hospital N's peer, or "?"
  local out
  out=$( (peer_cli_env "$1" Admin; "$PEER" channel getinfo -c "$CHANNEL") 2>/dev/null) || { echo "?"; return; }
  sed -n 's/.*"height":\([0-9]*\).*/\1/p' <<< "$out"
}

# --- up -----------------------------------------------------------------------------
start_orderer() {
  local i=$1
  ( orderer_env "$i"; mkdir -p "$ORDERER_FILELEDGER_LOCATION"; start_bg "orderer$i" orderer "$ORDERER" )
}

start_peer() {
  local n=$1
  ( peer_node_env "$n"; mkdir -p "$CORE_PEER_FILESYSTEMPATH"; start_bg "peer0.hospital$n" peer "$PEER" node start )
}

cmd_up() {
  resolve_bins cryptogen configtxgen orderer peer osnadmin
  if network_running; then
    say "network already running (state: $FH); 'fabric.sh status' shows it"
    return 0
  fi
  if any_running; then die "part of the network is running: run 'fabric.sh down' first"; fi
  local ports=() i n
  for i in "${ORDERERS[@]}"; do
    ports+=("$(orderer_port "$i")" "$(orderer_admin_port "$i")" "$(orderer_ops_port "$i")")
  done
  for n in "${ORGS[@]}"; do ports+=("$(peer_port "$n")" "$(peer_cc_port "$n")" "$(peer_ops_port "$n")"); done
  check_ports_free "${ports[@]}"

  local fresh=false
  if [ ! -f "$FH/.channel-created" ]; then
    fresh=true
    if [ -e "$FH" ] && [ ! -f "$FH/.medmesh-fabric-home" ] && [ -n "$(ls -A "$FH" 2>/dev/null)" ]; then
      die "$FH exists, is not empty and is not a MedMesh Fabric state directory; set MEDMESH_FABRIC_HOME elsewhere"
    fi
    rm -rf "${FH:?}/crypto" "${FH:?}/data" "${FH:?}/channel" "${FH:?}/profiles" "${FH:?}/chaincode"
    mkdir -p "$FH" "$PIDS" "$LOGS"
    touch "$FH/.medmesh-fabric-home"
    render_config
    say "state directory: $FH"
    say "generating crypto material (cryptogen)"
    "$CRYPTOGEN" generate --config="$FH/config/crypto-config.yaml" --output="$CRYPTO" > "$LOGS/cryptogen.log" 2>&1 \
      || { cat "$LOGS/cryptogen.log" >&2; die "cryptogen failed"; }
    say "creating the genesis block of channel '$CHANNEL' (configtxgen)"
    mkdir -p "$FH/channel"
    (export FABRIC_CFG_PATH=$FH/config
     "$CONFIGTXGEN" -configPath "$FH/config" -profile MedMeshChannel -channelID "$CHANNEL" \
       -outputBlock "$FH/channel/$CHANNEL.block") > "$LOGS/configtxgen.log" 2>&1 \
      || { cat "$LOGS/configtxgen.log" >&2; die "configtxgen failed"; }
  else
    render_config   # picks up a moved repo or an edited core.yaml; crypto and ledgers stay
    say "restarting the existing network in $FH"
  fi

  for i in "${ORDERERS[@]}"; do start_orderer "$i"; done
  for i in "${ORDERERS[@]}"; do wait_port "orderer$i" "$(orderer_admin_port "$i")"; say "orderer$i listening on 127.0.0.1:$(orderer_port "$i")"; done
  for n in "${ORGS[@]}"; do start_peer "$n"; done
  for n in "${ORGS[@]}"; do wait_port "peer0.hospital$n" "$(peer_port "$n")"; say "peer0.hospital$n listening on 127.0.0.1:$(peer_port "$n")"; done

  if $fresh; then
    local adm; adm=$(orderer_admin_tls)
    for i in "${ORDERERS[@]}"; do
      say "joining orderer$i to '$CHANNEL' (osnadmin)"
      "$OSNADMIN" channel join --channelID "$CHANNEL" --config-block "$FH/channel/$CHANNEL.block" \
        -o "127.0.0.1:$(orderer_admin_port "$i")" --ca-file "$(orderer_tlsca)" \
        --client-cert "$adm/client.crt" --client-key "$adm/client.key" >> "$LOGS/osnadmin.log" 2>&1 \
        || { tail -n 20 "$LOGS/osnadmin.log" >&2; die "osnadmin channel join failed for orderer$i"; }
    done
    for n in "${ORGS[@]}"; do
      say "joining peer0.hospital$n to '$CHANNEL'"
      (peer_cli_env "$n" Admin; "$PEER" channel join -b "$FH/channel/$CHANNEL.block") >> "$LOGS/peer-cli.log" 2>&1 \
        || { tail -n 20 "$LOGS/peer-cli.log" >&2; die "peer channel join failed for hospital$n"; }
    done
    touch "$FH/.channel-created"
  fi
  write_profiles
  wait_ordering
  say "network up. Connection profiles:"
  for n in "${ORGS[@]}"; do say "  $FH/profiles/$(org_msp "$n").json"; done
  say "next: fabric.sh deploy"
}

# Waits until every peer has the channel and the raft cluster has a leader.
wait_ordering() {
  local n i ok adm; adm=$(orderer_admin_tls)
  for n in "${ORGS[@]}"; do
    for i in $(seq 1 "$WAIT_SECS"); do
      [ "$(peer_height "$n")" != "?" ] && [ -n "$(peer_height "$n")" ] && break
      sleep 1
    done
  done
  for i in $(seq 1 "$WAIT_SECS"); do
    ok=true
    # a raft leader is elected once the metrics/log say so; osnadmin shows the relation
    if ! "$OSNADMIN" channel list --channelID "$CHANNEL" -o "127.0.0.1:$(orderer_admin_port 0)" \
         --ca-file "$(orderer_tlsca)" --client-cert "$adm/client.crt" --client-key "$adm/client.key" 2>/dev/null \
         | grep -q '"status": *"active"'; then ok=false; fi
    if $ok && grep -q -E 'Raft leader changed: [0-9]+ -> [1-9]|became leader' "$LOGS"/orderer*.log 2>/dev/null; then return 0; fi
    sleep 1
  done
  say "warning: no raft leader seen within ${WAIT_SECS}s (see $LOGS/orderer*.log)"
}

# --- deploy -------------------------------------------------------------------------
chaincode_jar() {
  if [ -n "${MEDMESH_CHAINCODE_JAR:-}" ]; then
    [ -f "$MEDMESH_CHAINCODE_JAR" ] || die "MEDMESH_CHAINCODE_JAR=$MEDMESH_CHAINCODE_JAR does not exist"
    echo "$MEDMESH_CHAINCODE_JAR"; return
  fi
  local jar
  jar=$(find "$REPO_ROOT/chaincode/target" -maxdepth 1 -name 'medmesh-chaincode-*-service.jar' 2>/dev/null | sort | tail -n 1)
  if [ -z "$jar" ]; then
    say "chaincode service jar missing: building it (./mvnw -q -pl chaincode -am package -DskipTests)" >&2
    (cd "$REPO_ROOT" && ./mvnw -q -pl chaincode -am package -DskipTests) >&2 || die "chaincode build failed"
    jar=$(find "$REPO_ROOT/chaincode/target" -maxdepth 1 -name 'medmesh-chaincode-*-service.jar' | sort | tail -n 1)
    [ -n "$jar" ] || die "no chaincode/target/medmesh-chaincode-*-service.jar after the build"
  fi
  echo "$jar"
}

# One CCaaS package per hospital: same label scheme, different chaincode server address,
# hence a different package id per organisation. Created once and kept in the state
# directory, so that a later deploy finds the same package id.
make_package() {
  local n=$1
  local dir=$FH/chaincode/hospital$n
  local pkg=$dir/$CC_NAME-hospital$n.tgz
  if [ ! -f "$pkg" ]; then
    mkdir -p "$dir/src"
    cat > "$dir/src/connection.json" <<EOF
{"address":"127.0.0.1:$(cc_server_port "$n")","dial_timeout":"10s","tls_required":false}
EOF
    cat > "$dir/src/metadata.json" <<EOF
{"type":"ccaas","label":"${CC_NAME}_hospital$n"}
EOF
    tar -C "$dir/src" -czf "$dir/src/code.tar.gz" connection.json
    tar -C "$dir/src" -czf "$pkg" metadata.json code.tar.gz
  fi
  echo "$pkg"
}

package_id() { (peer_cli_env 1; "$PEER" lifecycle chaincode calculatepackageid "$1"); }

start_chaincode() {
  local n=$1 jar=$2 pkgid=$3
  local name=chaincode.hospital$n port
  port=$(cc_server_port "$n")
  stop_proc "$name"
  check_ports_free "$port"
  # The peer dials this server in clear text (connection.json tls_required=false):
  # acceptable on loopback only.
  ( export CHAINCODE_SERVER_ADDRESS=127.0.0.1:$port
    export CORE_CHAINCODE_ID_NAME=$pkgid
    export CORE_PEER_TLS_ENABLED=false
    export CORE_PEER_LOCALMSPID; CORE_PEER_LOCALMSPID=$(org_msp "$n")
    local -a jopts=()
    read -r -a jopts <<< "${MEDMESH_CHAINCODE_JAVA_OPTS:-}"
    start_bg "$name" "$jar" java "${jopts[@]}" -jar "$jar" )
}

cc_peer_args() {  # --peerAddresses/--tlsRootCertFiles for the given orgs
  local n
  for n in "$@"; do
    printf '%s\n' --peerAddresses "127.0.0.1:$(peer_port "$n")" --tlsRootCertFiles "$(org_tlsca "$n")"
  done
}

retry() {  # retry SECONDS LOGFILE command... : reruns until success
  local secs=$1 log=$2 i; shift 2
  for i in $(seq 1 "$secs"); do
    if "$@" >> "$log" 2>&1; then return 0; fi
    sleep 1
  done
  return 1
}

cmd_deploy() {
  resolve_bins peer
  network_running || die "the network is not (fully) running: run 'fabric.sh up' first"
  command -v java >/dev/null 2>&1 || die "java (17+) not found on PATH: the chaincode runs as a Java process"
  local jar n pkg pkgid log=$LOGS/deploy.log
  jar=$(chaincode_jar)
  say "chaincode jar: $jar"
  # run a copy: a concurrent `mvn clean` in the repository must not pull the jar away
  # from the running chaincode processes
  mkdir -p "$FH/chaincode"
  cp "$jar" "$FH/chaincode/medmesh-chaincode-service.jar.new"
  jar=$FH/chaincode/medmesh-chaincode-service.jar
  for n in "${ORGS[@]}"; do stop_proc "chaincode.hospital$n"; done
  mv -f "$jar.new" "$jar"
  local -a orderer_args peer_args
  mapfile -t orderer_args < <(orderer_cli_args)
  for n in "${ORGS[@]}"; do
    pkg=$(make_package "$n")
    pkgid=$(package_id "$pkg")
    if (peer_cli_env "$n"; "$PEER" lifecycle chaincode queryinstalled 2>>"$log") | grep -qF "$pkgid"; then
      say "hospital$n: package $pkgid already installed"
    else
      say "hospital$n: installing $pkgid"
      (peer_cli_env "$n"; "$PEER" lifecycle chaincode install "$pkg") >> "$log" 2>&1 \
        || { tail -n 20 "$log" >&2; die "install failed on hospital$n"; }
    fi
    start_chaincode "$n" "$jar" "$pkgid"
    echo "$pkgid" > "$FH/chaincode/hospital$n/package-id"
  done
  for n in "${ORGS[@]}"; do
    wait_port "chaincode.hospital$n" "$(cc_server_port "$n")"
    say "hospital$n: chaincode process serving on 127.0.0.1:$(cc_server_port "$n") (package $(cat "$FH/chaincode/hospital$n/package-id"))"
  done

  if (peer_cli_env 1; "$PEER" lifecycle chaincode querycommitted -C "$CHANNEL" -n "$CC_NAME") >> "$log" 2>&1; then
    say "chaincode definition '$CC_NAME' already committed"
  else
    for n in "${ORGS[@]}"; do
      pkgid=$(cat "$FH/chaincode/hospital$n/package-id")
      if (peer_cli_env "$n"; "$PEER" lifecycle chaincode queryapproved -C "$CHANNEL" -n "$CC_NAME" --sequence "$CC_SEQUENCE") >> "$log" 2>&1; then
        say "hospital$n: definition already approved"
        continue
      fi
      say "hospital$n: approving '$CC_NAME' v$CC_VERSION sequence $CC_SEQUENCE, policy $CC_POLICY"
      retry 60 "$log" approve_org "$n" "$pkgid" \
        || { tail -n 20 "$log" >&2; die "approveformyorg failed for hospital$n"; }
    done
    mapfile -t peer_args < <(cc_peer_args "${ORGS[@]}")
    say "committing the definition (endorsed by all three hospitals)"
    (peer_cli_env 1; "$PEER" lifecycle chaincode commit "${orderer_args[@]}" -C "$CHANNEL" -n "$CC_NAME" \
      --version "$CC_VERSION" --sequence "$CC_SEQUENCE" --signature-policy "$CC_POLICY" "${peer_args[@]}") >> "$log" 2>&1 \
      || { tail -n 20 "$log" >&2; die "chaincode commit failed"; }
  fi

  say "waiting until the chaincode answers on every peer"
  local i out ok
  for n in "${ORGS[@]}"; do
    ok=false
    for i in $(seq 1 "$WAIT_SECS"); do
      out=$( (peer_cli_env "$n" User1; "$PEER" chaincode query -C "$CHANNEL" -n "$CC_NAME" \
              -c '{"Args":["identity:resolve","did:medmesh:org:Nobody"]}') 2>&1 || true)
      if grep -q 'NOT_FOUND' <<< "$out"; then ok=true; break; fi
      sleep 1
    done
    $ok || { echo "$out" >&2; die "chaincode on hospital$n did not answer within ${WAIT_SECS}s (logs: $LOGS/chaincode.hospital$n.log, $LOGS/peer0.hospital$n.log)"; }
    say "hospital$n: chaincode answers (identity:resolve of an unknown DID -> NOT_FOUND)"
  done
  say "deployed. Profiles: $FH/profiles/Hospital{1,2,3}MSP.json"
}

# Approves the definition for hospital N with package id P. Run through `retry`,
# because the raft cluster may still be electing its first leader.
approve_org() (
  local n=$1 pkgid=$2
  local -a orderer_args
  mapfile -t orderer_args < <(orderer_cli_args)
  peer_cli_env "$n"
  "$PEER" lifecycle chaincode approveformyorg "${orderer_args[@]}" -C "$CHANNEL" -n "$CC_NAME" \
    --version "$CC_VERSION" --sequence "$CC_SEQUENCE" --package-id "$pkgid" \
    --signature-policy "$CC_POLICY" --waitForEvent
)

# --- down / status / env ------------------------------------------------------------
cmd_down() {
  local wipe=false f
  case "${1:-}" in
    "") ;;
    --wipe) wipe=true ;;
    *) die "usage: fabric.sh down [--wipe]" ;;
  esac
  if [ -d "$PIDS" ]; then
    # chaincode first, then peers, then orderers
    for f in "$PIDS"/chaincode.*.pid "$PIDS"/peer0.*.pid "$PIDS"/orderer*.pid; do
      [ -e "$f" ] || continue
      stop_proc "$(basename "$f" .pid)"
    done
  fi
  if $wipe; then
    if [ -d "$FH" ]; then
      [ -f "$FH/.medmesh-fabric-home" ] || die "$FH has no .medmesh-fabric-home marker: not deleting it"
      rm -rf "${FH:?}"
      say "deleted $FH"
    fi
  fi
  say "down"
}

cmd_status() {
  local name n any=false
  say "state directory: $FH"
  for name in $(all_node_names) chaincode.hospital1 chaincode.hospital2 chaincode.hospital3; do
    if pid_alive "$name"; then
      say "  $name: running (pid $(pid_of "$name"))"; any=true
    else
      say "  $name: stopped"
    fi
  done
  $any || return 0
  PEER=$(fabric_bin peer)
  for n in "${ORGS[@]}"; do
    if pid_alive "peer0.hospital$n"; then
      say "  peer0.hospital$n: channel '$CHANNEL' height $(peer_height "$n")"
    fi
  done
  if pid_alive peer0.hospital1; then
    local q
    q=$( (peer_cli_env 1; "$PEER" lifecycle chaincode querycommitted -C "$CHANNEL" -n "$CC_NAME") 2>&1 | tr '\n' ' ' || true)
    say "  chaincode: ${q:-not committed}"
  fi
}

cmd_env() {
  local n=${1:-} user=${2:-User1}
  case "$n" in 1|2|3) ;; *) die "usage: fabric.sh env 1|2|3 [admin|user]" ;; esac
  case "$user" in admin|Admin) user=Admin ;; user|User1|"") user=User1 ;; *) die "usage: fabric.sh env 1|2|3 [admin|user]" ;; esac
  peer_cli_env "$n" "$user"
  local v
  for v in FABRIC_CFG_PATH CORE_PEER_LOCALMSPID CORE_PEER_MSPCONFIGPATH CORE_PEER_ADDRESS \
           CORE_PEER_TLS_ENABLED CORE_PEER_TLS_ROOTCERT_FILE; do
    printf 'export %s=%q\n' "$v" "${!v}"
  done
  printf 'export ORDERER_CA=%q\n' "$(orderer_tlsca)"
  # shellcheck disable=SC2016 # the comment printed names the variable on purpose
  printf '# orderer: -o 127.0.0.1:%s --ordererTLSHostnameOverride %s --tls --cafile "$ORDERER_CA"\n' \
    "$(orderer_port 0)" "$(orderer_host 0)"
}

usage() {
  sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

main() {
  local cmd=${1:-}
  [ $# -gt 0 ] && shift
  case "$cmd" in
    up) cmd_up "$@" ;;
    deploy) cmd_deploy "$@" ;;
    down) cmd_down "$@" ;;
    status) cmd_status "$@" ;;
    env) cmd_env "$@" ;;
    -h|--help|help) usage ;;
    *) usage >&2; exit 2 ;;
  esac
}

main "$@"
