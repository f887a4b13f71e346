# shellcheck shell=bash disable=SC2034
# Shared helpers of up.sh, down.sh and test-all.sh. Sourced, never run.
#
# State lives under JIXIAO_HOME (default <repo>/.run):
#   pids/<component>.pid   pid (= process group id: every component is started with setsid)
#   logs/<component>.log   one folder for all logs (the four runs before kept as <component>.log.1 … .4)
#   data/{pg,kafka,keycloak,<service>}   survives down + up
#   downloads/             the Keycloak distribution zip
#   secrets.env            generated once (chmod 600), reused afterwards
#
# Every process started here carries JIXIAO_STACK_ID=<JIXIAO_HOME> in its environment; down.sh
# uses it to stop exactly what up.sh started (and the children those started) and nothing else.

JIXIAO_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
JIXIAO_HOME="${JIXIAO_HOME:-$JIXIAO_REPO/.run}"
mkdir -p "$JIXIAO_HOME"
JIXIAO_HOME="$(cd "$JIXIAO_HOME" && pwd -P)"
export JIXIAO_HOME

PID_DIR="$JIXIAO_HOME/pids"
LOG_DIR="$JIXIAO_HOME/logs"
DATA_DIR="$JIXIAO_HOME/data"
DL_DIR="$JIXIAO_HOME/downloads"
SECRETS_FILE="$JIXIAO_HOME/secrets.env"
STACK_ID="$JIXIAO_HOME"

KC_VERSION="${JIXIAO_KEYCLOAK_VERSION:-26.5.6}"
KC_LOCAL_URL="http://127.0.0.1:8180"
KC_URL="${JIXIAO_KEYCLOAK_URL:-$KC_LOCAL_URL}"
KC_URL="${KC_URL%/}"
KC_DIR="$JIXIAO_HOME/keycloak-$KC_VERSION"
# Shared by every JIXIAO_HOME of this user (the test command's temporary stacks included): Keycloak's
# downloaded and built distribution, copied instead of downloaded, unpacked and built again (~25 s).
JIXIAO_CACHE="${JIXIAO_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/jixiao}"
REALM_FILE="$JIXIAO_REPO/deploy/keycloak/realm-jixiao.json"

# name:port:database
# The services' JVM: a 256 MB heap holds the 100,000-line import, the year's XLSX export and a batch of
# 100 reports (deploy/bench/run.sh runs all of them on it, the XLSX import too). Serial GC: two cores, small heap, and none of
# G1's per-region bookkeeping in the resident size; a smaller code cache and thread stacks for the same
# reason. Resident size beyond the heap (measured with NMT on budget-service): metaspace ~95 MB, symbols
# 25 MB, code ~23 MB, CDS 12 MB, glibc's arenas the rest; so the heap starts at 32 MB and gives memory
# back after a peak (free-ratio bounds 10–40%), and glibc's free lists are trimmed every 30 s (an
# import's parse leaves tens of MB there). JIXIAO_JAVA_OPTS replaces all of it.
JIXIAO_DEFAULT_JAVA_OPTS="-Xms32m -Xmx256m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=40 -XX:ReservedCodeCacheSize=48m -Xss512k -XX:TrimNativeHeapInterval=30000"
# Instances per service (up.sh --replicas N or JIXIAO_REPLICAS): instance r > 1 of a service on port P
# listens on P + 200 * (r - 1) (management + 1000 as always), named <service>-<r>.
JIXIAO_REPLICAS="${JIXIAO_REPLICAS:-1}"
replica_name() { if (($2 == 1)); then printf '%s' "$1"; else printf '%s-%s' "$1" "$2"; fi; }
replica_port() { printf '%s' $(($1 + 200 * ($2 - 1))); }
SERVICES=(budget-service:8081:budget evaluation-service:8082:evaluation report-service:8083:report)
STACK_PORTS=(8080 8081 8082 8083 8180 9081 9082 9083 9092 9093 15432)

SECONDS=${SECONDS:-0}

say() { printf '[%4ds] %s\n' "$SECONDS" "$*"; }
warn() { printf '[%4ds] WARNING: %s\n' "$SECONDS" "$*" >&2; }
die() { printf '[%4ds] ERROR: %s\n' "$SECONDS" "$*" >&2; exit 1; }

