#!/usr/bin/env bash
# Starts the whole Jixiao stack on 127.0.0.1: build (if stale), Keycloak, PostgreSQL, Kafka, the
# three services and the SPA. Safe to run again: healthy components are left alone. Checks the
# machine first (deploy/local/prereqs.sh run: Debian packages, Java/Maven/Node versions).
#
#   deploy/local/up.sh                    everything
#   deploy/local/up.sh keycloak           only the named components; any of:
#        build keycloak postgres kafka services budget-service evaluation-service report-service spa
#   deploy/local/up.sh --replicas 2       N instances of each service (1-4; instance r on port
#                                         base + 200*(r-1), e.g. budget-service-2 on 8281), all behind
#                                         nginx's upstreams; on a running stack it adds the missing
#                                         instances and reloads nginx (JIXIAO_REPLICAS does the same)
#
# Environment (all optional):
#   JIXIAO_HOME              state folder (default <repo>/.run): pids/ logs/ data/ downloads/ secrets.env
#   JIXIAO_SKIP_BUILD=1      never build (use the jars and dist/ as they are)
#   JIXIAO_KEYCLOAK_URL      an external Keycloak (with realm jixiao imported): none is started
#   JIXIAO_KEYCLOAK_VERSION  Keycloak distribution from Maven Central (default 26.5.6)
#   JIXIAO_DB_URL_BASE       external PostgreSQL, e.g. jdbc:postgresql://db:5432/ (databases budget,
#                            evaluation, report and keycloak must exist, each owned by its role
#                            jixiao_<database>); with JIXIAO_DB_PASSWORD_BUDGET / _EVALUATION /
#                            _REPORT / _KEYCLOAK
#   JIXIAO_PASSWORD_GRANT=0  import realm jixiao without the password grant (client jixiao-cli
#                            off): for a Keycloak that is not only for local development; the e2e
#                            scripts need it on (default 1)
#   KAFKA_BOOTSTRAP_SERVERS  external Kafka: none is started
#   JIXIAO_JAVA_OPTS         JVM options of the services (default JIXIAO_DEFAULT_JAVA_OPTS in lib.sh:
#                            a 256 MB heap, serial GC)
#   JIXIAO_JVM_EXTRA         options added to every JVM of the stack: the services, Keycloak
#                            (JAVA_OPTS_APPEND), the dev broker and database launcher (default none;
#                            test-all.sh sets C1 only, -XX:TieredStopAtLevel=1)
#   JIXIAO_WAIT_SECONDS      readiness timeout per component (default 180)
#   JIXIAO_CACHE             Keycloak's built distribution, shared by every JIXIAO_HOME of the user
#                            (default ${XDG_CACHE_HOME:-~/.cache}/jixiao; delete it to rebuild)
set -euo pipefail
SECONDS=0

# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

WAIT="${JIXIAO_WAIT_SECONDS:-180}"
JAVA_BIN="${JAVA:-java}"
JVM_EXTRA="${JIXIAO_JVM_EXTRA:-}"
SERVICE_JAVA_OPTS="${JIXIAO_JAVA_OPTS:-$JIXIAO_DEFAULT_JAVA_OPTS} $JVM_EXTRA"
FRONTEND="$JIXIAO_REPO/frontend"
NGINX_BIN="$(command -v nginx || echo /usr/sbin/nginx)"

# ------------------------------------------------------------------------------ component choice
declare -A WANT=()
args=()
while (($#)); do
  case "$1" in
    --replicas) JIXIAO_REPLICAS="${2:?--replicas needs a number}"; shift 2 ;;
    --replicas=*) JIXIAO_REPLICAS="${1#--replicas=}"; shift ;;
    *) args+=("$1"); shift ;;
  esac
done
[[ "$JIXIAO_REPLICAS" =~ ^[1-4]$ ]] || die "--replicas/JIXIAO_REPLICAS must be 1 to 4 (got '$JIXIAO_REPLICAS')"
set -- ${args[@]+"${args[@]}"}
if (($# == 0)); then
  set -- build keycloak postgres kafka services spa
fi
for arg in "$@"; do
  case "$arg" in
    build | keycloak | postgres | kafka | spa | budget-service | evaluation-service | report-service) WANT[$arg]=1 ;;
    services) WANT[budget-service]=1 WANT[evaluation-service]=1 WANT[report-service]=1 ;;
    -h | --help) sed -n '2,23p' "$0"; exit 0 ;;
    *) die "unknown component '$arg' (build keycloak postgres kafka services budget-service evaluation-service report-service spa)" ;;
  esac
done
wants() { [[ -n "${WANT[$1]:-}" ]]; }
wants_services() { wants budget-service || wants evaluation-service || wants report-service; }

