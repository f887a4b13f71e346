#!/usr/bin/env bash
# The benchmark of issue 13, as one command: every row of the issue's table and its anchor, measured
# in the same run on this machine, printed as one table (path | figure | anchor | ratio | goal |
# verdict) and written as JSON to $JIXIAO_HOME/bench/bench-<timestamp>.json. docs/benchmarks.md says
# what each row measures.
#
#   deploy/bench/run.sh            the full run: fixed sizes (100,000 支出明细, 100 reports, 10 s of load
#                                  per API row, 300 write->score samples); rows marked meets/misses
#   deploy/bench/run.sh --smoke    tiny sizes (200 rows, 1 s of load, 5 samples, 3 reports), no
#                                  thresholds: that it still works (deploy/local/test-all.sh runs it)
#
# Uses the stack running in JIXIAO_HOME (default <repo>/.run); when none runs, starts one with
# deploy/local/up.sh with rate limiting switched off (JIXIAO_API_RATE_LIMIT_ENABLED=false, for the
# benchmark only) and stops it again with down.sh at the end. A stack that was already running keeps
# its settings: the output says whether its rate limits were on.
#
# Data: departments onboarded by the benchmark itself (jurisdiction 性能测试区, codes bench-<id>-NNN,
# first year 2023), kept in $JIXIAO_HOME/bench/state.json so a rerun reuses them; full runs write the
# years 2023 (ordinary, the batch) and 2024 (100,000 支出明细), smoke runs 2025 and 2024. No other
# test writes those years. Anchors: a scratch database (created and dropped) on the stack's
# PostgreSQL as its superuser, a scratch topic (created and deleted) on its broker.
#
# Environment: JIXIAO_HOME; secrets from the environment or $JIXIAO_HOME/secrets.env;
# BENCH_ROWS, BENCH_LOAD_SECONDS, BENCH_SAMPLES, BENCH_REPORTS, BENCH_CONNECTIONS override the sizes.
# Exit: 0 when every row was measured (misses included), 1 when the run itself broke.
set -uo pipefail

MODE=full
case "${1:-}" in
  "") ;;
  --smoke) MODE=smoke ;;
  -h | --help) sed -n '2,26p' "$0"; exit 0 ;;
  *) echo "usage: deploy/bench/run.sh [--smoke]" >&2; exit 1 ;;
esac

# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../local/lib.sh"
REPO="$JIXIAO_REPO"
BENCH_DIR="$REPO/deploy/bench"
OUT_DIR="$JIXIAO_HOME/bench"
mkdir -p "$OUT_DIR"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/jixiao-bench.XXXXXX")"
LOG="$OUT_DIR/bench-last.log" # the driver's and helpers' stderr
: >"$LOG"

# ------------------------------------------------------------------------------------- sizes
if [[ "$MODE" == smoke ]]; then
  ROWS="${BENCH_ROWS:-200}" LOAD="${BENCH_LOAD_SECONDS:-1}" WARM_LOAD=1 WARM_WINDOWS=1 SAMPLES="${BENCH_SAMPLES:-5}" WARM_SAMPLES=1 WARM_SAMPLE_WINDOWS=1 WARM_SAMPLE_MIN_WINDOWS=1
  NREPORTS="${BENCH_REPORTS:-3}" DOC_REPEAT=2 DOC_WARM=1 RTT_SAMPLES=20 RTT_WARM=5 EXPORT_REPEAT=1 EXPORT_WARM=0 EXPORT_WARM_WINDOWS=1 IMPORT_WARM=0 IMPORT_REPEAT=1
  Y_ORD=2025 Y_BIG=2024
else
  ROWS="${BENCH_ROWS:-100000}" LOAD="${BENCH_LOAD_SECONDS:-10}" WARM_LOAD=3 WARM_WINDOWS=10 SAMPLES="${BENCH_SAMPLES:-300}" WARM_SAMPLES=250 WARM_SAMPLE_WINDOWS=20 WARM_SAMPLE_MIN_WINDOWS=14
  NREPORTS="${BENCH_REPORTS:-100}" DOC_REPEAT=20 DOC_WARM=3 RTT_SAMPLES=500 RTT_WARM=50 EXPORT_REPEAT=5 EXPORT_WARM=10 EXPORT_WARM_WINDOWS=6 IMPORT_WARM=2 IMPORT_REPEAT=3
  Y_ORD=2023 Y_BIG=2024
fi
CONNS="${BENCH_CONNECTIONS:-32}"
SEED=13
FIRST_YEAR=2023

KC="${JIXIAO_KEYCLOAK_URL:-$KC_LOCAL_URL}"
KC="${KC%/}"
TOKEN_URL="$KC/realms/jixiao/protocol/openid-connect/token"
BUDGET=http://127.0.0.1:8081 EVALUATION=http://127.0.0.1:8082 REPORT=http://127.0.0.1:8083 SPA=http://127.0.0.1:8080
DRIVER_CP="$BENCH_DIR/driver/target/classes:$BENCH_DIR/driver/target/lib/*"
BARE_JAR="$BENCH_DIR/bare-quarkus/target/quarkus-app/quarkus-run.jar"

note() { printf '[%4ds] %s\n' "$SECONDS" "$*"; }
BROKEN=0
broken() { BROKEN=$((BROKEN + 1)); printf '[%4ds] ERROR: %s\n' "$SECONDS" "$*" >&2; }

for tool in curl jq wrk java gzip; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is not installed (deploy/local/prereqs.sh test installs it)" >&2; exit 1; }
done

# --------------------------------------------------------------------------- machine and load
LOAD_AT_START="$(cut -d' ' -f1-3 /proc/loadavg)"
CPU_MODEL="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)"
NPROC="$(nproc)"
MEM_GB="$(awk '/^MemTotal:/ {printf "%.1f", $2 / 1048576}' /proc/meminfo)"
STARTED_AT="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
note "bench ($MODE): $NPROC cores ($CPU_MODEL), ${MEM_GB} GB RAM, load average at start: $LOAD_AT_START"
note "JIXIAO_HOME=$JIXIAO_HOME"

# ------------------------------------------------------------------------------------ the stack
STACK_PORTS_NEEDED=(8080 8081 8082 8083 8180 9092 15432)
open_ports=0
for p in "${STACK_PORTS_NEEDED[@]}"; do port_open "$p" && open_ports=$((open_ports + 1)); done
STARTED_STACK=""
BARE_PID=""
cleanup() {
  [[ -n "$BARE_PID" ]] && kill "$BARE_PID" 2>/dev/null
  rm -rf "$WORK"
  if [[ -n "$STARTED_STACK" ]]; then
    note "stopping the stack this run started (deploy/local/down.sh)"
    bash "$REPO/deploy/local/down.sh" >>"$LOG" 2>&1 || true
  fi
}
trap cleanup EXIT
trap 'echo "interrupted"; exit 130' INT TERM