# A path shown relative to the current directory when it is below it (shorter messages).
show_path() {
  local p="$1"
  case "$p" in
    "$PWD"/*) printf '%s' "${p#"$PWD"/}" ;;
    *) printf '%s' "$p" ;;
  esac
}

ensure_dirs() { mkdir -p "$PID_DIR" "$LOG_DIR" "$DATA_DIR" "$DL_DIR"; }

# ---------------------------------------------------------------------------------------- secrets

# Random string of length $1 over the alphabet $2 (no pipes into head: safe under pipefail).
rand_string() {
  local n="$1" alphabet="$2" out="" b
  for b in $(od -An -v -N"$n" -tu1 /dev/urandom); do
    out+="${alphabet:b % ${#alphabet}:1}"
  done
  printf '%s' "$out"
}

# Readable: four groups of four, no look-alike characters (0/O, 1/l/I).
readable_password() {
  local a='abcdefghijkmnpqrstuvwxyz23456789'
  printf '%s-%s-%s-%s' "$(rand_string 4 "$a")" "$(rand_string 4 "$a")" "$(rand_string 4 "$a")" "$(rand_string 4 "$a")"
}

strong_secret() { rand_string 40 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'; }

# Generates secrets.env on the first run (values already in the environment are taken as seeds),
# adds secrets a newer up.sh needs to an older file, then loads it (as plain shell variables). The
# file wins afterwards: Keycloak imported the realm with these values once.
SECRET_KEYS=(JIXIAO_DEMO_PASSWORD JIXIAO_FINANCE_API_SECRET JIXIAO_KEYCLOAK_ADMIN_USER JIXIAO_KEYCLOAK_ADMIN_PASSWORD
  JIXIAO_ONBOARDING_SECRET JIXIAO_DB_SUPERUSER_PASSWORD JIXIAO_DB_PASSWORD_BUDGET JIXIAO_DB_PASSWORD_EVALUATION
  JIXIAO_DB_PASSWORD_REPORT JIXIAO_DB_PASSWORD_KEYCLOAK)
new_secret() {
  case "$1" in
    JIXIAO_DEMO_PASSWORD) readable_password ;;
    JIXIAO_KEYCLOAK_ADMIN_USER) printf kcadmin ;;
    *) strong_secret ;;
  esac
}
load_secrets() {
  local old_umask k added=()
  old_umask="$(umask)"
  if [[ ! -s "$SECRETS_FILE" ]]; then
    local kc_state
    kc_state="$(find "$DATA_DIR/keycloak" -mindepth 1 -maxdepth 1 ! -name import -print -quit 2>/dev/null || true)"
    if [[ -n "$kc_state" ]]; then
      die "$SECRETS_FILE is missing but Keycloak data exists in $DATA_DIR/keycloak (its realm was imported with the old secrets). Restore the file, or run down.sh and remove $DATA_DIR/keycloak to re-import the realm."
    fi
    umask 077
    echo "# Generated by deploy/local/up.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ). Reused on every run; keep it private." >"$SECRETS_FILE"
    umask "$old_umask"
    say "secrets: generated $(show_path "$SECRETS_FILE")"
  fi
  chmod 600 "$SECRETS_FILE"
  for k in "${SECRET_KEYS[@]}"; do
    grep -q "^$k=" "$SECRETS_FILE" && continue
    echo "$k='${!k:-$(new_secret "$k")}'" >>"$SECRETS_FILE"
    added+=("$k")
  done
  if ((${#added[@]})) && [[ $(grep -c '=' "$SECRETS_FILE") -gt ${#added[@]} ]]; then
    say "secrets: added ${added[*]} to $(show_path "$SECRETS_FILE")"
  fi
  # With an external Keycloak the file's values mean nothing to it: values from the environment win.
  local -A from_env=()
  local v
  if [[ "$KC_URL" != "$KC_LOCAL_URL" ]]; then
    for v in JIXIAO_DEMO_PASSWORD JIXIAO_FINANCE_API_SECRET JIXIAO_KEYCLOAK_ADMIN_USER JIXIAO_KEYCLOAK_ADMIN_PASSWORD JIXIAO_ONBOARDING_SECRET; do
      [[ -n "${!v:-}" ]] && from_env[$v]="${!v}"
    done
  fi
  # Likewise for an external PostgreSQL: its roles' passwords are the operator's.
  if [[ -n "${JIXIAO_DB_URL_BASE:-}" ]]; then
    for v in JIXIAO_DB_PASSWORD_BUDGET JIXIAO_DB_PASSWORD_EVALUATION JIXIAO_DB_PASSWORD_REPORT; do
      [[ -n "${!v:-}" ]] && from_env[$v]="${!v}"
    done
  fi
  # Not exported: each component gets only the secrets it needs (see start_component calls).
  # shellcheck disable=SC1090
  source "$SECRETS_FILE"
  for v in "${!from_env[@]}"; do printf -v "$v" '%s' "${from_env[$v]}"; done
}

# ------------------------------------------------------------------------------------ processes

# True when process $1 carries this stack's marker in its environment.
has_marker() {
  local -a env=()
  local e
  mapfile -d "" -t env 2>/dev/null <"/proc/$1/environ" || return 1
  for e in "${env[@]}"; do
    [[ "$e" == "JIXIAO_STACK_ID=$STACK_ID" ]] && return 0
  done
  return 1
}

# Process group of process $1 (field 5 of /proc/<pid>/stat; the command name may hold spaces).
pgid_of() {
  local stat rest
  read -r stat 2>/dev/null <"/proc/$1/stat" || return 1
  rest="${stat##*) }"
  # shellcheck disable=SC2086
  set -- $rest
  printf '%s' "$3"
}

# Pids of this stack's processes in process group $1.
group_members() {
  local p pid
  for p in /proc/[0-9]*; do
    pid="${p#/proc/}"
    [[ "$(pgid_of "$pid" 2>/dev/null)" == "$1" ]] && has_marker "$pid" && printf '%s\n' "$pid"
  done
  return 0
}

# Pids of every process of this stack, whatever its group (children that left the group).
stack_members() {
  local p pid
  for p in /proc/[0-9]*; do
    pid="${p#/proc/}"
    [[ "$pid" == "$$" || "$pid" == "${BASHPID:-$$}" ]] && continue
    has_marker "$pid" && printf '%s\n' "$pid"
  done
  return 0
}

pid_file() { printf '%s/%s.pid' "$PID_DIR" "$1"; }
log_file() { printf '%s/%s.log' "$LOG_DIR" "$1"; }

# Pid of component $1 when its pid file names a live process of this stack. A stale pid file
# (process gone, or the pid now belongs to something else) is removed.
component_pid() {
  local f pid
  f="$(pid_file "$1")"
  [[ -f "$f" ]] || return 1
  pid="$(head -n1 "$f" 2>/dev/null || true)"
  if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && has_marker "$pid"; then
    printf '%s' "$pid"
    return 0
  fi
  rm -f "$f"
  say "$1: removed stale pid file (process ${pid:-?} is gone)" >&2
  return 1
}

# start_component NAME WORKDIR [VAR=value ...] -- COMMAND [ARGS ...]
# Starts COMMAND in its own session (setsid: it outlives this script and its children share one
# process group), stdout+stderr to logs/NAME.log, stdin from /dev/null.
start_component() {
  local name="$1" workdir="$2" log pid
  shift 2
  local envs=()
  while [[ $# -gt 0 && "$1" != "--" ]]; do envs+=("$1"); shift; done
  [[ "${1:-}" == "--" ]] && shift
  log="$(log_file "$name")"
  if [[ -f "$log" ]]; then # the last four runs kept: the fault suite restarts a service several times
    local n
    for n in 3 2 1; do [[ -f "$log.$n" ]] && mv -f "$log.$n" "$log.$((n + 1))"; done
    mv -f "$log" "$log.1"
  fi
  mkdir -p "$workdir"
  (
    cd "$workdir" || exit 1
    exec env JIXIAO_STACK_ID="$STACK_ID" "${envs[@]}" setsid "$@"
  ) >"$log" 2>&1 </dev/null &
  pid=$!
  printf '%s\n' "$pid" >"$(pid_file "$name")"
}

# wait_until NAME TIMEOUT_SECONDS CHECK_COMMAND...
# Polls CHECK until it succeeds; fails with the log's tail if the process dies or time runs out.
wait_until() {
  local name="$1" timeout="$2" start=$SECONDS log pid
  shift 2
  log="$(log_file "$name")"
  while true; do
    if "$@" >/dev/null 2>&1; then
      return 0
    fi
    pid="$(head -n1 "$(pid_file "$name")" 2>/dev/null || true)"
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      echo "----- last lines of $(show_path "$log") -----" >&2
      tail -n 25 "$log" >&2 || true
      die "$name exited before it was ready; see $(show_path "$log")"
    fi
    if (( SECONDS - start >= timeout )); then
      echo "----- last lines of $(show_path "$log") -----" >&2
      tail -n 25 "$log" >&2 || true
      die "$name was not ready after ${timeout}s; see $(show_path "$log") (it is still running: deploy/local/down.sh stops it)"
    fi
    sleep 1
  done
}

# ----------------------------------------------------------------------------------------- checks

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
http_ok() { curl -fsS -m 5 -o /dev/null "$1"; }
health_up() {
  local body
  body="$(curl -fsS -m 5 "$1")" || return 1
  grep -Eq '"status" *: *"UP"' <<<"$body"
}
log_has() { grep -qF "$2" "$(log_file "$1")" 2>/dev/null; }

# Stops the given components (their whole process groups): SIGTERM, wait up to $STOP_TIMEOUT
# seconds, then SIGKILL. Components are signalled together and awaited together.
stop_components() {
  local timeout="${STOP_TIMEOUT:-30}" name pid deadline alive
  local -a names=() pgids=()
  for name in "$@"; do
    pid="$(component_pid "$name" 2>/dev/null)" || { rm -f "$(pid_file "$name")"; continue; }
    names+=("$name")
    pgids+=("$pid")
    say "$name: stopping (process group $pid)"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  done
  ((${#names[@]})) || return 0
  deadline=$((SECONDS + timeout))
  while true; do
    alive=()
    local i
    for i in "${!names[@]}"; do
      [[ -n "$(group_members "${pgids[$i]}")" ]] && alive+=("$i")
    done
    ((${#alive[@]})) || break
    if ((SECONDS >= deadline)); then
      for i in "${alive[@]}"; do
        warn "${names[$i]}: still running after ${timeout}s, sending SIGKILL"
        kill -KILL -- "-${pgids[$i]}" 2>/dev/null || true
      done
      sleep 1
      break
    fi
    sleep 0.5
  done
  for i in "${!names[@]}"; do
    rm -f "$(pid_file "${names[$i]}")"
    say "${names[$i]}: stopped"
  done
}