KC_EXTERNAL=""
[[ "$KC_URL" != "$KC_LOCAL_URL" ]] && KC_EXTERNAL=1
KC_WELL_KNOWN="$KC_URL/realms/jixiao/.well-known/openid-configuration"

if [[ -n "${JIXIAO_DB_URL_BASE:-}" ]]; then
  DB_BASE="${JIXIAO_DB_URL_BASE%/}/"
  DB_EXTERNAL=1
else
  DB_BASE="jdbc:postgresql://127.0.0.1:15432/"
  DB_EXTERNAL=""
fi
if [[ -n "${KAFKA_BOOTSTRAP_SERVERS:-}" ]]; then
  KAFKA_EXTERNAL=1
else
  KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:9092"
  KAFKA_EXTERNAL=""
fi

# Packages and tool versions first (deploy/local/prereqs.sh has the list): a missing one stops here,
# before anything is built or started, with what to install.
bash "$JIXIAO_REPO/deploy/local/prereqs.sh" run || exit $?

ensure_dirs
load_secrets
chosen=()
for c in build keycloak postgres kafka budget-service evaluation-service report-service spa; do
  if wants "$c"; then chosen+=("$c"); fi
done
say "up: JIXIAO_HOME=$(show_path "$JIXIAO_HOME"), components: ${chosen[*]}"

# ---------------------------------------------------------------------------------------- a) build