if ((open_ports == 0)); then
  note "no stack is running: starting one with deploy/local/up.sh, rate limiting off for the benchmark (log: $LOG)"
  STARTED_STACK=1
  if ! JIXIAO_API_RATE_LIMIT_ENABLED=false bash "$REPO/deploy/local/up.sh" >>"$LOG" 2>&1; then
    tail -n 30 "$LOG" >&2
    echo "bench: up.sh failed" >&2
    exit 1
  fi
elif ((open_ports < ${#STACK_PORTS_NEEDED[@]})); then
  echo "bench: only part of the stack answers (ports ${STACK_PORTS_NEEDED[*]}); start it with deploy/local/up.sh or stop it" >&2
  exit 1
fi
for port in 9081 9082 9083; do
  health_up "http://127.0.0.1:$port/q/health/ready" || { echo "bench: the service on management port $port is not ready" >&2; exit 1; }
done

# secrets: the environment wins (as in deploy/e2e/lib/common.bash), else the stack's file
if [[ -z "${JIXIAO_DEMO_PASSWORD:-}" || -z "${JIXIAO_DB_SUPERUSER_PASSWORD:-}" || -z "${JIXIAO_FINANCE_API_SECRET:-}" ]]; then
  [[ -r "$SECRETS_FILE" ]] || { echo "bench: no $SECRETS_FILE and no secrets in the environment" >&2; exit 1; }
  # shellcheck disable=SC1090
  source "$SECRETS_FILE"
fi

# The service's process: the pid file's process, or whoever listens on its port.
service_pid() { # NAME PORT
  local pid=""
  pid="$(head -n1 "$PID_DIR/$1.pid" 2>/dev/null || true)"
  if [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null; then
    pid="$(ss -Hltnp "sport = :$2" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n1)"
  fi
  # the pid file may name a wrapper (setsid forks when it leads a group): take its java child
  if [[ -n "$pid" && "$(cat "/proc/$pid/comm" 2>/dev/null)" != java ]]; then
    local child
    child="$(pgrep -P "$pid" -x java 2>/dev/null | head -n1)"
    [[ -n "$child" ]] && pid="$child"
  fi
  printf '%s' "$pid"
}
BUDGET_PID="$(service_pid budget-service 8081)"
RATE_LIMITS=on
if [[ -n "$BUDGET_PID" ]] && tr '\0' '\n' <"/proc/$BUDGET_PID/environ" 2>/dev/null | grep -qx 'JIXIAO_API_RATE_LIMIT_ENABLED=false'; then
  RATE_LIMITS=off
fi
if [[ "$RATE_LIMITS" == on ]]; then
  note "rate limits are ON in this stack (it was not started by the benchmark): API rows may count 429 answers"
else
  note "rate limits are off (JIXIAO_API_RATE_LIMIT_ENABLED=false)"
fi
# The services' JVM options (the bare anchor runs with the same): the arguments before -jar.
SERVICE_JAVA_OPTS=""
if [[ -n "$BUDGET_PID" && -r "/proc/$BUDGET_PID/cmdline" ]]; then
  SERVICE_JAVA_OPTS="$(tr '\0' '\n' <"/proc/$BUDGET_PID/cmdline" | sed -n '2,$p' | sed '/^-jar$/,$d' | paste -sd' ')"
fi
SERVICE_JAVA_OPTS="${SERVICE_JAVA_OPTS:-${JIXIAO_JAVA_OPTS:-$JIXIAO_DEFAULT_JAVA_OPTS}}"

# ------------------------------------------------------------------------------------ the tools
if [[ ! -f "$BARE_JAR" || ! -d "$BENCH_DIR/driver/target/lib" ]] ||
  [[ -n "$(find "$BENCH_DIR/bare-quarkus/src" "$BENCH_DIR/driver/src" "$BENCH_DIR"/*/pom.xml -newer "$BARE_JAR" -print -quit 2>/dev/null)" ]] ||
  [[ ! -f "$BENCH_DIR/driver/target/classes/io/jixiao/bench/Driver.class" ]]; then
  note "building deploy/bench/bare-quarkus and deploy/bench/driver"
  (cd "$REPO" && mvn -B -q -pl deploy/bench/bare-quarkus,deploy/bench/driver -am -DskipTests package) >>"$LOG" 2>&1 ||
    { tail -n 30 "$LOG" >&2; echo "bench: building the benchmark tools failed" >&2; exit 1; }
fi

# driver SUBCOMMAND [options]: one JSON line (stderr to the log); empty on failure
driver() {
  local out rc
  out="$(java -cp "$DRIVER_CP" io.jixiao.bench.Driver "$@" 2>>"$LOG")"
  rc=$?
  if ((rc != 0)) || ! jq -e . >/dev/null 2>&1 <<<"$out"; then
    echo "driver $1 failed (exit $rc): $(tail -n 3 "$LOG" | tr '\n' ' ')" >&2
    [[ -n "$out" ]] && printf '%s' "$out"
    return 1
  fi
  printf '%s' "$out"
}
# as_user USER PASSWORD driver ...: the driver logs in as that user (password grant)
as_user() { local u="$1" p="$2"; shift 2; BENCH_TOKEN_URL="$TOKEN_URL" BENCH_USER="$u" BENCH_PASSWORD="$p" "$@"; }
as_client() { BENCH_TOKEN_URL="$TOKEN_URL" BENCH_CLIENT_ID=finance-api BENCH_CLIENT_SECRET="$JIXIAO_FINANCE_API_SECRET" "$@"; }

# ---------------------------------------------------------------------------------------- HTTP
token_for() { # USER PASSWORD
  curl -sS -m 30 "$TOKEN_URL" -d grant_type=password -d client_id=jixiao-cli -d scope=openid \
    --data-urlencode "username=$1" --data-urlencode "password=$2" 2>>"$LOG" | jq -r '.access_token // empty'
}
client_token() {
  curl -sS -m 30 "$TOKEN_URL" -d grant_type=client_credentials -d client_id=finance-api \
    --data-urlencode "client_secret=$JIXIAO_FINANCE_API_SECRET" 2>>"$LOG" | jq -r '.access_token // empty'
}
BODY="$WORK/body"
STATUS=""
call() { # METHOD URL TOKEN [JSON]: STATUS; the body in $BODY
  local -a args=(-sS -m 60 -X "$1" -o "$BODY" -w '%{http_code}' -H 'Accept: application/json')
  [[ -n "$3" ]] && args+=(-H "Authorization: Bearer $3")
  [[ -n "${4:-}" ]] && args+=(-H 'Content-Type: application/json' --data-binary "$4")
  STATUS="$(curl "${args[@]}" "$2" 2>>"$LOG")" || STATUS=000
}

# --------------------------------------------------------------------------------- the table
ROWS_JSON="$WORK/rows.ndjson"
: >"$ROWS_JSON"
# row KEY PATH FIGURE ANCHOR RATIO GOAL VERDICT [NOTE] [VALUES-JSON]
row() {
  jq -cn --arg key "$1" --arg path "$2" --arg figure "$3" --arg anchor "$4" --arg ratio "$5" --arg goal "$6" \
    --arg verdict "$7" --arg note "${8:-}" --argjson values "${9:-{\}}" \
    '{key: $key, path: $path, figure: $figure, anchor: $anchor, ratio: $ratio, goal: $goal, verdict: $verdict}
     + (if $note == "" then {} else {note: $note} end) + {values: $values}' >>"$ROWS_JSON"
}
# verdict VALUE OP LIMIT: meets / misses (smoke: "smoke", no thresholds)
verdict() {
  if [[ "$MODE" == smoke ]]; then echo smoke; return; fi
  if [[ -z "$1" || "$1" == null || "$1" == nan ]]; then echo error; return; fi
  if awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN { exit !((op == "<=" && v <= l) || (op == ">=" && v >= l)) }'; then
    echo meets
  else
    echo misses
  fi
}
div() { awk -v a="$1" -v b="$2" -v d="${3:-3}" 'BEGIN { if (b + 0 == 0 || a == "") print ""; else printf "%.*f", d, a / b }'; }
fmt() { printf '%.0f' "$1" 2>/dev/null | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' || printf '%s' "$1"; } # 12345.6 -> 12,346
errrow() { broken "$2: $3"; row "$1" "$2" "-" "-" "-" "-" error "$3"; }

# ---------------------------------------------------------------------------- bench departments
STATE="$OUT_DIR/state.json"
if [[ ! -s "$STATE" ]]; then
  jq -n --arg id "$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')" --arg pw "Bench-$(od -An -N9 -tx1 /dev/urandom | tr -d ' \n')" \
    '{id: $id, password: $pw, departments: []}' >"$STATE"
  chmod 600 "$STATE"
fi
STATE_ID="$(jq -r .id "$STATE")"
DEPT_PASSWORD="$(jq -r .password "$STATE")"
# admin's and reviewer's tokens, renewed when older than 3 minutes (they live 5; loops here can be longer)
TOKENS_AT=-1000
fresh_tokens() {
  ((SECONDS - TOKENS_AT < 180)) && return 0
  ADMIN_TOKEN="$(token_for admin "$JIXIAO_DEMO_PASSWORD")"
  REVIEWER_TOKEN="$(token_for reviewer "$JIXIAO_DEMO_PASSWORD")"
  [[ -n "$ADMIN_TOKEN" && -n "$REVIEWER_TOKEN" ]] || { echo "bench: admin/reviewer cannot log in (JIXIAO_DEMO_PASSWORD?)" >&2; exit 1; }
  TOKENS_AT=$SECONDS
}
fresh_tokens
have="$(jq '.departments | length' "$STATE")"
if ((have < NREPORTS)); then
  note "onboarding $((NREPORTS - have)) bench department(s) (jurisdiction 性能测试区; $have already in $(show_path "$STATE"))"
fi
for ((i = have; i < NREPORTS; i++)); do
  code="$(printf 'bench-%s-%03d' "$STATE_ID" "$i")"
  user="$(printf 'bench-%s-%03d' "$STATE_ID" "$i")"
  fresh_tokens
  call POST "$BUDGET/api/v1/departments" "$ADMIN_TOKEN" "$(jq -cn --arg code "$code" --arg u "$user" --arg p "$DEPT_PASSWORD" \
    --argjson y "$FIRST_YEAR" '{code: $code, name: ("性能测试单位 " + $code), jurisdiction: "性能测试区", firstFiscalYear: $y,
      duties: ["性能测试"], divisions: ["办公室"],
      user: {username: $u, email: ($u + "@bench.jixiao.example"), firstName: "测试", lastName: "性能",
             initialPassword: $p, temporaryPassword: false}}')"
  if [[ "$STATUS" != 201 ]]; then
    echo "bench: onboarding $code answered $STATUS: $(head -c 300 "$BODY")" >&2
    exit 1
  fi
  jq --arg id "$(jq -r .department.id "$BODY")" --arg code "$code" --arg user "$user" \
    '.departments += [{id: $id, code: $code, user: $user}]' "$STATE" >"$STATE.tmp" && mv "$STATE.tmp" "$STATE"
done
D0="$(jq -r '.departments[0].id' "$STATE")"
U0="$(jq -r '.departments[0].user' "$STATE")"

# Every bench department has 基本支出 in the ordinary year (so the year's batch and summary hold
# NREPORTS departments); written once per stack, checked with the reviewer's read.
seeded=0
for ((i = 0; i < NREPORTS; i++)); do
  d="$(jq -r ".departments[$i].id" "$STATE")"
  fresh_tokens
  call GET "$BUDGET/api/v1/budgets/$d/$Y_ORD/basic-expenditure" "$REVIEWER_TOKEN"
  [[ "$STATUS" == 200 ]] && continue
  t="$(token_for "$(jq -r ".departments[$i].user" "$STATE")" "$DEPT_PASSWORD")"
  call PUT "$BUDGET/api/v1/budgets/$d/$Y_ORD/basic-expenditure" "$t" \
    "$(jq -cn --argjson i "$i" '{budget: ((5000000 + $i * 1000 | tostring) + ".00"), actual: ((4800000 + $i * 900 | tostring) + ".00"),
       personnelActual: "3000000.00", subsidiesActual: "200000.00", publicFundsActual: "800000.00", publicFundsBudget: "900000.00", version: null}')"
  [[ "$STATUS" == 200 ]] || { echo "bench: seeding $d $Y_ORD answered $STATUS: $(head -c 300 "$BODY")" >&2; exit 1; }
  seeded=$((seeded + 1))
done
((seeded)) && note "wrote 基本支出 $Y_ORD of $seeded bench department(s)"
D0_TOKEN="$(token_for "$U0" "$DEPT_PASSWORD")"
[[ -n "$D0_TOKEN" ]] || { echo "bench: the bench department's user $U0 cannot log in" >&2; exit 1; }

# ------------------------------------------------------------------------------------ anchors
CSV="$WORK/lines.csv"
gen="$(driver gen-csv --rows "$ROWS" --year "$Y_BIG" --seed "$SEED" --out "$CSV")" || { echo "bench: generating the CSV failed" >&2; exit 1; }
note "支出明细 file: $(fmt "$ROWS") rows, $(fmt "$(jq .bytes <<<"$gen")") bytes (seed $SEED)"

note "anchor: PostgreSQL COPY FROM / COPY TO of the same rows (scratch database, superuser)"
COPY_JSON="$(BENCH_DB_PASSWORD="$JIXIAO_DB_SUPERUSER_PASSWORD" driver copy --jdbc jdbc:postgresql://127.0.0.1:15432/ \
  --user postgres --csv "$CSV" --rows "$ROWS")" || broken "COPY anchor"
COPY_FROM="$(jq -r '.copyFromRowsPerSec // empty' <<<"$COPY_JSON" 2>/dev/null)"
COPY_TO="$(jq -r '.copyToRowsPerSec // empty' <<<"$COPY_JSON" 2>/dev/null)"
COPY_KEYED="$(jq -r '.copyFromKeyedRowsPerSec // empty' <<<"$COPY_JSON" 2>/dev/null)"

note "anchor: Kafka produce->consume round trips ($RTT_SAMPLES, scratch topic)"
RTT_JSON="$(driver kafka-rtt --bootstrap 127.0.0.1:9092 --samples "$RTT_SAMPLES" --warmup "$RTT_WARM")" || broken "Kafka anchor"
RTT_P50="$(jq -r '.p50Ms // empty' <<<"$RTT_JSON" 2>/dev/null)"
RTT_P99="$(jq -r '.p99Ms // empty' <<<"$RTT_JSON" 2>/dev/null)"

# ------------------------------------------------------------------------ import (bulk rows)
note "CSV import of $(fmt "$ROWS") 支出明细 into $Y_BIG (upload -> SUCCEEDED)"
if IMPORT_JSON="$(as_user "$U0" "$DEPT_PASSWORD" driver import --budget "$BUDGET" --dept "$D0" --year "$Y_BIG" --csv "$CSV" --rows "$ROWS" \
    --warmup "$IMPORT_WARM" --repeat "$IMPORT_REPEAT")"; then
  r="$(jq -r .rowsPerSec <<<"$IMPORT_JSON")"
  ratio="$(div "$r" "$COPY_FROM")"
  row import "CSV import, $(fmt "$ROWS") 支出明细, upload → SUCCEEDED" "$(fmt "$r") rows/s ($(jq -r .seconds <<<"$IMPORT_JSON") s)" \
    "COPY FROM: $(fmt "${COPY_FROM:-0}") rows/s" "$ratio" "≥ 0.5×" "$(verdict "$ratio" ">=" 0.5)" \
    "median of $IMPORT_REPEAT after $IMPORT_WARM warm-up imports: $(jq -c .allSeconds <<<"$IMPORT_JSON") s; ceiling: the same COPY into a table with spending_line's primary key, $(fmt "${COPY_KEYED:-0}") rows/s = $(div "${COPY_KEYED:-0}" "$COPY_FROM") of the anchor" "$IMPORT_JSON"
else
  errrow import "CSV import, $(fmt "$ROWS") 支出明细" "$(jq -r '.state // "failed"' <<<"${IMPORT_JSON:-{\}}" 2>/dev/null) $(jq -c '.firstError // empty' <<<"${IMPORT_JSON:-{\}}" 2>/dev/null)"
fi

# ------------------------------------------------------------------- the stack has converged
# The score card of the ordinary year and the report of every bench department exist before reads.
converge() { # URL TOKEN SECONDS
  local start=$SECONDS
  while ((SECONDS - start < $3)); do
    call GET "$1" "$2"
    [[ "$STATUS" == 200 ]] && return 0
    sleep 0.5
  done
  return 1
}
D0_TOKEN="$(token_for "$U0" "$DEPT_PASSWORD")"
converge "$EVALUATION/api/v1/evaluations/$D0/$Y_ORD" "$D0_TOKEN" 120 || broken "no score card for $D0 $Y_ORD after 120 s"
for ((i = 0; i < NREPORTS; i++)); do
  d="$(jq -r ".departments[$i].id" "$STATE")"
  fresh_tokens
  converge "$REPORT/api/v1/reports/$d/$Y_ORD" "$REVIEWER_TOKEN" 120 || { broken "no report for $d $Y_ORD after 120 s"; break; }
done

# ------------------------------------------------------------------------------ API reads (wrk)
# wrk_run URL TOKEN SECONDS: one JSON object (rps, p50/p99 ms, requests, non2xx, errors).
# Requests say Accept-Encoding: gzip, as every browser and most HTTP libraries do (ACCEPT_ENCODING= sends
# none); the bare anchor answers uncompressed either way (Quarkus compresses nothing by default).
ACCEPT_ENCODING="gzip"
wrk_run() {
  local out
  # --timeout 10s: a slow endpoint is measured, not dropped (wrk's default gives up after 2 s)
  out="$(wrk -t2 -c"$CONNS" -d"$3"s --timeout 10s --latency -H 'Accept: application/json' ${ACCEPT_ENCODING:+-H "Accept-Encoding: $ACCEPT_ENCODING"} \
    ${2:+-H "Authorization: Bearer $2"} "$1" 2>&1)"
  printf '%s\n' "$out" >>"$LOG"
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^Requests\/sec:/ { rps = $2 }
    /^[ \t]+50%/ { p50 = ms($2) } /^[ \t]+99%/ { p99 = ms($2) }
    /requests in/ { req = $1 }
    /Non-2xx or 3xx responses:/ { non2xx = $NF }
    /Socket errors:/ { gsub(",", ""); errors = $4 + $6 + $8; timeouts = $10 }
    END { printf "{\"rps\":%s,\"p50Ms\":%s,\"p99Ms\":%s,\"requests\":%s,\"non2xx\":%d,\"socketErrors\":%d,\"timeouts\":%d}\n",
      (rps == "" ? "null" : rps), (p50 == "" ? "null" : p50), (p99 == "" ? "null" : p99), (req == "" ? 0 : req), non2xx, errors, timeouts }' <<<"$out"
}
# load URL TOKEN: warm-up until steady, then the measured run (its JSON gains warmupSeconds).
# The services run for days, so a row measures the JIT-compiled steady state, as the bare anchor is:
# on 2 cores the compiler threads compete with 32 connections, and a first window of the sheet read
# gave 8.2k req/s where later ones gave 12.6-13.2k. Warm-up windows of WARM_LOAD s repeat until two in a
# row agree within 5 % (at most WARM_WINDOWS of them); every endpoint, anchor included, gets the same rule.
load() {
  local prev="" cur w=0
  while ((w < WARM_WINDOWS)); do
    cur="$(wrk_run "$1" "$2" "$WARM_LOAD" | jq -r '.rps // 0')"
    w=$((w + 1))
    [[ -n "$prev" ]] && awk -v a="$prev" -v b="$cur" 'BEGIN { exit !(a > 0 && (b - a) / a < 0.05 && (a - b) / a < 0.05) }' && break
    prev="$cur"
  done
  wrk_run "$1" "$2" "$LOAD" | jq -c --argjson w "$((w * WARM_LOAD))" '. + {warmupSeconds: $w}'
}

free_port() {
  local p
  for p in $(seq 18990 19090); do port_open "$p" || { echo "$p"; return 0; }; done
  return 1
}
note "anchor: bare Quarkus JSON GET (deploy/bench/bare-quarkus) with the services' JVM options: $SERVICE_JAVA_OPTS"
BARE_RPS=""
BARE_PORT="$(free_port)"
# shellcheck disable=SC2086
java $SERVICE_JAVA_OPTS -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$BARE_PORT" -jar "$BARE_JAR" >"$OUT_DIR/bare-quarkus.log" 2>&1 &
BARE_PID=$!
for _ in $(seq 1 60); do curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$BARE_PORT/bare" 2>/dev/null && break; sleep 0.5; done
if curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$BARE_PORT/bare" 2>/dev/null; then
  # the same wrk command as the API rows, the same Authorization header (ignored there)
  BARE_JSON="$(load "http://127.0.0.1:$BARE_PORT/bare" "$(token_for "$U0" "$DEPT_PASSWORD")")"
  BARE_RPS="$(jq -r '.rps // empty' <<<"$BARE_JSON")"
else
  broken "the bare Quarkus app did not answer on port $BARE_PORT (see $OUT_DIR/bare-quarkus.log)"
fi
kill "$BARE_PID" 2>/dev/null
wait "$BARE_PID" 2>/dev/null
BARE_PID=""
if [[ -n "$BARE_RPS" ]]; then
  row bare "anchor: bare Quarkus JSON GET, $CONNS connections" "$(fmt "$BARE_RPS") req/s (p50 $(jq -r .p50Ms <<<"$BARE_JSON") ms)" \
    "-" "-" "-" anchor "after $(jq -r .warmupSeconds <<<"$BARE_JSON") s of warm-up" "$BARE_JSON"
fi

api_row() { # KEY PATH URL WHO(d0|reviewer) GOAL
  local j rps ratio n2 note="" tok
  # a fresh token per row (they live 5 minutes; the run is longer)
  if [[ "$4" == reviewer ]]; then tok="$(token_for reviewer "$JIXIAO_DEMO_PASSWORD")"; else tok="$(token_for "$U0" "$DEPT_PASSWORD")"; fi
  set -- "$1" "$2" "$3" "$tok" "$5"
  # one plain request first: the row measures an endpoint that answers 200
  call GET "$3" "$4"
  if [[ "$STATUS" != 200 ]]; then
    errrow "$1" "$2" "GET answered $STATUS: $(head -c 200 "$BODY")"
    return
  fi
  j="$(load "$3" "$4")"
  rps="$(jq -r '.rps // empty' <<<"$j")"
  if [[ -z "$rps" ]] || { (($(jq -r '.requests' <<<"$j") > 0)) && (($(jq -r '.requests' <<<"$j") == $(jq -r '.non2xx' <<<"$j"))); }; then
    errrow "$1" "$2" "no successful answers under load: $j"
    return
  fi
  (($(jq -r '.requests' <<<"$j") == 0)) && note="no request completed within ${LOAD} s"
  n2="$(jq -r '[(if .non2xx > 0 then "\(.non2xx) not 2xx" else empty end), (if .timeouts > 0 then "\(.timeouts) timed out after 10 s" else empty end),
    (if .socketErrors > 0 then "\(.socketErrors) socket errors" else empty end)] | join(", ")' <<<"$j")"
  [[ -n "$n2" ]] && note="of $(jq -r .requests <<<"$j") requests: $n2"
  note="${note:+$note; }after $(jq -r .warmupSeconds <<<"$j") s of warm-up"
  ratio="$(div "$rps" "$BARE_RPS" 4)"
  row "$1" "$2" "$(fmt "$rps") req/s (p50 $(jq -r .p50Ms <<<"$j") ms)" "bare: $(fmt "${BARE_RPS:-0}") req/s" "$ratio" "≥ $5×" \
    "$(verdict "$ratio" ">=" "$5")" "$note" "$j"
}
note "API reads: wrk, $CONNS connections, ${LOAD} s each after warm-up windows of ${WARM_LOAD} s until two agree within 5 % (at most $WARM_WINDOWS)"
api_row sheet "GET /api/v1/budgets/{d}/{y} (the sheet), ordinary year" "$BUDGET/api/v1/budgets/$D0/$Y_ORD" d0 0.25
api_row sheet-big "GET /api/v1/budgets/{d}/{y}, year with $(fmt "$ROWS") 支出明细" "$BUDGET/api/v1/budgets/$D0/$Y_BIG" d0 0.25
api_row basic "GET …/basic-expenditure" "$BUDGET/api/v1/budgets/$D0/$Y_ORD/basic-expenditure" d0 0.25
api_row score "GET /api/v1/evaluations/{d}/{y} (score card)" "$EVALUATION/api/v1/evaluations/$D0/$Y_ORD" d0 0.25
# The same card for a client that sends no Accept-Encoding: 47 KB of JSON per answer instead of about 5.
ACCEPT_ENCODING="" api_row score-plain "GET /api/v1/evaluations/{d}/{y} (score card), no Accept-Encoding" \
  "$EVALUATION/api/v1/evaluations/$D0/$Y_ORD" d0 0.25
api_row summary "GET /api/v1/reports/summary ($NREPORTS departments, first page of 50)" "$REPORT/api/v1/reports/summary?fiscalYear=$Y_ORD" reviewer 0.1

# --------------------------------------------------------------------------------- write->score
note "write -> score: $SAMPLES samples after warm-up windows of $WARM_SAMPLES writes, at least $WARM_SAMPLE_MIN_WINDOWS, until two agree on the median within 5 % (at most $WARM_SAMPLE_WINDOWS), PUT 基本支出 then GET the score card with If-None-Match and Prefer: wait=10 (a long poll, answered when the card changes)"
if WS_JSON="$(as_user "$U0" "$DEPT_PASSWORD" driver write-score --budget "$BUDGET" --evaluation "$EVALUATION" --dept "$D0" \
  --year "$Y_ORD" --samples "$SAMPLES" --warmup "$WARM_SAMPLES" --warmup-windows "$WARM_SAMPLE_WINDOWS" --warmup-min-windows "$WARM_SAMPLE_MIN_WINDOWS" --seed "$SEED")"; then
  p99="$(jq -r .p99Ms <<<"$WS_JSON")"
  row write-score "Budget write → new score readable through the API" "p50 $(jq -r .p50Ms <<<"$WS_JSON") ms, p99 $p99 ms" \
    "broker: p50 ${RTT_P50:--} ms, p99 ${RTT_P99:--} ms" "$(div "$p99" "$RTT_P99" 1)× broker p99" "p99 ≤ 50 ms" \
    "$(verdict "$p99" "<=" 50)" "$(jq -r '"of which the PUT: p50 \(.put.p50Ms) ms, p99 \(.put.p99Ms) ms; after \(.warmupSamples) warm-up writes (window medians \(.warmupWindowP50Ms | map(tostring) | join(" → ")) ms)" + (if .discarded > 0 then "; \(.discarded) samples discarded (revision moved by another writer)" else "" end)' <<<"$WS_JSON")" "$WS_JSON"
else
  errrow write-score "Budget write → new score readable" "${WS_JSON:-driver failed}"
fi

# ------------------------------------------------------------------------------ bulk reads
rows_row() { # KEY PATH GOAL ANCHOR-RPS ANCHOR-NAME JSON
  local r ratio
  r="$(jq -r '.rowsPerSec // empty' <<<"$6")"
  ratio="$(div "$r" "$4")"
  row "$1" "$2" "$(fmt "$r") rows/s ($(jq -r '(.seconds // (.p50Ms / 1000)) * 1000 | round / 1000' <<<"$6") s)" "$5: $(fmt "${4:-0}") rows/s" "$ratio" "≥ $3×" \
    "$(verdict "$ratio" ">=" "$3")" "${7:-}" "$6"
}
# the medians of a download row's warm-up windows (the driver's --warmup-windows: until two agree within 5 %)
# (PREFIX before them, nothing without windows)
warm_windows() { # JSON [PREFIX]
  jq -r --arg p "${2:-}" 'if (.warmupWindowP50Ms // []) | length > 1 then $p + "warm-up window medians " + (.warmupWindowP50Ms | map(tostring) | join(" → ")) + " ms" else "" end' <<<"$1"
}
# export_ceiling [DEPT]: the export's own COPY statement (the service's SpendingLineExportQuery: the rows with
# their names, bare columns; the service makes them CSV or JSON as they arrive) run in PostgreSQL alone on the
# budget database, its output dropped: what the export costs before a byte leaves the database. Sets CEILING to
# a note for the row: rows/s and the ratio to the COPY TO anchor.
export_ceiling() {
  local j r
  CEILING=""
  if ! j="$(BENCH_DB_PASSWORD="$JIXIAO_DB_SUPERUSER_PASSWORD" driver export-sql --jdbc jdbc:postgresql://127.0.0.1:15432/budget \
    --user postgres --year "$Y_BIG" ${1:+--dept "$1"})"; then
    broken "the export's ceiling (driver export-sql${1:+ --dept $1})"
    return 0
  fi
  r="$(jq -r '.rowsPerSec // empty' <<<"$j")"
  CEILING="ceiling: the export's own COPY statement in PostgreSQL alone, output dropped: $(fmt "${r:-0}") rows/s ($(jq -r .ms <<<"$j") ms, best of 3) = $(div "${r:-0}" "$COPY_TO") of the anchor"
}
note "XLSX workbook export of $Y_BIG ($(fmt "$ROWS") lines)"
WORKBOOK="$WORK/workbook.xlsx"
rm -f "$WORKBOOK"
if j="$(as_user "$U0" "$DEPT_PASSWORD" driver get --url "$BUDGET/api/v1/budgets/$D0/$Y_BIG/workbook" --repeat "$EXPORT_REPEAT" --warmup "$EXPORT_WARM" --warmup-windows "$EXPORT_WARM_WINDOWS" --zip-floor --save "$WORKBOOK")"; then
  j="$(jq -c --argjson rows "$ROWS" '. + {rows: $rows, seconds: (.p50Ms / 1000), rowsPerSec: (($rows / (.p50Ms / 1000)) | round)}' <<<"$j")"
  # the floor: deflating the workbook's own parts alone (ZipFloor), as rows/s and as a ratio of the anchor
  floor_ms="$(jq -r '.zipFloor.deflateMs // empty' <<<"$j")"
  floor_rps="$(awk -v r="$ROWS" -v ms="$floor_ms" 'BEGIN { if (ms > 0) printf "%.0f", r / (ms / 1000) }')"
  rows_row xlsx "XLSX workbook export, $(fmt "$ROWS") lines" 0.25 "$COPY_TO" "COPY TO" "$j" \
    "ceiling: deflating the workbook's $(fmt "$(jq -r '.zipFloor.unpackedBytes // 0' <<<"$j")") bytes of XML alone (BEST_SPEED, as the export) takes ${floor_ms:-?} ms = $(fmt "${floor_rps:-0}") rows/s = $(div "${floor_rps:-0}" "$COPY_TO") of the anchor$(warm_windows "$j" "; ")"
else
  errrow xlsx "XLSX workbook export" "${j:-driver failed}"
fi

note "支出明细 through the paged JSON API (limit 1000)"
if j="$(as_user "$U0" "$DEPT_PASSWORD" driver paged --url "$BUDGET/api/v1/budgets/$D0/$Y_BIG/spending-lines" --limit 1000)"; then
  n="$(jq -r .rows <<<"$j")"
  ((n == ROWS)) || broken "the paged API gave $n lines, $ROWS were imported"
  rows_row paged "支出明细 through the paged JSON API" 0.5 "$COPY_TO" "COPY TO" "$j"
else
  errrow paged "支出明细 through the paged JSON API" "${j:-driver failed}"
fi

# The same lines as one streamed answer (the department's own NDJSON export, PostgreSQL COPY): the
# form issue 13 sets the 0.5× goal for, beside the paged API above.
note "支出明细 of the department-year streamed as NDJSON (/api/v1/budgets/spending-lines?departmentId=)"
if j="$(as_user "$U0" "$DEPT_PASSWORD" driver get --url "$BUDGET/api/v1/budgets/spending-lines?fiscalYear=$Y_BIG&departmentId=$D0&format=ndjson" --repeat "$EXPORT_REPEAT" --warmup "$EXPORT_WARM" --warmup-windows "$EXPORT_WARM_WINDOWS" --ndjson-rows)"; then
  n="$(jq -r .rows <<<"$j")"
  ((n == ROWS)) || broken "the streamed export gave $n lines, $ROWS were imported"
  j="$(jq -c '. + {seconds: (.p50Ms / 1000)}' <<<"$j")"
  export_ceiling "$D0"
  rows_row streamed "支出明细 of a department-year, streamed (NDJSON export)" 0.5 "$COPY_TO" "COPY TO" "$j" "${CEILING}$(warm_windows "$j" "${CEILING:+; }")"
else
  errrow streamed "支出明细 of a department-year, streamed (NDJSON export)" "${j:-driver failed}"
fi

# The bureau's export of a year: every 支出明细 across departments, streamed (CSV), on the year with
# the 100,000 lines.
EXPORT_PATH=/api/v1/budgets/spending-lines EXPORT_YEAR="$Y_BIG"
note "the bureau's CSV export of $EXPORT_YEAR: $EXPORT_PATH"
if j="$(as_client driver get --url "$BUDGET$EXPORT_PATH?fiscalYear=$EXPORT_YEAR&format=csv" --repeat "$EXPORT_REPEAT" --warmup "$EXPORT_WARM" --warmup-windows "$EXPORT_WARM_WINDOWS" --csv-rows)"; then
  j="$(jq -c '. + {seconds: (.p50Ms / 1000)}' <<<"$j")"
  export_ceiling
  rows_row export "The bureau's CSV export of a year ($EXPORT_PATH, $(fmt "$(jq -r .rows <<<"$j")") rows)" 0.5 "$COPY_TO" "COPY TO" "$j" \
    "${CEILING}$(warm_windows "$j" "${CEILING:+; }")"
else
  errrow export "The bureau's CSV export of a year" "${j:-driver failed}"
fi

# The workbook just downloaded, imported back into the same year: the XLSX path of the import (a SAX read
# of the sheets, then the same save as the CSV) at full size, and proof that an export is importable as it
# is. Lines and their total must come back exactly. No goal of its own: the issue's import row is the CSV.
# After the rows that read the lines: a re-import leaves 100,000 dead rows until autovacuum comes by, and
# the paged API's index scans over them took three times as long.
note "XLSX import of that workbook back into $Y_BIG (round trip, upload -> SUCCEEDED)"
if [[ ! -s "$WORKBOOK" ]]; then
  errrow xlsx-import "XLSX import of the exported workbook" "no workbook was downloaded"
elif XI_JSON="$(as_user "$U0" "$DEPT_PASSWORD" driver import --budget "$BUDGET" --dept "$D0" --year "$Y_BIG" --file "$WORKBOOK" \
    --rows "$ROWS" --warmup "$IMPORT_WARM" --repeat "$IMPORT_REPEAT")" && [[ "$(jq -r .ok <<<"$XI_JSON")" == true ]]; then
  saved="$(jq -r .linesSaved <<<"$XI_JSON")" total="$(jq -r .linesTotal <<<"$XI_JSON")"
  [[ "$saved" == "$ROWS" && "$total" == "$(jq -r .totalYuan <<<"$gen")" ]] ||
    broken "the XLSX round trip saved $saved lines totalling $total; the CSV had $ROWS totalling $(jq -r .totalYuan <<<"$gen")"
  r="$(jq -r .rowsPerSec <<<"$XI_JSON")"
  row xlsx-import "XLSX import of the exported workbook, $(fmt "$ROWS") 支出明细 (round trip)" \
    "$(fmt "$r") rows/s ($(jq -r .seconds <<<"$XI_JSON") s)" "COPY FROM: $(fmt "${COPY_FROM:-0}") rows/s" "$(div "$r" "$COPY_FROM")" "-" \
    "$([[ "$MODE" == smoke ]] && echo smoke || echo measured)" \
    "$saved lines, $total 元, as exported; median of $IMPORT_REPEAT after $IMPORT_WARM warm-up imports: $(jq -c .allSeconds <<<"$XI_JSON") s" "$XI_JSON"
else
  errrow xlsx-import "XLSX import of the exported workbook" "$(jq -r '.state // "failed"' <<<"${XI_JSON:-{\}}" 2>/dev/null) $(jq -c '.firstError // empty' <<<"${XI_JSON:-{\}}" 2>/dev/null)"
fi

# ---------------------------------------------------------------------------------- documents
doc_row() { # KEY FORMAT GOAL-MS
  local j p50
  if j="$(as_user "$U0" "$DEPT_PASSWORD" driver get --url "$REPORT/api/v1/reports/$D0/$Y_ORD/report.$2" --repeat "$DOC_REPEAT" --warmup "$DOC_WARM")"; then
    p50="$(jq -r .p50Ms <<<"$j")"
    row "$1" "One ${2^^}, warm (report.$2)" "p50 $p50 ms, p99 $(jq -r .p99Ms <<<"$j") ms ($(fmt "$(jq -r .bytes <<<"$j")") bytes)" "-" "-" "≤ $3 ms" \
      "$(verdict "$p50" "<=" "$3")" "" "$j"
  else
    errrow "$1" "One ${2^^}, warm" "${j:-driver failed}"
  fi
}
note "documents: report.docx and report.pdf of $D0 $Y_ORD ($DOC_REPEAT each after $DOC_WARM warm-up)"
doc_row docx docx 30
doc_row pdf pdf 60

note "a batch of the $Y_ORD reports (reviewer)"
if j="$(as_user reviewer "$JIXIAO_DEMO_PASSWORD" driver batch --report "$REPORT" --year "$Y_ORD")"; then
  total="$(jq -r .total <<<"$j")"
  s="$(jq -r .seconds <<<"$j")"
  goal_s="$(awk -v n="$total" 'BEGIN { printf "%g", n / 10 }')" # 10 s per 100 reports
  note_b=""
  ((total != NREPORTS)) && note_b="the year holds $total departments, not $NREPORTS"
  (($(jq -r .failed <<<"$j") > 0)) && note_b="${note_b:+$note_b; }$(jq -r .failed <<<"$j") reports failed"
  row batch "Batch of $total reports (DOCX + PDF), POST → DONE" "$s s ($(div "$s" "$total" 3) s per report)" "-" "-" "≤ $goal_s s (10 s per 100)" \
    "$(verdict "$s" "<=" "$goal_s")" "$note_b" "$j"
else
  errrow batch "Batch of reports" "${j:-driver failed}"
fi

# ------------------------------------------------------------------------------------ the SPA
note "SPA first load (gzip -9 of the entry script, modulepreloads and stylesheets of the served index.html)"
SPA_BYTES=""
if [[ -f "$REPO/frontend/scripts/first-load-size.mjs" ]]; then
  spa_out="$(node "$REPO/frontend/scripts/first-load-size.mjs" "$SPA" 2>>"$LOG")"
  printf '%s\n' "$spa_out" >>"$LOG"
  SPA_BYTES="$(tail -n1 <<<"$spa_out" | jq -r '.firstLoadGzipBytes // empty' 2>/dev/null)"
  SPA_HOW="frontend/scripts/first-load-size.mjs"
else
  SPA_HOW="run.sh (no frontend/scripts/first-load-size.mjs)"
  if curl -fsS -m 20 -o "$WORK/index.html" "$SPA/" 2>>"$LOG"; then
    SPA_BYTES=0
    # <script type="module" src>, <link rel="modulepreload" href>, <link rel="stylesheet" href>
    while read -r asset; do
      [[ -z "$asset" ]] && continue
      n="$(curl -fsS -m 20 -H 'Accept-Encoding: identity' "$SPA/${asset#/}" 2>>"$LOG" | gzip -9 -c | wc -c)"
      SPA_BYTES=$((SPA_BYTES + n))
    done < <(grep -oE '<(script|link)[^>]*>' "$WORK/index.html" |
      grep -E 'type="module"|rel="(modulepreload|stylesheet)"' | sed -nE 's/.*(src|href)="([^"]*)".*/\2/p' | sort -u)
  fi
fi
if [[ -n "$SPA_BYTES" ]]; then
  kb="$(div "$SPA_BYTES" 1000 1)"
  row spa "SPA first load, gzip" "$kb KB ($(fmt "$SPA_BYTES") bytes)" "-" "-" "≤ 250 KB" "$(verdict "$SPA_BYTES" "<=" 250000)" "measured by $SPA_HOW" \
    "$(jq -cn --argjson b "$SPA_BYTES" '{gzipBytes: $b}')"
else
  errrow spa "SPA first load, gzip" "the served index.html or its files could not be read"
fi

# ------------------------------------------------------------------------------------ memory
for s in "${SERVICES[@]}"; do
  IFS=: read -r svc port _ <<<"$s"
  pid="$(service_pid "$svc" "$port")"
  kb="$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null)"
  if [[ -n "$kb" ]]; then
    mb=$((kb / 1024))
    # Where the RSS goes, from the JVM itself (jcmd, no extra flags): the committed heap, metaspace
    # (class metadata: it grows with the classes loaded, not with the data) and the JIT's code cache;
    # "other" is the rest (thread stacks, symbols, GC and malloc arenas, mapped libraries).
    heap_info="$(jcmd "$pid" GC.heap_info 2>/dev/null)"
    heap_kb="$(awk '/(generation|heap) +total [0-9]+K/ { for (i = 1; i <= NF; i++) if ($i == "total") { v = $(i + 1); sub(/K,?$/, "", v); t += v } } END { print t + 0 }' <<<"$heap_info")"
    meta_kb="$(awk '/^ *Metaspace +used/ { v = $5; sub(/K,?$/, "", v); print v + 0 }' <<<"$heap_info")"
    code_kb="$(jcmd "$pid" Compiler.codecache 2>/dev/null | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^used=[0-9]+Kb$/) { v = $i; gsub(/[^0-9]/, "", v); t += v } } END { print t + 0 }')"
    # the classes loaded now (loaded minus unloaded): what the metaspace, and most of "other" (symbols), holds
    classes="$(jcmd "$pid" PerfCounter.print 2>/dev/null | awk -F= '/^java\.cls\.loadedClasses=/ { l = $2 } /^java\.cls\.unloadedClasses=/ { u = $2 } END { if (l) print l - u }')"
    split=""
    if ((${heap_kb:-0} > 0 && ${meta_kb:-0} > 0)); then
      split="heap $((heap_kb / 1024)) MB, metaspace $((meta_kb / 1024)) MB${classes:+ ($(fmt "$classes") classes)}, code cache $((${code_kb:-0} / 1024)) MB, other $(((kb - heap_kb - meta_kb - ${code_kb:-0}) / 1024)) MB"
    fi
    row "rss-$svc" "RSS of $svc after the run" "$mb MB" "-" "-" "≤ 256 MB" "$(verdict "$mb" "<=" 256)" "$split" \
      "$(jq -cn --argjson kb "$kb" --argjson pid "$pid" --argjson h "${heap_kb:-0}" --argjson m "${meta_kb:-0}" --argjson c "${code_kb:-0}" \
        --argjson n "${classes:-0}" '{rssKb: $kb, pid: $pid, heapCommittedKb: $h, metaspaceCommittedKb: $m, codeCacheUsedKb: $c, classesLoaded: $n}')"
  else
    errrow "rss-$svc" "RSS of $svc" "no process found (pid file $PID_DIR/$svc.pid, port $port)"
  fi
done

# ------------------------------------------------------------------------------------ output
LOAD_AT_END="$(cut -d' ' -f1-3 /proc/loadavg)"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
RESULT="$OUT_DIR/bench-$STAMP.json"
jq -s --arg mode "$MODE" --arg started "$STARTED_AT" --arg nproc "$NPROC" --arg cpu "$CPU_MODEL" --arg mem "$MEM_GB" \
  --arg la0 "$LOAD_AT_START" --arg la1 "$LOAD_AT_END" --arg rl "$RATE_LIMITS" --arg jvm "$SERVICE_JAVA_OPTS" \
  --arg commit "$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
  --argjson copy "${COPY_JSON:-null}" --argjson rtt "${RTT_JSON:-null}" \
  --argjson sizes "$(jq -cn --argjson rows "$ROWS" --argjson load "$LOAD" --argjson conns "$CONNS" --argjson samples "$SAMPLES" \
    --argjson reports "$NREPORTS" --argjson seed "$SEED" --argjson yo "$Y_ORD" --argjson yb "$Y_BIG" \
    '{spendingLines: $rows, loadSeconds: $load, connections: $conns, writeScoreSamples: $samples, reports: $reports, seed: $seed, ordinaryYear: $yo, bigYear: $yb}')" \
  '{mode: $mode, startedAt: $started, commit: $commit,
    machine: {nproc: ($nproc | tonumber), cpu: $cpu, memGB: ($mem | tonumber), loadAverageAtStart: $la0, loadAverageAtEnd: $la1},
    rateLimits: $rl, serviceJavaOpts: $jvm, sizes: $sizes, anchors: {copy: $copy, kafkaRoundTrip: $rtt},
    rows: .}' "$ROWS_JSON" >"$RESULT" || broken "writing $RESULT"

echo
echo "Jixiao benchmark ($MODE), $STARTED_AT, commit $(jq -r .commit "$RESULT" 2>/dev/null)"
echo "machine: $NPROC cores, $CPU_MODEL, ${MEM_GB} GB RAM; load average at start $LOAD_AT_START, at end $LOAD_AT_END"
echo "rate limits: $RATE_LIMITS; services' JVM options: $SERVICE_JAVA_OPTS"
echo "anchors: COPY FROM $(fmt "${COPY_FROM:-0}") rows/s, COPY TO $(fmt "${COPY_TO:-0}") rows/s, broker round trip p50 ${RTT_P50:--} ms / p99 ${RTT_P99:--} ms, bare Quarkus $(fmt "${BARE_RPS:-0}") req/s"
echo
{
  echo "path|figure|anchor|ratio|goal|verdict"
  jq -r '[.path, .figure, .anchor, .ratio, .goal, (.verdict + (if .note then " (" + .note + ")" else "" end))] | join("|")' "$ROWS_JSON"
} | column -t -s'|' -o' | '
echo
echo "written: $RESULT"
if ((BROKEN)); then
  echo "bench: $BROKEN measurement(s) broke (see above and $LOG)"
  exit 1
fi