# Newest regular file below the given paths (empty when none).
newest_file() {
  local -a existing=()
  local p
  for p in "$@"; do [[ -e "$p" ]] && existing+=("$p"); done
  ((${#existing[@]})) || return 0
  find "${existing[@]}" -type f -printf '%T@ %p\n' 2>/dev/null | sort -n | tail -n 1 | cut -d' ' -f2-
}

# True when a file below the paths (after the first argument) is newer than the reference file.
any_newer_than() {
  local ref="$1" p
  shift
  local -a existing=()
  for p in "$@"; do [[ -e "$p" ]] && existing+=("$p"); done
  ((${#existing[@]})) || return 1
  [[ -n "$(find "${existing[@]}" -type f -newer "$ref" -print -quit 2>/dev/null)" ]]
}

BUILD_STAMP="$JIXIAO_HOME/build.stamp"

# Why the Maven build is needed (prints the reason), or nothing when the jars are up to date.
# Outputs: devstack/target/classes (+ lib/) and each service's quarkus-run.jar (rewritten by every
# Quarkus build). The compiler leaves unchanged classes alone, so devstack is compared with its own
# sources only, and a build stamp written by up.sh after a build it ran covers everything else.
maven_stale_reason() {
  local r="$JIXIAO_REPO" s svc ref
  local -a shared=("$r/pom.xml" "$r/platform/pom.xml" "$r/platform/src")
  local -a all_sources=("$r/pom.xml")
  local m
  for m in $(sed -n 's:.*<module>\(.*\)</module>.*:\1:p' "$r/pom.xml"); do
    all_sources+=("$r/$m/pom.xml" "$r/$m/src")
  done
  ref="$(newest_file "$r/devstack/target/classes")"
  if [[ -z "$ref" ]] || ! compgen -G "$r/devstack/target/lib/*.jar" >/dev/null; then
    echo "devstack launchers not built"; return
  fi
  for s in "${SERVICES[@]}"; do
    svc="${s%%:*}"
    [[ -f "$r/$svc/target/quarkus-app/quarkus-run.jar" ]] || { echo "$svc not built"; return; }
  done
  if [[ -f "$BUILD_STAMP" ]] && ! any_newer_than "$BUILD_STAMP" "${all_sources[@]}"; then
    return
  fi
  if any_newer_than "$ref" "$r/devstack/pom.xml" "$r/devstack/src"; then
    echo "devstack sources changed"; return
  fi
  for s in "${SERVICES[@]}"; do
    svc="${s%%:*}"
    ref="$r/$svc/target/quarkus-app/quarkus-run.jar"
    if [[ ! -f "$ref" ]]; then echo "$svc not built"; return; fi
    if any_newer_than "$ref" "${shared[@]}" "$r/$svc/pom.xml" "$r/$svc/src"; then
      echo "$svc sources changed"; return
    fi
  done
}

build_maven() {
  local reason log
  if [[ "${JIXIAO_SKIP_BUILD:-}" == 1 ]]; then
    say "build: JIXIAO_SKIP_BUILD=1, Maven build skipped"
    return
  fi
  reason="$(maven_stale_reason)"
  local t0=$SECONDS
  if [[ -z "$reason" ]]; then
    say "build: jars are newer than the sources, Maven build skipped"
    return
  fi
  log="$(log_file build-maven)"
  say "build: $reason; mvn -B -q -DskipTests install (log: $(show_path "$log"))"
  if ! (cd "$JIXIAO_REPO" && mvn -B -q -DskipTests install) >"$log" 2>&1; then
    tail -n 40 "$log" >&2 || true
    die "Maven build failed; see $(show_path "$log")"
  fi
  touch "$BUILD_STAMP"
  say "build: Maven build done in $((SECONDS - t0))s"
}

build_frontend() {
  local log
  [[ -f "$FRONTEND/package.json" ]] || die "frontend/package.json not found: the SPA cannot be built"
  if [[ "${JIXIAO_SKIP_BUILD:-}" == 1 ]]; then
    say "build: JIXIAO_SKIP_BUILD=1, frontend build skipped"
    return
  fi
  if [[ ! -f "$FRONTEND/node_modules/.package-lock.json" || "$FRONTEND/package-lock.json" -nt "$FRONTEND/node_modules/.package-lock.json" ]]; then
    log="$(log_file build-npm-ci)"
    say "build: frontend npm ci (log: $(show_path "$log"))"
    if ! (cd "$FRONTEND" && npm ci --no-audit --no-fund) >"$log" 2>&1; then
      tail -n 40 "$log" >&2 || true
      die "npm ci failed; see $(show_path "$log")"
    fi
  fi
  local dist="$FRONTEND/dist/index.html"
  if [[ ! -f "$dist" ]] || any_newer_than "$dist" "$FRONTEND/src" "$FRONTEND/public" "$FRONTEND/index.html" \
    "$FRONTEND/package.json" "$FRONTEND/package-lock.json" "$FRONTEND"/vite.config.* "$FRONTEND"/tsconfig*.json \
    "$FRONTEND/proxy.config.ts"; then
    log="$(log_file build-frontend)"
    say "build: frontend npm run build (log: $(show_path "$log"))"
    local t0=$SECONDS
    if ! (cd "$FRONTEND" && npm run build) >"$log" 2>&1; then
      tail -n 40 "$log" >&2 || true
      die "frontend build failed; see $(show_path "$log")"
    fi
    say "build: frontend built in $((SECONDS - t0))s"
  else
    say "build: frontend dist/ is newer than its sources, build skipped"
  fi
}

if wants build; then
  if wants_services || { wants postgres && [[ -z "$DB_EXTERNAL" ]]; } || { wants kafka && [[ -z "$KAFKA_EXTERNAL" ]]; }; then
    build_maven
  fi
  if wants spa; then build_frontend; fi
fi

# ------------------------------------------------------------------------------------- b) Keycloak

# Sets KC_START=1 when Keycloak was started now and must be awaited.
KC_START=""
install_keycloak() {
  [[ -x "$KC_DIR/bin/kc.sh" ]] && return
  local zip="$DL_DIR/keycloak-quarkus-dist-$KC_VERSION.zip" t0=$SECONDS tmp
  if [[ -f "$(kc_cache)/.jixiao-build" ]]; then
    tmp="$KC_DIR.copy.$$"
    rm -rf "$tmp"
    cp -a "$(kc_cache)" "$tmp" && mv "$tmp" "$KC_DIR"
    say "keycloak: built distribution copied from $(show_path "$(kc_cache)") in $((SECONDS - t0))s"
    return
  fi
  if [[ ! -s "$zip" ]]; then
    say "keycloak: fetching org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip from Maven Central"
    # Run outside the project (no pom.xml in downloads/): the goal must not run once per module.
    if ! (cd "$DL_DIR" && mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      "-Dartifact=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" "-DoutputDirectory=$DL_DIR") \
      >"$(log_file keycloak-download)" 2>&1; then
      tail -n 20 "$(log_file keycloak-download)" >&2 || true
      die "Keycloak download failed; see $(show_path "$(log_file keycloak-download)")"
    fi
    say "keycloak: downloaded in $((SECONDS - t0))s"
  fi
  tmp="$JIXIAO_HOME/.keycloak-unzip.$$"
  rm -rf "$tmp"
  unzip -q "$zip" -d "$tmp"
  [[ -x "$tmp/keycloak-$KC_VERSION/bin/kc.sh" ]] || die "unexpected layout of $zip"
  mv "$tmp/keycloak-$KC_VERSION" "$KC_DIR"
  rm -rf "$tmp"
  say "keycloak: unpacked into $(show_path "$KC_DIR")"
}

start_keycloak() {
  if [[ -n "$KC_EXTERNAL" ]]; then
    say "keycloak: external $KC_URL, not started here"
    http_ok "$KC_WELL_KNOWN" || warn "keycloak: $KC_WELL_KNOWN does not answer"
    return
  fi
  local pid
  if pid="$(component_pid keycloak)"; then
    if http_ok "$KC_WELL_KNOWN"; then
      say "keycloak: already running (pid $pid), left alone"
    else
      say "keycloak: running (pid $pid) but not ready yet, waiting for it"
      KC_START=1
    fi
    return
  fi
  port_open 8180 && die "port 8180 is taken by a process this stack did not start (JIXIAO_HOME=$JIXIAO_HOME)"
  install_keycloak
  # data/keycloak holds the realm file imported at first start (and, from older stacks, the dev store).
  mkdir -p "$DATA_DIR/keycloak/import"
  if [[ -d "$KC_DIR/data" && ! -L "$KC_DIR/data" ]]; then
    cp -a "$KC_DIR/data/." "$DATA_DIR/keycloak/" && rm -rf "$KC_DIR/data"
  fi
  ln -sfn "$DATA_DIR/keycloak" "$KC_DIR/data"
  if [[ "${JIXIAO_PASSWORD_GRANT:-1}" == 0 ]]; then
    # Outside local development the password grant stays off (the e2e scripts need it locally).
    jq '(.clients[] | select(.clientId == "jixiao-cli")) |= (.enabled = false | .directAccessGrantsEnabled = false)' \
      "$REALM_FILE" >"$DATA_DIR/keycloak/import/realm-jixiao.json"
    say "keycloak: JIXIAO_PASSWORD_GRANT=0: client jixiao-cli (password grant) is imported disabled"
  else
    cp "$REALM_FILE" "$DATA_DIR/keycloak/import/realm-jixiao.json"
  fi
  build_keycloak
  say "keycloak: starting $KC_VERSION in production mode on $KC_LOCAL_URL, database keycloak (realm import is skipped when realm jixiao exists)"
  # Production mode (start --optimized) on its own database of the stack's PostgreSQL, owned by role
  # jixiao_keycloak; plain HTTP on 127.0.0.1 only, hostname fixed, X-Forwarded-* trusted from a proxy
  # in front; a local cache (production mode's default clusters over JGroups on every interface, ports
  # 7800 and 57800; one instance needs no cluster). Passwords go through the environment, never argv.
  # A pooled connection idle for over a second is checked before use: after PostgreSQL restarted, the
  # pool otherwise hands out its dead connections, one failed login each ("unknown_error").
  start_component keycloak "$JIXIAO_HOME" \
    "KC_BOOTSTRAP_ADMIN_USERNAME=$JIXIAO_KEYCLOAK_ADMIN_USER" \
    "KC_BOOTSTRAP_ADMIN_PASSWORD=$JIXIAO_KEYCLOAK_ADMIN_PASSWORD" \
    "KC_DB_URL=${DB_BASE}keycloak" \
    "KC_DB_USERNAME=jixiao_keycloak" \
    "KC_DB_PASSWORD=$JIXIAO_DB_PASSWORD_KEYCLOAK" \
    "QUARKUS_DATASOURCE_JDBC_FOREGROUND_VALIDATION_INTERVAL=1S" \
    "JIXIAO_DEMO_PASSWORD=$JIXIAO_DEMO_PASSWORD" \
    "JIXIAO_FINANCE_API_SECRET=$JIXIAO_FINANCE_API_SECRET" \
    "JIXIAO_ONBOARDING_SECRET=$JIXIAO_ONBOARDING_SECRET" \
    "JAVA_OPTS_APPEND=$JVM_EXTRA" \
    -- "$KC_DIR/bin/kc.sh" start --optimized --import-realm \
    --http-enabled=true --http-host=127.0.0.1 --http-port=8180 --hostname "$KC_LOCAL_URL" \
    --proxy-headers=xforwarded --cache=local
  KC_START=1
}

# kc.sh build: the build-time options of production mode baked into the distribution once; redone only
# when they change (a marker records them).
KC_BUILD_OPTIONS="--db=postgres"

# The cached built distribution of this version and these build options.
kc_cache() {
  printf '%s/keycloak-%s-%s' "$JIXIAO_CACHE" "$KC_VERSION" "$(printf '%s' "$KC_BUILD_OPTIONS" | sha256sum | cut -c1-12)"
}

# Keeps the distribution just built for the next stack, without this stack's data/ (its realm file and
# database settings live there). Written beside and renamed: a cache entry is whole or absent.
cache_keycloak() {
  local target tmp
  target="$(kc_cache)"
  [[ -e "$target" ]] && return 0
  tmp="$target.tmp.$$"
  if mkdir -p "$tmp" && tar -C "$KC_DIR" --exclude=./data -cf - . | tar -C "$tmp" -xf - && mv -T "$tmp" "$target" 2>/dev/null; then
    say "keycloak: built distribution kept in $(show_path "$target") for the next stack"
  else
    rm -rf "$tmp"
    warn "keycloak: could not keep the built distribution in $(show_path "$target") (the next stack builds it again)"
  fi
}
build_keycloak() {
  local marker="$KC_DIR/.jixiao-build"
  if [[ -f "$marker" && "$(cat "$marker")" == "$KC_BUILD_OPTIONS" ]]; then
    return 0
  fi
  say "keycloak: kc.sh build $KC_BUILD_OPTIONS (once per distribution; log: $(show_path "$LOG_DIR/keycloak-build.log"))"
  # shellcheck disable=SC2086
  "$KC_DIR/bin/kc.sh" build $KC_BUILD_OPTIONS >"$LOG_DIR/keycloak-build.log" 2>&1 ||
    die "keycloak: kc.sh build failed; see $(show_path "$LOG_DIR/keycloak-build.log")"
  printf '%s' "$KC_BUILD_OPTIONS" >"$marker"
  cache_keycloak
}

wait_keycloak() {
  [[ -n "$KC_START" ]] || return 0
  wait_until keycloak "$WAIT" http_ok "$KC_WELL_KNOWN"
  say "keycloak: ready ($KC_WELL_KNOWN)"
}

# HTTP status of a client credentials login of jixiao-onboarding (secret via stdin, not argv).
onboarding_login_status() {
  printf '%s' "$JIXIAO_ONBOARDING_SECRET" | curl -sS -m 20 -o /dev/null -w '%{http_code}' \
    "$KC_URL/realms/jixiao/protocol/openid-connect/token" -d grant_type=client_credentials \
    -d client_id=jixiao-onboarding --data-urlencode client_secret@- 2>/dev/null || echo 000
}

# A realm imported by an older up.sh (the import skips an existing realm) lacks client
# jixiao-onboarding: add it and its service account from the realm file with the bootstrap admin.
ensure_onboarding_client() {
  [[ -z "$KC_EXTERNAL" ]] || return 0
  [[ "$(onboarding_login_status)" == 200 ]] && return 0
  say "keycloak: client jixiao-onboarding cannot log in; adding it to realm jixiao from $(show_path "$REALM_FILE")"
  local admin
  admin="$(printf '%s' "$JIXIAO_KEYCLOAK_ADMIN_PASSWORD" | curl -fsS -m 20 \
    "$KC_URL/realms/master/protocol/openid-connect/token" -d grant_type=password -d client_id=admin-cli \
    --data-urlencode "username=$JIXIAO_KEYCLOAK_ADMIN_USER" --data-urlencode password@- | jq -r .access_token)" ||
    die "keycloak: the bootstrap admin cannot log in to the master realm; onboarding would answer 503"
  jq --arg s "$JIXIAO_ONBOARDING_SECRET" '{ifResourceExists: "OVERWRITE",
      clients: [.clients[] | select(.clientId == "jixiao-onboarding") | .secret = $s],
      users: [.users[] | select(.serviceAccountClientId == "jixiao-onboarding")]}' "$REALM_FILE" |
    curl -fsS -m 30 -o /dev/null -X POST "$KC_URL/admin/realms/jixiao/partialImport" \
      -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' --data-binary @- ||
    die "keycloak: adding client jixiao-onboarding failed; or run down.sh, remove $(show_path "$DATA_DIR/keycloak") and start again"
  [[ "$(onboarding_login_status)" == 200 ]] || die "keycloak: client jixiao-onboarding still cannot log in after the import"
  say "keycloak: client jixiao-onboarding added"
}

# ------------------------------------------------------------------------- c) PostgreSQL and Kafka

DEVSTACK_CP="$JIXIAO_REPO/devstack/target/classes:$JIXIAO_REPO/devstack/target/lib/*"
check_devstack() {
  [[ -f "$JIXIAO_REPO/devstack/target/classes/io/jixiao/devstack/$1.class" ]] ||
    die "devstack/target/classes has no io.jixiao.devstack.$1: build first (deploy/local/up.sh build)"
}

PG_START=""
start_postgres() {
  if [[ -n "$DB_EXTERNAL" ]]; then
    say "postgres: external ${DB_BASE}, not started here"
    return
  fi
  local pid
  if pid="$(component_pid postgres)"; then
    if port_open 15432 && log_has postgres "POSTGRES READY"; then
      say "postgres: already running (pid $pid), left alone"
    else
      say "postgres: running (pid $pid) but not ready yet, waiting for it"
      PG_START=1
    fi
    return
  fi
  port_open 15432 && die "port 15432 is taken by a process this stack did not start (JIXIAO_HOME=$JIXIAO_HOME)"
  check_devstack PostgresMain
  say "postgres: starting on 127.0.0.1:15432 (data: $(show_path "$DATA_DIR/pg"))"
  # The launcher sets the superuser's password (used only here, never by a service), requires
  # passwords for every login, and makes role jixiao_<db> the owner of <db> (also migrating a data
  # folder of an older up.sh, where the superuser owned everything): see PostgresMain.
  start_component postgres "$JIXIAO_HOME" \
    "JIXIAO_DB_SUPERUSER_PASSWORD=$JIXIAO_DB_SUPERUSER_PASSWORD" \
    "JIXIAO_DB_PASSWORD_BUDGET=$JIXIAO_DB_PASSWORD_BUDGET" \
    "JIXIAO_DB_PASSWORD_EVALUATION=$JIXIAO_DB_PASSWORD_EVALUATION" \
    "JIXIAO_DB_PASSWORD_REPORT=$JIXIAO_DB_PASSWORD_REPORT" \
    "JIXIAO_DB_PASSWORD_KEYCLOAK=$JIXIAO_DB_PASSWORD_KEYCLOAK" \
    -- "$JAVA_BIN" $JVM_EXTRA -cp "$DEVSTACK_CP" io.jixiao.devstack.PostgresMain \
    --port 15432 --data-dir "$DATA_DIR/pg" --databases budget,evaluation,report,keycloak
  PG_START=1
}

pg_ready() { log_has postgres "POSTGRES READY" && port_open 15432; }
wait_postgres() {
  [[ -n "$PG_START" ]] || return 0
  wait_until postgres "$WAIT" pg_ready
  say "postgres: ready"
}

KAFKA_START=""
start_kafka() {
  if [[ -n "$KAFKA_EXTERNAL" ]]; then
    say "kafka: external $KAFKA_BOOTSTRAP_SERVERS, not started here"
    return
  fi
  local pid
  if pid="$(component_pid kafka)"; then
    if port_open 9092 && log_has kafka "KAFKA READY"; then
      say "kafka: already running (pid $pid), left alone"
    else
      say "kafka: running (pid $pid) but not ready yet, waiting for it"
      KAFKA_START=1
    fi
    return
  fi
  port_open 9092 && die "port 9092 is taken by a process this stack did not start (JIXIAO_HOME=$JIXIAO_HOME)"
  port_open 9093 && die "port 9093 is taken by a process this stack did not start (JIXIAO_HOME=$JIXIAO_HOME)"
  check_devstack KafkaMain
  say "kafka: starting on 127.0.0.1:9092 (controller 9093, data: $(show_path "$DATA_DIR/kafka"))"
  start_component kafka "$JIXIAO_HOME" -- "$JAVA_BIN" $JVM_EXTRA -cp "$DEVSTACK_CP" io.jixiao.devstack.KafkaMain \
    --port 9092 --controller-port 9093 --data-dir "$DATA_DIR/kafka"
  KAFKA_START=1
}

kafka_ready() { log_has kafka "KAFKA READY" && port_open 9092; }
wait_kafka() {
  [[ -n "$KAFKA_START" ]] || return 0
  wait_until kafka "$WAIT" kafka_ready
  say "kafka: ready"
}

# ------------------------------------------------------------------------------------ d) services

declare -a SVC_WAIT=()
# start_services REPLICA: instance REPLICA of every wanted service (1 = the first, on the base ports).
start_services() {
  local r="$1" s svc base port db jar pid pw name
  local -a envs
  for s in "${SERVICES[@]}"; do
    IFS=: read -r svc base db <<<"$s"
    wants "$svc" || continue
    name="$(replica_name "$svc" "$r")"
    port="$(replica_port "$base" "$r")"
    if pid="$(component_pid "$name")"; then
      if health_up "http://127.0.0.1:$((port + 1000))/q/health/ready"; then
        say "$name: already running (pid $pid), left alone"
      else
        say "$name: running (pid $pid) but not ready yet, waiting for it"
        SVC_WAIT+=("$name:$port")
      fi
      continue
    fi
    port_open "$port" && die "port $port is taken by a process this stack did not start (JIXIAO_HOME=$JIXIAO_HOME)"
    jar="$JIXIAO_REPO/$svc/target/quarkus-app/quarkus-run.jar"
    [[ -f "$jar" ]] || die "$jar not found: build first (deploy/local/up.sh build)"
    envs=(
      "JIXIAO_DEMO=true"
      "QUARKUS_HTTP_HOST=127.0.0.1"
      "QUARKUS_HTTP_PORT=$port"
      "QUARKUS_MANAGEMENT_PORT=$((port + 1000))"
      "KAFKA_BOOTSTRAP_SERVERS=$KAFKA_BOOTSTRAP_SERVERS"
      "QUARKUS_DATASOURCE_JDBC_URL=${DB_BASE}${db}"
      "QUARKUS_DATASOURCE_USERNAME=jixiao_$db"
      "QUARKUS_OIDC_AUTH_SERVER_URL=$KC_URL/realms/jixiao"
      "JIXIAO_KEYCLOAK_URL=$KC_URL"
      # glibc's per-thread malloc arenas grow the resident size of a JVM with many threads; two suffice
      "MALLOC_ARENA_MAX=2"
    )
    pw="JIXIAO_DB_PASSWORD_${db^^}"
    envs+=("QUARKUS_DATASOURCE_PASSWORD=${!pw}")
    if [[ "$svc" == budget-service ]]; then
      # onboarding: a service account of realm jixiao that may only manage users (not the master admin)
      envs+=("JIXIAO_ONBOARDING_SECRET=$JIXIAO_ONBOARDING_SECRET")
    fi
    say "$name: starting on 127.0.0.1:$port"
    # shellcheck disable=SC2086
    start_component "$name" "$DATA_DIR/$name" "${envs[@]}" -- "$JAVA_BIN" $SERVICE_JAVA_OPTS -jar "$jar"
    SVC_WAIT+=("$name:$port")
  done
}

wait_services() {
  local s svc port
  for s in ${SVC_WAIT[@]+"${SVC_WAIT[@]}"}; do
    IFS=: read -r svc port <<<"$s"
    # health and metrics live on the management interface: the service port + 1000
    wait_until "$svc" "$WAIT" health_up "http://127.0.0.1:$((port + 1000))/q/health/ready"
    say "$svc: ready (http://127.0.0.1:$((port + 1000))/q/health/ready is UP)"
  done
  SVC_WAIT=()
}

# ------------------------------------------------------------------------------------------ e) SPA

SPA_START=""
NGINX_DIR="$JIXIAO_HOME/nginx"

# The local nginx.conf: the shared files of deploy/nginx/ (linked into jixiao/ beside it, where their
# relative includes resolve) wrapped with what only this machine knows: paths, 127.0.0.1 ports, the Keycloak origin.
write_nginx_conf() {
  local f brotli_module="" brotli_include="" user_line=""
  mkdir -p "$NGINX_DIR/tmp" "$NGINX_DIR/jixiao"
  for f in "$JIXIAO_REPO"/deploy/nginx/*.conf; do ln -sf "$f" "$NGINX_DIR/jixiao/$(basename "$f")"; done
  if [[ -f /usr/share/nginx/modules/ngx_http_brotli_filter_module.so ]]; then
    brotli_module="load_module /usr/share/nginx/modules/ngx_http_brotli_filter_module.so;"
    brotli_include="include jixiao/brotli.conf;"
  fi
  # As root (CI), workers run as the owner of the checkout, who can read frontend/dist; otherwise the
  # directive is ignored and nginx runs as the invoking user.
  if ((EUID == 0)); then user_line="user $(stat -c %U "$JIXIAO_REPO");"; fi
  cat >"$NGINX_DIR/nginx.conf" <<CONF
# Generated by deploy/local/up.sh; edit deploy/nginx/*.conf instead.
$user_line
$brotli_module
worker_processes 1;
daemon off;
pid $NGINX_DIR/nginx.pid;
error_log $LOG_DIR/nginx-error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log $LOG_DIR/nginx-access.log;
  client_body_temp_path $NGINX_DIR/tmp/body;
  proxy_temp_path $NGINX_DIR/tmp/proxy;
  fastcgi_temp_path $NGINX_DIR/tmp/fastcgi;
  uwsgi_temp_path $NGINX_DIR/tmp/uwsgi;
  scgi_temp_path $NGINX_DIR/tmp/scgi;
  sendfile on;
  include jixiao/http.conf;
  $brotli_include
  map \$host \$jixiao_keycloak_origin { default "$(sed -E 's#^([a-z]+://[^/]+).*#\1#' <<<"$KC_URL")"; }
$(nginx_upstreams)
  server {
    listen 127.0.0.1:8080;
    root $FRONTEND/dist;
    include jixiao/site.conf;
  }
}
CONF
}

# One upstream per service with a server per instance (a keepalive pool per worker). An instance that
# fails is skipped for 5 s; idempotent requests in flight go to the next one (deploy/nginx/proxy.conf).
nginx_upstreams() {
  local s svc port db r servers
  for s in "${SERVICES[@]}"; do
    IFS=: read -r svc port db <<<"$s"
    servers=""
    for ((r = 1; r <= JIXIAO_REPLICAS; r++)); do
      servers+="server 127.0.0.1:$(replica_port "$port" "$r") max_fails=1 fail_timeout=5s; "
    done
    printf '  upstream jixiao_%s { %skeepalive 16; }\n' "$db" "$servers"
  done
}

start_spa() {
  local pid
  if pid="$(component_pid spa)"; then
    if http_ok http://127.0.0.1:8080/; then
      local before
      before="$(cat "$NGINX_DIR/nginx.conf" 2>/dev/null || true)"
      write_nginx_conf
      if [[ "$before" != "$(cat "$NGINX_DIR/nginx.conf")" ]]; then
        # another number of instances: the upstreams change without dropping a connection
        "$NGINX_BIN" -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -s reload ||
          die "nginx: reload of $(show_path "$NGINX_DIR/nginx.conf") failed"
        say "spa: nginx reloaded with $JIXIAO_REPLICAS instance(s) per service"
        return
      fi
      say "spa: already running (pid $pid), left alone"
    else
      say "spa: running (pid $pid) but not ready yet, waiting for it"
      SPA_START=1
    fi
    return
  fi
  port_open 8080 && die "port 8080 is taken by a process this stack did not start (JIXIAO_HOME=$JIXIAO_HOME)"
  [[ -f "$FRONTEND/dist/index.html" ]] || die "frontend/dist/index.html not found: build first (deploy/local/up.sh build spa)"
  command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]] || die "nginx not found: deploy/local/prereqs.sh run installs it"
  write_nginx_conf
  "$NGINX_BIN" -t -q -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" >"$LOG_DIR/nginx-test.log" 2>&1 ||
    die "nginx rejects $(show_path "$NGINX_DIR/nginx.conf"): $(cat "$LOG_DIR/nginx-test.log")"
  say "spa: starting nginx on 127.0.0.1:8080 (the built SPA, /api/v1 routed to the services)"
  # Under a shell that waits for it: nginx rewrites its own environment block for its process title,
  # which erases the stack marker the pid checks look for; the shell keeps it, and down.sh stops the
  # whole process group.
  start_component spa "$NGINX_DIR" -- bash -c '"$@"; exit $?' nginx "$NGINX_BIN" -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf"
  SPA_START=1
}

wait_spa() {
  [[ -n "$SPA_START" ]] || return 0
  wait_until spa "$WAIT" http_ok http://127.0.0.1:8080/
  say "spa: ready"
}

# ------------------------------------------------------------------------------------------- run

if wants postgres; then start_postgres; fi
if wants kafka; then start_kafka; fi
wait_postgres # Keycloak keeps its realm in the stack's PostgreSQL
if wants keycloak; then start_keycloak; fi
wait_kafka
wait_keycloak
if wants keycloak; then ensure_onboarding_client; fi
if wants_services; then
  # the first instances alone first: they migrate the schemas and load the demo data once
  for ((replica = 1; replica <= JIXIAO_REPLICAS; replica++)); do
    start_services "$replica"
    wait_services
  done
fi
if wants spa; then
  start_spa
  wait_spa
fi

# ------------------------------------------------------------------------------------- f) summary
echo
echo "Jixiao is up (${SECONDS}s)."
if wants spa; then echo "  App:       http://127.0.0.1:8080/"; fi
if wants keycloak; then
  echo "  Keycloak:  $KC_URL/admin/  (master realm admin: $JIXIAO_KEYCLOAK_ADMIN_USER, password in $(show_path "$SECRETS_FILE"))"
fi
if wants_services; then
  for s in "${SERVICES[@]}"; do
    IFS=: read -r svc port db <<<"$s"
    for ((replica = 1; replica <= JIXIAO_REPLICAS; replica++)); do
      wants "$svc" && echo "  $(replica_name "$svc" "$replica"): http://127.0.0.1:$(replica_port "$port" "$replica")/"
    done
  done
fi
if wants keycloak || wants spa || wants_services; then
  cat <<EOF

  Demo logins (password for all: $JIXIAO_DEMO_PASSWORD)
    user      role                     department
    zfw       department               中共长沙市望城区委政法委员会 (d0000000-0000-4000-8000-000000000001)
    jyj       department               望城区教育局 (d0000000-0000-4000-8000-000000000002)
    reviewer  finance-reviewer         -
    admin     admin, finance-reviewer  -
  Machine client: finance-api (client credentials; secret JIXIAO_FINANCE_API_SECRET in $(show_path "$SECRETS_FILE"))
EOF
fi
cat <<EOF

  Logs:  $(show_path "$LOG_DIR")/
  Stop:  deploy/local/down.sh   (data in $(show_path "$DATA_DIR") is kept)
EOF
