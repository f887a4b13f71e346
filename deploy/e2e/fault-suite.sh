#!/usr/bin/env bash
# The fault-and-abuse suite (issue 12) against the running stack: the authorization matrix of the
# whole contract, a malformed-input corpus, concurrent first writes, a poison year beside a working
# department, the checker's worst inputs, the broker stopped and consumers killed while writes flow,
# PostgreSQL stopped, writes in a loop while a filing is submitted, budget-service killed during an
# import's save, hostile files (zip bombs, XXE, OLE2, foreign encodings, truncated ZIPs) for the import
# and the checker, and every Kafka event delivered twice. Prints one table (scenario | operations | lost | doubled | 5xx | leaks |
# result) and exits non-zero when a row fails.
#
# Writes only fiscal years 2017-2020 (DEPT1/DEPT2 2019, and departments it onboards itself, so a
# second run on the same stack starts from fresh department-years); submits a filing only of a
# department it onboarded (submitrace) and leaves it submitted.
# Stops and restarts the stack's own Kafka, services and PostgreSQL through deploy/local/{up,down}.sh
# in the same JIXIAO_HOME, and leaves them running.
#
#   FAULT_SCENARIOS      which rows, in order (default: authz malformed concurrent poison broker kill database
#                        submitrace killimport files dupdelivery checker)
#   FAULT_DEPARTMENTS    departments onboarded for broker/kill/concurrent (default 10)
#   FAULT_BROKER_WRITES  budget writes while Kafka is stopped (default 1000), FAULT_BROKER_DOWN seconds (20: twice the
#                        outbox relay's 9 s delivery timeout and more)
#   FAULT_KILL_WRITES    at most this many budget writes while the consumers are killed and restarted
#                        (default 600), FAULT_KILL_PAUSE seconds between a writer's writes (1), FAULT_KILL_CONVERGE
#                        seconds the events of those writes may take to arrive once the writers stop (30)
#   FAULT_LATENCY_SAMPLES write->score samples before and during the poison (default 12)
#   FAULT_DB_DOWN        seconds PostgreSQL is stopped (default 10)
#   FAULT_CHECK_TIMEOUT  seconds a checker upload may take before it counts as failed (default 10; the limit is 2)
#   FAULT_CONVERGE_SECONDS how long events may take to reach evaluation and report (default 120)
#   FAULT_IMPORT_LINES   支出明细 lines of the import killed while it saves (default 100000)
#   FAULT_IMPORT_HEARTBEAT import heartbeat timeout (s) of the budget-service restarted by killimport (default 5)
#   FAULT_SCALE_WRITES   budget writes through nginx while one of two instances of each service is killed
#                        (scaleout, not in the default list: test-all.sh runs it as its own stage; default 300)
#   FAULT_SCALEOUT_RESTORE 0: scaleout leaves the second instances serving alone instead of bringing the first
#                        ones back (about 30 s of JVM starts); for a caller that stops the stack next (test-all.sh)
set -uo pipefail
# The suite kills, stops and restarts the services and asserts each one's own answers (connection
# refused, 503 problem+json), so it calls them on their ports, not through the web tier; the other
# REST walks and Playwright go through nginx.
export JIXIAO_BUDGET_URL="${JIXIAO_BUDGET_URL:-http://127.0.0.1:8081}"
export JIXIAO_EVALUATION_URL="${JIXIAO_EVALUATION_URL:-http://127.0.0.1:8082}"
export JIXIAO_REPORT_URL="${JIXIAO_REPORT_URL:-http://127.0.0.1:8083}"
# shellcheck source=deploy/e2e/lib/common.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.bash"
FAULT="$REPO/deploy/e2e/fault"
CONTRACT="$REPO/docs/openapi/jixiao-api.json"
FY=2019
# the checker last: an upload that outlives its client keeps report-service busy, so it is restarted after
SCENARIOS="${FAULT_SCENARIOS:-authz malformed concurrent poison broker kill database submitrace killimport files dupdelivery checker}"
NDEPT="${FAULT_DEPARTMENTS:-10}"
BROKER_WRITES="${FAULT_BROKER_WRITES:-1000}"
BROKER_DOWN="${FAULT_BROKER_DOWN:-20}"
KILL_WRITES="${FAULT_KILL_WRITES:-600}"
KILL_PAUSE="${FAULT_KILL_PAUSE:-1}"
KILL_CONVERGE="${FAULT_KILL_CONVERGE:-30}"
SAMPLES="${FAULT_LATENCY_SAMPLES:-12}"
DB_DOWN="${FAULT_DB_DOWN:-10}"
CHECK_TIMEOUT="${FAULT_CHECK_TIMEOUT:-10}"
CONVERGE="${FAULT_CONVERGE_SECONDS:-120}"
export JIXIAO_HOME="$HOME_DIR"

# ------------------------------------------------------------------------------------ helpers
note() { echo "      $*"; }

# tok WHO: sets TOKEN (empty for anon). Tokens are kept per process and in files (background
# writers share them) and renewed before the realm's 300 s lifespan runs out; no subshell on the
# hot path, forks are what costs on a busy machine.
declare -A TOKV=() TOKT=()
TOKEN=""
tok() {
  local who="$1" f="$WORK/tok.$1" t
  TOKEN=""
  [[ -z "$who" || "$who" == anon ]] && return 0
  if [[ -n "${TOKV[$who]:-}" ]] && ((EPOCHSECONDS - TOKT[$who] < 180)); then TOKEN="${TOKV[$who]}"; return 0; fi
  # token (lib/common.bash) tries up to 10 times: an external Keycloak's pool may hand out dead
  # connections for a while after the database row restarted PostgreSQL (up.sh's validates them)
  case "$who" in
    finance-api) t="$(token -d grant_type=client_credentials -d client_id=finance-api \
      --data-urlencode "client_secret=$JIXIAO_FINANCE_API_SECRET")" ;;
    f[0-9]*) t="$(token -d grant_type=password -d client_id=jixiao-cli -d scope=openid \
      --data-urlencode "username=$(cat "$WORK/user.$who")" --data-urlencode "password=$DEPT_PASSWORD")" ;;
    *) t="$(password_token "$who")" ;;
  esac
  [[ -n "$t" ]] || return 1
  TOKV[$who]="$t" TOKT[$who]="$EPOCHSECONDS" TOKEN="$t"
}

# req METHOD URL WHO [curl args...]: STATUS, CTYPE, TIME (seconds) and RETRY_AFTER; body in $BODY.
# A 429 is waited out (its Retry-After) and sent again: the rate limit is not what this suite tests.
STATUS="" CTYPE="" TIME=""
RATE_LIMITED=0
req() {
  local method="$1" url="$2" who="$3" t out i hdr="$WORK/hdr.$BASHPID"
  shift 3
  tok "$who" || { STATUS=000 CTYPE="" TIME=0; echo "      no token for $who" >&2; return 0; }
  t="$TOKEN"
  for i in 1 2 3 4 5 6 7 8; do
    local -a args=(-sS -m "${REQ_TIMEOUT:-30}" -X "$method" -o "$BODY" -D "$hdr" -w '%{http_code} %{time_total} %{content_type}'
      -H "Accept: ${ACCEPT:-application/json, application/problem+json}")
    [[ -n "$t" ]] && args+=(-H "Authorization: Bearer $t")
    : >"$BODY"
    out="$(curl "${args[@]}" "$@" "$url" 2>/dev/null)"
    [[ -n "$out" ]] || out="000 0 " # curl prints the write-out even after a timeout (000, the time)
    STATUS="${out%% *}"
    out="${out#* }"
    TIME="${out%% *}"
    CTYPE="${out#* }"
    [[ "$STATUS" == 429 ]] || return 0
    RATE_LIMITED=$((RATE_LIMITED + 1))
    sleep "$(awk 'tolower($1)=="retry-after:" {print $2+0; exit}' "$hdr" | grep . || echo 1)"
  done
}
is_problem() { [[ "$CTYPE" == application/problem+json* ]]; }
is5xx() { [[ "$1" == 5?? || "$1" == 000 ]]; }

# The table.
declare -a TABLE=()
row() { # row SCENARIO OPS LOST DOUBLED 5XX LEAKS OK(0|1)
  local result=PASS
  [[ "$7" == 1 ]] || result=FAIL
  TABLE+=("$(printf '%-12s| %10s | %5s | %7s | %5s | %5s | %s' "$1" "$2" "$3" "$4" "$5" "$6" "$result")")
  echo "== $1: $result"
}

percentile() { # percentile P < numbers (one per line): the nearest-rank percentile
  sort -n | awk -v p="$1" '{v[NR]=$1} END {if (NR==0) {print "nan"; exit} i=int((p/100)*NR+0.999999); if (i<1) i=1; print v[i]}'
}

service_of() { # the service port that serves a path
  case "$1" in
    /api/v1/budgets* | /api/v1/departments*) echo "$BUDGET" ;;
    /api/v1/evaluations* | /api/v1/goals* | /api/v1/templates*) echo "$EVALUATION" ;;
    *) echo "$REPORT" ;;
  esac
}

# Waits until a management health endpoint says UP (after a restart).
ready() { # ready PORT SECONDS
  local start=$SECONDS
  while ((SECONDS - start < $2)); do
    curl -fsS -m 3 "http://127.0.0.1:$1/q/health/ready" 2>/dev/null | grep -q '"UP"' && return 0
    sleep 1
  done
  return 1
}
stack() { # stack up|down COMPONENT...: the stack's own scripts in this JIXIAO_HOME, quietly
  local what="$1"
  shift
  JIXIAO_SKIP_BUILD=1 bash "$REPO/deploy/local/$what.sh" "$@" >>"$WORK/stack.log" 2>&1
}

# ----------------------------------------------------------------------------------- fixtures
# Departments onboarded for this run (fresh department-years every run), each with its own user.
DEPT_PASSWORD="Fs-$(od -An -N9 -tx1 /dev/urandom | tr -d ' \n')"
declare -a FD=()
onboard() {
  local i suffix code user
  suffix="$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')"
  for ((i = 0; i < NDEPT; i++)); do
    code="8${suffix}$i"
    user="fault-${suffix}-$i"
    req POST "$BUDGET/api/v1/departments" admin -H 'Content-Type: application/json' --data-binary "$(jq -cn \
      --arg code "$code" --arg u "$user" --arg p "$DEPT_PASSWORD" '{code: $code, name: ("故障测试单位 " + $code),
        jurisdiction: "故障测试区", firstFiscalYear: 2017, duties: ["故障测试"], divisions: ["办公室"],
        user: {username: $u, email: ($u + "@jixiao.example"), firstName: "故障", lastName: "测",
               initialPassword: $p, temporaryPassword: false}}')"
    if [[ "$STATUS" != 201 ]]; then
      echo "FAIL: onboarding department $code: $STATUS $(head -c 300 "$BODY")"
      return 1
    fi
    FD+=("$(jq -r .department.id "$BODY")")
    echo "$user" >"$WORK/user.f$i"
  done
  note "onboarded $NDEPT departments (code 8${suffix}*, jurisdiction 故障测试区) with their users"
}

# ------------------------------------------------------------------- 1. authorization matrix
CALLERS=(anon zfw jyj reviewer finance-api admin norole)
CALLER_NAMES=(anonymous own other reviewer finance-api admin norole)
scenario_authz() {
  local ops="$WORK/ops" probes="$WORK/probes" ops_n=0 n=0 leaks=0 answered=0 errs=0 missing=0 wrong=0 ok=1
  # METHOD|path|request media type|query|media types of the success answers ("|": bash would merge empty tab fields)
  jq -r '.paths | to_entries[] | .key as $p | .value | to_entries[]
    | select(.key | IN("get", "put", "post", "delete", "patch"))
    | [(.key | ascii_upcase), $p, ((.value.requestBody.content // {}) | keys | first // ""),
       ([.value.parameters[]? | select(.in == "query") | select(.name == "fiscalYear" or .required == true)
         | .name + "=" + (if .name == "fiscalYear" then "2019" else ((.example // .schema.default // "x") | tostring) end)]
        | join("&")),
       ([.value.responses | to_entries[] | select(.key | startswith("2")) | .value.content // {} | keys[]] | unique | join(", "))]
    | join("|")' "$CONTRACT" >"$ops"
  # One probe line per operation: METHOD|url|media|Accept|expectations (7, tab-separated)
  local method path media query accept expect over url kv k v line
  local -a exp
  local -A table=()
  while IFS=$'\t' read -r method path line; do
    [[ -z "$method" || "$method" == \#* ]] || table["$method $path"]="$line"
  done <"$FAULT/authz.tsv"
  : >"$probes"
  while IFS='|' read -r method path media query accept; do
    ops_n=$((ops_n + 1))
    expect="${table["$method $path"]:-}"
    if [[ -z "$expect" ]]; then
      missing=$((missing + 1))
      echo "FAIL: $method $path is in the contract but has no row in deploy/e2e/fault/authz.tsv"
      continue
    fi
    url="$path"
    IFS=$'\t' read -r -a exp <<<"$expect"
    over="${exp[7]:-}"
    for kv in ${over//&/ }; do # an override replaces the path parameter of its name, else the query one
      k="${kv%%=*}" v="${kv#*=}"
      if [[ "$url" == *"{$k}"* ]]; then
        url="${url//\{$k\}/$v}"
      else
        query="$(tr '&' '\n' <<<"$query" | grep -v "^$k=" | { cat; echo "$kv"; } | grep . | paste -sd '&')"
      fi
    done
    url="${url//\{departmentId\}/$DEPT1}"
    url="${url//\{fiscalYear\}/$FY}"
    url="${url//\{projectId\}/0}"
    url="${url//\{jobId\}/00000000-0000-4000-8000-000000000000}"
    url="${url//\{number\}/1}"
    url="${url//\{code\}/x}"
    url="${url//\{jurisdiction\}/%E6%97%A0%E6%AD%A4%E5%8C%BA}" # 无此区: no assignment to remove
    if [[ "$url" == /api/v1/templates/* ]]; then url="${url//\{id\}/999999}"; else url="${url//\{id\}/00000000-0000-4000-8000-000000000000}"; fi
    # Accept what a real client of the operation accepts (documents are not JSON)
    accept="${accept:+$accept, }application/json, application/problem+json"
    printf '%s|%s|%s|%s|%s\n' "$method" "$(service_of "$path")$url${query:+?$query}" "$media" "$accept" "$(IFS=$'\t'; echo "${exp[*]:0:7}")" >>"$probes"
  done <"$ops"
  # Every caller walks the probes in its own process (7 at once); results: line|status|seconds|body head
  local i t_probe=$SECONDS
  note "probes prepared in ${SECONDS}s"

  for i in "${!CALLERS[@]}"; do
    (
      BODY="$WORK/body.authz.$i"
      local head
      while IFS='|' read -r method url media accept expect; do
        local -a body=()
        [[ "$media" == application/json ]] && body=(-H 'Content-Type: application/json' --data-binary '{}')
        ACCEPT="$accept" REQ_TIMEOUT=120 req "$method" "$url" "${CALLERS[$i]}" "${body[@]}"
        head=""
        LC_ALL=C read -r -N 160 head <"$BODY"
        printf '%s|%s|%s\n' "$STATUS" "$TIME" "${head//[$'\n|']/ }"
      done <"$probes" >"$WORK/authz.$i"
    ) &
  done
  wait
  note "probes sent in $((SECONDS - t_probe))s (answer time per caller: $(for i in "${!CALLERS[@]}"; do awk -F'|' '{t += $2} END {printf "%.0fs ", t}' "$WORK/authz.$i"; done))"
  local got time head
  local -a r0 r1 r2 r3 r4 r5 r6
  for i in "${!CALLERS[@]}"; do mapfile -t "r$i" <"$WORK/authz.$i"; done
  while IFS='|' read -r method url media accept expect; do
    IFS=$'\t' read -r -a exp <<<"$expect"
    for i in "${!CALLERS[@]}"; do
      local -n res="r$i"
      IFS='|' read -r got time head <<<"${res[$n]}"
      ((${time%%.*} >= 3)) && note "slow: $method $url as ${CALLER_NAMES[$i]}: $got in ${time}s"
      if is5xx "$got"; then
        errs=$((errs + 1))
        echo "FAIL: $method $url as ${CALLER_NAMES[$i]}: $got $head"
      elif [[ "${exp[$i]}" == deny ]]; then
        if ! { [[ $i == 0 && "$got" == 401 ]] || [[ $i != 0 && ("$got" == 403 || "$got" == 404) ]]; }; then
          leaks=$((leaks + 1))
          [[ "$got" == 2?? ]] && answered=$((answered + 1))
          echo "LEAK: $method $url as ${CALLER_NAMES[$i]} (expected deny): $got $head"
        fi
      elif [[ "$got" == 401 || "$got" == 403 ]]; then
        wrong=$((wrong + 1))
        echo "FAIL: $method $url as ${CALLER_NAMES[$i]} (expected allow): $got $head"
      fi
    done
    n=$((n + 1))
  done <"$probes"
  note "$ops_n operations x ${#CALLERS[@]} callers = $((n * ${#CALLERS[@]})) probes; $missing without a row in authz.tsv, $leaks leaks" \
    "($answered answered 2xx, the rest another status than 401/403/404), $wrong wrongly refused, $errs 5xx/no answer"
  ((missing + leaks + wrong + errs == 0)) || ok=0
  row authz "$((n * ${#CALLERS[@]}))" - - "$errs" "$leaks" "$ok"
}

# ------------------------------------------------------------- 2. malformed-input corpus
# The department-year's state a refused write must leave as it was.
state_of() { # state_of DEPT YEAR WHO
  local d="$1" y="$2" w="$3" s=""
  req GET "$BUDGET/api/v1/budgets/$d/$y" "$w"
  s+="budget:$STATUS:$(jq -r '.revision // "-"' "$BODY" 2>/dev/null) "
  req GET "$BUDGET/api/v1/budgets/$d/$y/audit" "$w"
  s+="audit:$STATUS:$(jq -r 'length' "$BODY" 2>/dev/null) "
  req GET "$EVALUATION/api/v1/goals/$d/$y" "$w"
  s+="goals:$STATUS:$(jq -r '.version // "-"' "$BODY" 2>/dev/null) "
  req GET "$REPORT/api/v1/reports/$d/$y/narrative" "$w"
  s+="narrative:$STATUS:$(jq -r '.version // "-"' "$BODY" 2>/dev/null) "
  req GET "$BUDGET/api/v1/departments/$d" "$w"
  s+="profile:$STATUS:$(jq -r '.version // "-"' "$BODY" 2>/dev/null)"
  echo "$s"
}

scenario_malformed() {
  local cases=0 errs=0 bad=0 ok=1 before after
  local big deep inf digits
  big="$(head -c 100000 /dev/zero | tr '\0' '9')"
  deep="$(printf '%*s' 10000 '' | tr ' ' '[')$(printf '%*s' 10000 '' | tr ' ' ']')"
  inf="1e999999999"
  digits="$(printf '%*s' 1001 '' | tr ' ' '7')"
  head -c 1200000 /dev/zero | tr '\0' 'a' | { printf '{"name":"'; cat; printf '"}'; } >"$WORK/huge.json"
  before="$(state_of "$DEPT1" "$FY" zfw)"
  # Every JSON write of the contract, sent by a caller who may write it, so the body is really read.
  # Bodies start from a type-correct skeleton with a stale version, so even a case that happened to
  # be valid could only be refused (409), never saved.
  jq -r '. as $root | def deref: if has("$ref") then ($root.components.schemas[.["$ref"] | split("/") | last]) else . end;
    .paths | to_entries[] | .key as $p | .value | to_entries[]
    | select(.value.requestBody.content["application/json"].schema)
    | [(.key | ascii_upcase), $p, (.value.requestBody.content["application/json"].schema | deref | tojson)] | @tsv' "$CONTRACT" >"$WORK/writes"
  local method path schema who url label body n s
  while IFS=$'\t' read -r method path schema; do
    case "$path" in
      */adjustments/* | */approve | */return | /api/v1/templates*) who=reviewer ;;
      /api/v1/departments) who=admin ;;
      *) who=zfw ;;
    esac
    url="${path//\{departmentId\}/$DEPT1}"
    url="${url//\{fiscalYear\}/$FY}"
    url="${url//\{projectId\}/0}"
    url="${url//\{code\}/x}"
    url="${url//\{jurisdiction\}/%E6%97%A0%E6%AD%A4%E5%8C%BA}"
    url="${url//\{id\}/999999}"
    url="$(service_of "$path")$url"
    n=0
    # label <TAB> body (placeholders __BIG__ __DEEP__ __INF__ __DIGITS__ are swapped in below)
    while IFS=$'\t' read -r label body; do
      body="${body//\"__BIG__\"/\"$big\"}"
      body="${body//\"__DEEP__\"/$deep}"
      body="${body//\"__INF__\"/$inf}"
      body="${body//\"__DIGITS__\"/$digits}"
      local -a ctype=(-H 'Content-Type: application/json')
      case "$label" in
        ctype-text) ctype=(-H 'Content-Type: text/plain') ;;
        ctype-xml) ctype=(-H 'Content-Type: application/xml') ;;
        ctype-none) ctype=(-H 'Content-Type:') ;;
      esac
      printf '%s' "$body" >"$WORK/case"
      if [[ "$label" == body-over-1MiB ]]; then cp "$WORK/huge.json" "$WORK/case"; fi
      req "$method" "$url" "$who" "${ctype[@]}" --data-binary @"$WORK/case"
      cases=$((cases + 1))
      n=$((n + 1))
      echo "$STATUS" >>"$WORK/malformed.statuses"
      if is5xx "$STATUS"; then
        errs=$((errs + 1))
        echo "FAIL: $method $path [$label]: $STATUS $(head -c 200 "$BODY")"
      elif [[ "$STATUS" == 2?? ]]; then
        bad=$((bad + 1))
        echo "FAIL: $method $path [$label] was accepted: $STATUS"
      elif ! is_problem; then
        bad=$((bad + 1))
        echo "FAIL: $method $path [$label]: $STATUS is not problem+json ($CTYPE)"
      elif [[ "$label" == body-over-1MiB && "$STATUS" != 413 ]]; then
        bad=$((bad + 1))
        echo "FAIL: $method $path [$label]: expected 413, got $STATUS"
      fi
    done < <(jq -r --argjson s "$schema" -n '
      def base: if (.type | type) == "array" then (.type | map(select(. != "null")) | first) else .type end
        | if . == "string" then "x" elif . == "integer" or . == "number" then 1 elif . == "boolean" then true
          elif . == "array" then [] else {} end;
      ($s.properties // {}) as $props
      | ($props | with_entries(.value |= base)
         | with_entries(if (.key | test("^(version|revision|inputVersion|adjustmentVersion|selfScoreVersion)$"))
             then .value = 999999 else . end)) as $skel
      | (["empty", ""], ["null", "null"], ["array", "[]"], ["truncated", "{\"a\":"], ["not-json", "version=1"],
         ["deep-10000", "\"__DEEP__\""], ["ctype-text", ($skel | tojson)], ["ctype-xml", ($skel | tojson)],
         ["ctype-none", ($skel | tojson)], ["body-over-1MiB", ""]),
        ($props | to_entries[] | .key as $k | (.value | base) as $b
         | (["\($k):wrong-type", ($skel | .[$k] = (if ($b | type) == "string" then 12345 elif ($b | type) == "number" then "abc"
              elif ($b | type) == "array" then "x" elif ($b | type) == "boolean" then "yes" else [1] end) | tojson)],
            ["\($k):1e999999999", ($skel | .[$k] = "__INF__" | tojson)],
            ["\($k):1001-digits", ($skel | .[$k] = "__DIGITS__" | tojson)],
            ["\($k):negative", ($skel | .[$k] = (if ($b | type) == "string" then "-1.00" else -1 end) | tojson)],
            ["\($k):100000-chars", ($skel | .[$k] = "__BIG__" | tojson)],
            ["\($k):deep-10000", ($skel | .[$k] = "__DEEP__" | tojson)],
            (if ($b | type) == "array" then ["\($k):[null]", ($skel | .[$k] = [null] | tojson)],
               ["\($k):[wrong]", ($skel | .[$k] = ["x", 1] | tojson)] else empty end),
            (if (($s.required // []) | index($k)) then ["\($k):missing", ($skel | del(.[$k]) | tojson)] else empty end)))
      | @tsv')
  done <"$WORK/writes"
  after="$(state_of "$DEPT1" "$FY" zfw)"
  note "$cases cases over $(wc -l <"$WORK/writes") JSON write operations: $(sort "$WORK/malformed.statuses" | uniq -c | awk '{printf "%s x%s  ", $2, $1}')"
  note "state before: $before"
  note "state after:  $after"
  if [[ "$before" != "$after" ]]; then
    bad=$((bad + 1))
    echo "FAIL: the department-year changed under refused writes"
  fi
  ((cases >= 300 && errs + bad == 0)) || ok=0
  row malformed "$cases" - - "$errs" "$bad" "$ok"
}

# ------------------------------------------------------------------ 3. concurrent first writes
# burst N URL WHO JSON: N identical first writes at once; prints the statuses, one per line.
burst() {
  local n="$1" url="$2" who="$3" json="$4" i t
  tok "$who"
  t="$TOKEN"
  for ((i = 0; i < n; i++)); do
    curl -sS -m 30 -o /dev/null -w '%{http_code}\n' -X PUT -H "Authorization: Bearer $t" \
      -H 'Content-Type: application/json' --data-binary "$json" "$url" 2>/dev/null >"$WORK/burst.$i" &
  done
  wait
  for ((i = 0; i < n; i++)); do cat "$WORK/burst.$i"; done
}

scenario_concurrent() {
  local ok=1 ops=0 errs=0 bad=0 code url json out n2 n409 what
  # A qualitative indicator of the default template, to self-score.
  req GET "$EVALUATION/api/v1/templates" reviewer
  local tid
  tid="$(jq -r '[.[] | select(.jurisdiction == null)][0].id // .[0].id' "$BODY")"
  req GET "$EVALUATION/api/v1/templates/$tid" reviewer
  code="$(jq -r '[.. | objects | select(.rule? and (.rule.kind? // .rule.type? // "" | test("self|qual"; "i"))) | .code][0] // empty' "$BODY")"
  # One fresh department-year per resource: the first write of each is version null.
  local F0="${FD[0]}" F1="${FD[1]}" e who
  local -a cases=(
    "basic-expenditure|f0|$BUDGET/api/v1/budgets/$F0/2017/basic-expenditure|{\"budget\":\"1000.00\",\"actual\":\"900.00\",\"version\":null}"
    "staffing|f0|$BUDGET/api/v1/budgets/$F0/2018/staffing|{\"authorizedPosts\":10,\"staffInPost\":9,\"retiredSoldiers\":0,\"temporaryStaff\":1,\"secondedStaff\":0,\"retirees\":2,\"version\":null}"
    "other-figures|f0|$BUDGET/api/v1/budgets/$F0/2019/other-figures|{\"receptionBudget\":1000,\"receptionActual\":800,\"version\":null}"
    "goals|f1|$EVALUATION/api/v1/goals/$F1/2017|{\"goals\":[{\"goal\":\"按期完成故障测试\",\"indicators\":[{\"name\":\"完成率\",\"category\":\"QUANTITY\",\"direction\":\"GE\",\"target\":100,\"unit\":\"%\"}]}],\"version\":null}"
    "narrative|f1|$REPORT/api/v1/reports/$F1/2018/narrative|{\"goals\":\"故障测试目标。\",\"achievements\":\"故障测试成效。\",\"problems\":[],\"measures\":[],\"other\":\"\",\"version\":null}"
  )
  # a self-score needs the department-year scored: its first figures, then wait for the evaluation
  req PUT "$BUDGET/api/v1/budgets/$F1/2019/basic-expenditure" f1 -H 'Content-Type: application/json' \
    --data-binary '{"budget":"1000.00","actual":"900.00","version":null}'
  local start=$SECONDS
  until req GET "$EVALUATION/api/v1/evaluations/$F1/2019" f1; [[ "$STATUS" == 200 ]] || ((SECONDS - start > 30)); do sleep 0.5; done
  [[ -n "$code" ]] && cases+=("self-score $code|f1|$EVALUATION/api/v1/evaluations/$F1/2019/self-scores/$code|{\"tier\":\"POOR\",\"score\":0,\"evidence\":\"故障测试证据\",\"version\":null}")
  for e in "${cases[@]}"; do
    IFS='|' read -r what who url json <<<"$e"
    out="$(burst 8 "$url" "$who" "$json")"
    ops=$((ops + 8))
    n2="$(grep -c '^2' <<<"$out")"
    n409="$(grep -c '^409$' <<<"$out")"
    errs=$((errs + $(grep -c '^5\|^000' <<<"$out")))
    note "$what: $(sort <<<"$out" | uniq -c | awk '{printf "%s x%s  ", $2, $1}')"
    if [[ "$n2" != 1 || "$n409" != 7 ]]; then
      bad=$((bad + 1))
      echo "FAIL: $what: 8 concurrent first writes gave $n2 x 2xx and $n409 x 409 (expected 1 and 7)"
    fi
  done
  if [[ -z "$code" ]]; then bad=$((bad + 1)); echo "FAIL: no qualitative indicator found in template $tid to self-score"; fi
  ((errs + bad == 0)) || ok=0
  row concurrent "$ops" - - "$errs" "$bad" "$ok"
}

# ------------------------------------------------------------------ 5. checker worst cases
scenario_checker() {
  local ok=1 ops=0 errs=0 bad=0 f
  seq 1000000000 1000200000 | tr -d '\n' | head -c 1000000 >"$WORK/digits.txt"
  # two 2 MB texts that share long runs (a repeated 64 KB block between random filler)
  head -c 65536 /dev/urandom | base64 -w 0 | head -c 65536 >"$WORK/run"
  : >"$WORK/shared.txt"
  while (($(stat -c %s "$WORK/shared.txt") < 4000000)); do
    { cat "$WORK/run"; printf '\n'; head -c 3000 /dev/urandom | base64 -w 80; } >>"$WORK/shared.txt"
  done
  head -c 4194304 "$WORK/shared.txt" >"$WORK/shared2.txt" && mv "$WORK/shared2.txt" "$WORK/shared.txt"
  head -c 7500000 /dev/urandom | base64 -w 76 | head -c 10000000 >"$WORK/random.txt"
  local timeouts=0
  for f in digits shared random; do
    tok zfw >/dev/null # a fresh token outside the measured time
    # no "Expect: 100-continue": the whole upload goes at once, as from a browser
    REQ_TIMEOUT="$CHECK_TIMEOUT" req POST "$REPORT/api/v1/checks" zfw -H 'Expect:' -H 'Content-Type: text/plain; charset=UTF-8' --data-binary @"$WORK/$f.txt"
    [[ "$STATUS" == 1?? ]] && STATUS=000 # an interim answer only: the final one never came
    ops=$((ops + 1))
    note "$f ($(stat -c %s "$WORK/$f.txt") bytes): $STATUS in ${TIME}s"
    if [[ "$STATUS" == 000 ]]; then
      # the check goes on after the client gave up and holds the service's CPU and heap: restart it,
      # so the next input is measured on its own and the stages after this one meet a sane service
      timeouts=$((timeouts + 1))
      note "restarting report-service (the check outlives its client; OutOfMemoryError in its log so far: $(grep -a -c 'OutOfMemoryError' "$JIXIAO_HOME/logs/report-service.log"))"
      kill9 report-service && stack up report-service && ready 9083 120 || echo "FAIL: report-service did not come back"
    fi
    if is5xx "$STATUS"; then
      errs=$((errs + 1))
      echo "FAIL: checker on $f: $STATUS after ${TIME}s $(head -c 200 "$BODY")"
    elif [[ "$STATUS" != 413 ]] && ! awk -v t="$TIME" 'BEGIN {exit !(t <= 2.0)}'; then
      bad=$((bad + 1))
      echo "FAIL: checker on $f: $STATUS after ${TIME}s (limit 2 s or 413)"
    elif [[ "$STATUS" != 200 && "$STATUS" != 413 ]]; then
      bad=$((bad + 1))
      echo "FAIL: checker on $f: $STATUS $(head -c 200 "$BODY")"
    fi
  done
  ready 9083 10 || { bad=$((bad + 1)); echo "FAIL: report-service is not ready after the checks"; }
  ((errs + bad == 0)) || ok=0
  row checker "$ops" - - "$errs" "$bad" "$ok"
}

# ------------------------------------------------------------------------------ 4. poison
# One write->score sample of jyj: save 基本支出, then poll the evaluation until it scored that
# revision. Prints milliseconds.
WRITE_N=0
score_lag() {
  local v rev start now
  req GET "$BUDGET/api/v1/budgets/$DEPT2/$FY/basic-expenditure" jyj
  v="$(jq -r '.version // "null"' "$BODY" 2>/dev/null)"
  [[ "$STATUS" == 200 ]] || v=null
  WRITE_N=$((WRITE_N + 1))
  start="$(date +%s%3N)"
  req PUT "$BUDGET/api/v1/budgets/$DEPT2/$FY/basic-expenditure" jyj -H 'Content-Type: application/json' \
    --data-binary "{\"budget\":\"$((800000 + RANDOM)).00\",\"actual\":\"700000.00\",\"version\":$v}"
  [[ "$STATUS" == 200 ]] || { echo "FAIL: jyj's write: $STATUS $(head -c 200 "$BODY")" >&2; echo 999999; return; }
  req GET "$BUDGET/api/v1/budgets/$DEPT2/$FY" jyj
  rev="$(jq -r .revision "$BODY")"
  while true; do
    req GET "$EVALUATION/api/v1/evaluations/$DEPT2/$FY" jyj
    now="$(date +%s%3N)"
    if [[ "$STATUS" == 200 ]] && (($(jq -r '.revision // -1' "$BODY") >= rev)); then break; fi
    ((now - start > 30000)) && { echo "FAIL: jyj's revision $rev not scored within 30 s" >&2; break; }
    sleep 0.05
  done
  echo $((now - start))
}

scenario_poison() {
  local ok=1 ops=0 errs=0 bad=0 i r big small v
  for ((i = 0; i < 3; i++)); do score_lag >/dev/null; done # warm-up
  for ((i = 0; i < SAMPLES; i++)); do score_lag; done >"$WORK/lag.before"
  # zfw's poison: 1,500 reasons of 1,000 characters (over every bound), then the largest valid year.
  req GET "$BUDGET/api/v1/budgets/$DEPT1/$FY" zfw
  r="$(jq -r '.revision // "null"' "$BODY" 2>/dev/null)"
  [[ "$STATUS" == 200 ]] || r=null
  local reason1000 reason500
  reason1000="$(printf '%*s' 1000 '' | sed 's/ /差/g')"
  reason500="$(printf '%*s' 500 '' | sed 's/ /差/g')"
  jq -cn --arg t "$reason1000" --argjson r "$r" '{revision: $r, reasons: [range(1500) | {line: "BASIC", amount: "1.00", reason: $t}]}' >"$WORK/poison.json"
  jq -cn --arg t "$reason500" --argjson r "$r" '{revision: $r, reasons: [range(100) | {line: "BASIC", amount: "1.00", reason: $t}]}' >"$WORK/largest.json"
  (
    BODY="$WORK/body.poison"
    for ((i = 0; i < SAMPLES; i++)); do
      req PUT "$BUDGET/api/v1/budgets/$DEPT1/$FY/variance-reasons" zfw -H 'Content-Type: application/json' --data-binary @"$WORK/poison.json"
      echo "poison $STATUS $(is_problem && echo problem)"
    done
  ) >"$WORK/poison.out" &
  local poisoner=$!
  for ((i = 0; i < SAMPLES; i++)); do score_lag; done >"$WORK/lag.during"
  wait "$poisoner"
  ops=$((ops + SAMPLES * 2 + SAMPLES + 3))
  req PUT "$BUDGET/api/v1/budgets/$DEPT1/$FY/variance-reasons" zfw -H 'Content-Type: application/json' --data-binary @"$WORK/largest.json"
  ops=$((ops + 1))
  note "poison (1,500 x 1,000 chars, $(stat -c %s "$WORK/poison.json") bytes): $(awk '{print $2}' "$WORK/poison.out" | sort | uniq -c | awk '{printf "%s x%s ", $2, $1}')"
  note "largest valid year (100 x 500 chars, $(stat -c %s "$WORK/largest.json") bytes): $STATUS"
  errs=$((errs + $(grep -c 'poison 5\|poison 000' "$WORK/poison.out")))
  if grep -qv '^poison 413 problem$' "$WORK/poison.out"; then bad=$((bad + 1)); echo "FAIL: the oversized year was not refused with 413 problem+json every time"; fi
  if [[ "$STATUS" != 200 ]]; then bad=$((bad + 1)); echo "FAIL: the largest valid year: $STATUS $(head -c 300 "$BODY")"; fi
  is5xx "$STATUS" && errs=$((errs + 1))
  # the largest valid year's event must reach the evaluation (one event, not a dead letter)
  req GET "$BUDGET/api/v1/budgets/$DEPT1/$FY" zfw
  r="$(jq -r '.revision' "$BODY")"
  local start=$SECONDS
  until req GET "$EVALUATION/api/v1/evaluations/$DEPT1/$FY" zfw; [[ "$STATUS" == 200 ]] && (($(jq -r '.revision // -1' "$BODY") >= r)); do
    ((SECONDS - start > 30)) && { bad=$((bad + 1)); echo "FAIL: the largest valid year (revision $r) did not reach the evaluation in 30 s"; break; }
    sleep 0.5
  done
  # A stall of jyj's events behind zfw's poison slows most samples, not one: the row compares the median and
  # p90 (of 12: the second slowest). The slowest alone (p99) is shown, not compared: one sample delayed by a
  # collection or the CI machine doubled it in a run where nothing stalled (168 -> 346 ms, p50 123 -> 123).
  local b50 b90 b99 d50 d90 d99
  b50="$(percentile 50 <"$WORK/lag.before")" b90="$(percentile 90 <"$WORK/lag.before")" b99="$(percentile 99 <"$WORK/lag.before")"
  d50="$(percentile 50 <"$WORK/lag.during")" d90="$(percentile 90 <"$WORK/lag.during")" d99="$(percentile 99 <"$WORK/lag.during")"
  note "jyj write->score ms before: p50 $b50 p90 $b90 p99 $b99; during the poison: p50 $d50 p90 $d90 p99 $d99 ($SAMPLES samples each)"
  if ((d50 > 2 * b50 || d90 > 2 * b90)); then bad=$((bad + 1)); echo "FAIL: jyj's write->score latency (p50 or p90) more than doubled during the poison"; fi
  req GET "$BUDGET/api/v1/budgets/admin/events/dead-letters" admin
  note "budget dead letters: $STATUS $(jq -c 'if type == "array" then length else (.items // .) | length end' "$BODY" 2>/dev/null)"
  if [[ "$STATUS" != 200 ]] || ! jq -e 'if type == "array" then length == 0 else (.items // []) | length == 0 end' "$BODY" >/dev/null 2>&1; then
    bad=$((bad + 1)); echo "FAIL: budget-service dead letters not empty: $(head -c 300 "$BODY")"
  fi
  ((errs + bad == 0)) || ok=0
  row poison "$ops" - - "$errs" "$bad" "$ok"
}

# ------------------------------------------------- 6./7. broker stopped, consumers killed
# writer IDX YEAR COUNT [PAUSE]: department f<IDX> saves 基本支出 up to COUNT times, each on the
# version it read, PAUSE seconds apart, and stops early once $WORK/stop exists; one line per write: STATUS.
writer() {
  local who="f$1" url="$BUDGET/api/v1/budgets/${FD[$1]}/$2/basic-expenditure" v=null i b
  BODY="$WORK/body.$BASHPID"
  for ((i = 1; i <= $3; i++)); do
    [[ -e "$WORK/stop" ]] && break
    [[ -n "${4:-}" ]] && sleep "$4"
    if [[ "$v" == null ]]; then # first, or after a 409
      req GET "$url" "$who"
      read -r -d "" b <"$BODY"
      if [[ "$STATUS" == 200 && "$b" =~ \"version\":([0-9]+) ]]; then
        v="${BASH_REMATCH[1]}"
      elif [[ "$STATUS" != 404 ]]; then # cannot read the version now (database down): no blind write
        sleep 0.2
        continue
      fi
    fi
    req PUT "$url" "$who" -H 'Content-Type: application/json' \
      --data-binary "{\"budget\":\"$((100000 + i)).00\",\"actual\":\"90000.00\",\"version\":$v}"
    read -r -d "" b <"$BODY" # the version without a jq process: forks are what a busy machine lacks
    if is_problem; then echo "$STATUS problem"; else echo "$STATUS"; fi
    # 200: the new version; 409: read it again; otherwise keep it: a refused write saved nothing, and
    # if it did, the next write meets 409 and the revision count shows it
    if [[ "$STATUS" == 200 && "$b" =~ \"version\":([0-9]+) ]]; then v="${BASH_REMATCH[1]}"; elif [[ "$STATUS" == 409 ]]; then v=null; fi
  done
}

# BudgetFiguresChanged items of a department-year in the change feed: "eventId revision" lines.
feed_of() { # feed_of IDX YEAR
  local url="$BUDGET/api/v1/budgets/changes?type=BudgetFiguresChanged&departmentId=${FD[$1]}&fiscalYear=$2&limit=500" cursor=""
  while true; do
    req GET "$url${cursor:+&cursor=$cursor}" "f$1"
    [[ "$STATUS" == 200 ]] || { echo "feed $STATUS" >&2; return 1; }
    jq -r '.items[] | "\(.eventId) \(.payload.revision // .payload.sheet.revision // "?")"' "$BODY"
    [[ "$(jq -r .hasMore "$BODY")" == true ]] || break
    cursor="$(jq -r .nextCursor "$BODY")"
  done
}

# The year converged: evaluation and report scored the budget's latest revision. Prints what is behind.
behind() { # behind YEAR
  local i rev e r
  for ((i = 0; i < NDEPT; i++)); do
    req GET "$BUDGET/api/v1/budgets/${FD[$i]}/$1" "f$i"
    rev="$(jq -r '.revision // "none"' "$BODY" 2>/dev/null)"
    req GET "$EVALUATION/api/v1/evaluations/${FD[$i]}/$1" "f$i"
    e="$(jq -r '.revision // "none"' "$BODY" 2>/dev/null)"
    req GET "$REPORT/api/v1/reports/${FD[$i]}/$1" "f$i"
    r="$(jq -r '.sheetRevision // "none"' "$BODY" 2>/dev/null)"
    [[ "$rev" == "$e" && "$rev" == "$r" ]] || echo "f$i budget $rev evaluation $e report $r"
  done
}

# writes_under_fault NAME YEAR TOTAL FAULT-FUNCTION [PAUSE] [CONVERGE_LIMIT]: the writers run while the fault
# function does its damage (paced writers stop when it is done); then lost/doubled from the change feed and
# the consumers' revisions. With CONVERGE_LIMIT (s) the row fails when the consumers take longer than that
# to reach the latest revisions once the writers stop.
writes_under_fault() {
  local name="$1" year="$2" total="$3" fault="$4" pause="${5:-}" limit="${6:-}" per i ok=1 errs=0 lost=0 doubled=0 bad=0 start n
  per=$(((total + NDEPT - 1) / NDEPT))
  for ((i = 0; i < NDEPT; i++)); do feed_of "$i" "$year" >"$WORK/feed0.$i" || bad=$((bad + 1)); done
  start=$SECONDS
  rm -f "$WORK/stop"
  local -a writers=()
  for ((i = 0; i < NDEPT; i++)); do writer "$i" "$year" "$per" "$pause" >"$WORK/w.$i" & writers+=($!); done
  "$fault"
  [[ -n "$pause" ]] && touch "$WORK/stop"
  wait "${writers[@]}" # only the writers: a scenario may run readers of its own beside them
  rm -f "$WORK/stop"
  n="$(cat "$WORK"/w.* | wc -l)"
  note "$n writes by $NDEPT departments in $((SECONDS - start))s: $(cat "$WORK"/w.* | sort | uniq -c | awk '{printf "%s%s x%s  ", $2, ($3 ? "(" $3 ")" : ""), $1}')"
  errs="$(cat "$WORK"/w.* | grep -c '^5\|^000')"
  # converge: every department's latest revision reaches evaluation and report
  start=$SECONDS
  while ((SECONDS - start < CONVERGE)) && [[ -n "$(behind "$year")" ]]; do sleep 2; done
  local late
  late="$(behind "$year")"
  note "converged after $((SECONDS - start))s${late:+; still behind: $late}"
  [[ -z "$late" ]] || lost=$((lost + $(wc -l <<<"$late")))
  if [[ -n "$limit" && -z "$late" ]] && ((SECONDS - start > limit)); then
    bad=$((bad + 1)); echo "FAIL: converged after $((SECONDS - start))s, more than ${limit}s"
  fi
  local saved seen dup
  for ((i = 0; i < NDEPT; i++)); do
    feed_of "$i" "$year" >"$WORK/feed1.$i" || { bad=$((bad + 1)); continue; }
    saved="$(grep -c '^200' "$WORK/w.$i")"
    seen=$(($(sort -u "$WORK/feed1.$i" | wc -l) - $(wc -l <"$WORK/feed0.$i")))
    dup=$(($(wc -l <"$WORK/feed1.$i") - $(awk '{print $2}' "$WORK/feed1.$i" | sort -u | wc -l)))
    if ((seen < saved)); then lost=$((lost + saved - seen)); echo "LOST: f$i $year: $saved saves, $seen new feed items"; fi
    # A write whose answer was lost with its instance (kill -9) may be in the feed without a 200; nginx sends
    # the write again to the other instance, which answers 409 (the version moved). Only with AMBIGUOUS_OK
    # (scaleout) are such items accepted, at most one per 409 or failed answer; a revision twice never is.
    local unanswered=0
    [[ -n "${AMBIGUOUS_OK:-}" ]] && unanswered="$(grep -c -v '^200' "$WORK/w.$i")"
    if ((seen > saved + unanswered || dup > 0)); then doubled=$((doubled + seen - saved - unanswered + dup)); echo "DOUBLED: f$i $year: $saved saves, $seen new feed items, $dup repeated revisions"; fi
    ((seen > saved && unanswered > 0)) && note "f$i $year: $((seen - saved)) feed item(s) of writes whose answer was lost (409/failed answers: $unanswered)"
  done
  ((errs + lost + doubled + bad == 0)) || ok=0
  row "$name" "$n" "$lost" "$doubled" "$errs" "$bad" "$ok"
}

broker_fault() {
  sleep 1
  stack down kafka || echo "FAIL: down.sh kafka"
  note "kafka stopped; writes go on for ${BROKER_DOWN}s"
  sleep "$BROKER_DOWN"
  stack up kafka || echo "FAIL: up.sh kafka (see $WORK/stack.log)"
  note "kafka restarted"
}
scenario_broker() { writes_under_fault broker 2017 "$BROKER_WRITES" broker_fault; }

kill9() { # kill9 COMPONENT: SIGKILL to its whole process group, no shutdown hooks
  local pid
  pid="$(head -n1 "$JIXIAO_HOME/pids/$1.pid" 2>/dev/null)"
  [[ "$pid" =~ ^[0-9]+$ ]] || { echo "FAIL: no pid file for $1"; return 1; }
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"
  note "$1 killed (-9, process group $pid)"
}
# port_freed PORT: waits (at most 30 s) until nothing listens on 127.0.0.1:PORT, so a restart can bind it
port_freed() {
  local start=$SECONDS
  while (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; do
    ((SECONDS - start > 30)) && { echo "FAIL: port $1 still taken 30 s after the kill"; return 1; }
    sleep 0.2
  done
}
# Both consumers die at once and come back side by side (one after the other, the row took 36 s in CI, about
# 10 s more): the writes keep flowing to budget-service while neither consumer runs; up.sh starts the two together.
kill_fault() {
  local c
  sleep 1
  for c in evaluation-service report-service; do kill9 "$c"; done
  port_freed 8082 && port_freed 8083
  stack up evaluation-service report-service || echo "FAIL: up.sh evaluation-service report-service (see $WORK/stack.log)"
  ready 9082 120 && note "evaluation-service restarted and ready" || echo "FAIL: evaluation-service not ready after its restart"
  ready 9083 120 && note "report-service restarted and ready" || echo "FAIL: report-service not ready after its restart"
}
# paced, so writes keep flowing through both kills and restarts. A killed consumer never leaves its group:
# the restarted one gets the partitions once the broker has missed the dead one's heartbeats for the
# session timeout (10 s; with the client's default of 45 s this took 42 s, measured), hence the limit.
scenario_kill() { writes_under_fault kill 2018 "$KILL_WRITES" kill_fault "$KILL_PAUSE" "$KILL_CONVERGE"; }

# scaleout: a second instance of each service behind nginx (up.sh --replicas 2); the departments write
# and the bureau reads through nginx while the first instance of every service is killed (-9) and stays
# down. Nothing may be lost or doubled (change feed against the answers; every year converges in
# evaluation and report), the bureau's reads keep answering (nginx retries an idempotent request on the
# other instance), the relay's advisory lock and the consumer groups move to the survivors.
SCALE_WRITES="${FAULT_SCALE_WRITES:-300}"
scaleout_fault() {
  local c i start=$SECONDS
  # under load: every writer has answered once before the kill
  for ((i = 0; i < NDEPT; i++)); do
    until [[ -s "$WORK/w.$i" ]] || ((SECONDS - start > 60)); do sleep 0.2; done
  done
  for c in budget-service evaluation-service report-service; do kill9 "$c"; done
  note "the first instance of each service is gone; the second ones carry on alone for ${SCALE_DOWN:-20}s"
  sleep "${SCALE_DOWN:-20}"
}
bureau_reader() { # GETs through nginx until told to stop: "STATUS" per answer
  local y="$1"
  BODY="$WORK/body.$BASHPID"
  while [[ ! -e "$WORK/reader.stop" ]]; do
    req GET "$WEB/api/v1/reports/summary?fiscalYear=$y&limit=50" reviewer; echo "$STATUS summary"
    req GET "$WEB/api/v1/budgets?fiscalYear=$y&limit=50" finance-api; echo "$STATUS budgets"
    req GET "$WEB/api/v1/evaluations/changes?fiscalYear=$y&limit=50" finance-api; echo "$STATUS evaluations"
  done
}
scenario_scaleout() {
  local sb="$BUDGET" se="$EVALUATION" sr="$REPORT" p reads failed t0 bad_reads
  t0=$SECONDS
  stack up --replicas 2 services spa || echo "FAIL: up.sh --replicas 2 (see $WORK/stack.log)"
  for p in 9281 9282 9283; do ready "$p" 180 || echo "FAIL: the second instance on management port $p is not ready"; done
  note "second instances ready after $((SECONDS - t0))s; nginx upstreams have two servers each"
  BUDGET="$WEB" EVALUATION="$WEB" REPORT="$WEB"
  rm -f "$WORK/reader.stop"
  bureau_reader 2020 >"$WORK/reads" &
  local reader=$!
  # 2020 of departments onboarded by this run: fresh, whatever other rows wrote before
  AMBIGUOUS_OK=1 writes_under_fault scaleout 2020 "$SCALE_WRITES" scaleout_fault "$KILL_PAUSE"
  touch "$WORK/reader.stop"
  wait "$reader" 2>/dev/null
  reads="$(wc -l <"$WORK/reads")"
  failed="$(grep -c -v '^2' "$WORK/reads")"
  note "bureau reads through nginx during the kill: $reads, not 2xx: $failed ($(grep -v '^2' "$WORK/reads" | sort | uniq -c | tr '\n' ' '))"
  bad_reads=0
  ((reads > 0 && failed == 0)) || { bad_reads=1; echo "FAIL: the bureau's reads did not all answer through the surviving instances ($failed of $reads)"; }
  if ((bad_reads)); then TABLE[-1]="${TABLE[-1]/PASS/FAIL}"; fi
  BUDGET="$sb" EVALUATION="$se" REPORT="$sr"
  if [[ "${FAULT_SCALEOUT_RESTORE:-1}" == 0 ]]; then
    note "FAULT_SCALEOUT_RESTORE=0: the second instances stay, alone, behind nginx (down.sh stops them too)"
    return 0
  fi
  # back to one instance of each, on the base ports
  stack up services || echo "FAIL: up.sh services (see $WORK/stack.log)"
  for p in 9081 9082 9083; do ready "$p" 180 || echo "FAIL: the first instance on management port $p is not back"; done
  stack down budget-service-2 evaluation-service-2 report-service-2 || echo "FAIL: down.sh of the second instances"
  JIXIAO_REPLICAS=1 stack up spa || echo "FAIL: nginx back to one instance (see $WORK/stack.log)"
}

# ------------------------------------------------------------------ 8. database stopped
scenario_database() {
  local ok=1 errs=0 bad=0 n503 saved r0 r1 f0 f1 i=2
  local url="$BUDGET/api/v1/budgets/${FD[$i]}/2019"
  req GET "$url" "f$i"
  r0="$(jq -r '.revision // 0' "$BODY" 2>/dev/null)"
  [[ "$STATUS" == 200 ]] || r0=0
  f0="$(feed_of "$i" 2019 | wc -l)"
  # A fresh token before the outage: Keycloak keeps its realm and sessions in the same PostgreSQL, so no
  # login can succeed while it is stopped; this row is about the services, which go on verifying the
  # tokens already issued (the writer's subshell inherits this one, good for the suite's 180 s).
  TOKT[f$i]=0
  tok "f$i" || echo "FAIL: no token for f$i before the outage"
  ( REQ_TIMEOUT=15 writer "$i" 2019 100000 ) >"$WORK/db.w" &
  local w=$!
  sleep 1
  stack down postgres || echo "FAIL: down.sh postgres"
  note "postgres stopped for ${DB_DOWN}s"
  sleep "$DB_DOWN"
  stack up postgres || echo "FAIL: up.sh postgres (see $WORK/stack.log)"
  note "postgres restarted"
  sleep 5
  # The first login after the restart, tried once: Keycloak checks a pooled connection before it hands
  # it out, so no login meets a connection the restart killed.
  local login
  login="$(curl -sS -m 20 -o "$WORK/db.login" -w '%{http_code}' "$TOKEN_URL" -d grant_type=password \
    -d client_id=jixiao-cli --data-urlencode "username=$(cat "$WORK/user.f$i")" \
    --data-urlencode "password=$DEPT_PASSWORD")"
  note "first login after the restart: $login"
  [[ "$login" == 200 ]] || { bad=$((bad + 1)); echo "FAIL: the first login after the restart: $login $(head -c 200 "$WORK/db.login")"; }
  touch "$WORK/stop" # not kill: a write cut off in flight could commit without its answer being counted
  wait "$w"
  rm -f "$WORK/stop"
  n503="$(grep -c '^503 problem' "$WORK/db.w")"
  saved="$(grep -c '^200' "$WORK/db.w")"
  errs="$(grep -v '^503 problem' "$WORK/db.w" | grep -c '^5\|^000')"
  note "writes: $(sort "$WORK/db.w" | uniq -c | awk '{printf "%s%s x%s  ", $2, ($3 ? "(" $3 ")" : ""), $1}')"
  for c in 9081 9082 9083; do ready "$c" 60 || { bad=$((bad + 1)); echo "FAIL: service on management port $c not ready after the database came back"; }; done
  req GET "$url" "f$i"
  r1="$(jq -r '.revision // 0' "$BODY" 2>/dev/null)"
  local start=$SECONDS
  while ((SECONDS - start < 30)); do
    f1="$(feed_of "$i" 2019 | wc -l)"
    ((f1 - f0 >= saved)) && break
    sleep 1
  done
  note "revision $r0 -> $r1 for $saved saved writes; feed $f0 -> $f1; $n503 answered 503 problem+json"
  # a write answered 200 is there once; a refused one left nothing (revisions and events agree)
  if ((r1 - r0 != saved || f1 - f0 != saved)); then bad=$((bad + 1)); echo "FAIL: half-saved or lost: revision +$((r1 - r0)), feed +$((f1 - f0)), 200 answers $saved"; fi
  ((n503 > 0)) || { bad=$((bad + 1)); echo "FAIL: no write met the stopped database (no 503)"; }
  ((errs + bad == 0)) || ok=0
  row database "$(wc -l <"$WORK/db.w")" "$((r1 - r0 < saved ? saved - r1 + r0 : 0))" "$((r1 - r0 > saved ? r1 - r0 - saved : 0))" "$errs" "$bad" "$ok"
}

# ------------------------------------------------------------- 10. writes in a loop during submit
# On a department-year onboarded by this run (FD[last] 2019): figures, goals, a self-score and a
# narrative, then writers in loops on every kind of write of the year (基本支出, goals, self-score,
# narrative as the department; an adjustment as the reviewer, allowed until the year is submitted)
# while the department submits. A leak: a write that started after submit answered (200 or 202) and
# got 2xx, or a 2xx write whose effect is not in the frozen version (the version's budget and
# evaluation revisions must equal what the services hold once SUBMITTED; the last saved narrative
# must be the one in the frozen report). The filing is left SUBMITTED (fresh departments every run).
now_ms() { date +%s%3N; }

# sr_writer KIND: one line per write "KIND START_MS END_MS STATUS MARK" until $WORK/sr.stop exists
sr_writer() {
  local kind="$1" who="f$SR_I" v=null i=0 t0 b url body mark
  BODY="$WORK/body.sr.$kind"
  [[ "$kind" == adjustment ]] && who=reviewer
  case "$kind" in
    budget) url="$BUDGET/api/v1/budgets/$SR_D/$SR_Y/basic-expenditure" ;;
    goals) url="$EVALUATION/api/v1/goals/$SR_D/$SR_Y" ;;
    selfscore) url="$EVALUATION/api/v1/evaluations/$SR_D/$SR_Y/self-scores/$SR_CODE" ;;
    adjustment) url="$EVALUATION/api/v1/evaluations/$SR_D/$SR_Y/adjustments/$SR_CODE" ;;
    narrative) url="$REPORT/api/v1/reports/$SR_D/$SR_Y/narrative" ;;
  esac
  while [[ ! -e "$WORK/sr.stop" ]]; do
    i=$((i + 1))
    if [[ "$v" == null ]]; then # the version to write on
      case "$kind" in
        budget | goals | narrative) req GET "$url" "$who"; v="$(jq -r '.version // "null"' "$BODY" 2>/dev/null)" ;;
        selfscore | adjustment)
          req GET "$EVALUATION/api/v1/evaluations/$SR_D/$SR_Y" "$who"
          v="$(jq -r --arg c "$SR_CODE" --arg f "$([[ $kind == selfscore ]] && echo selfScoreVersion || echo adjustmentVersion)" \
            '[.. | objects | select(.code? == $c) | .[$f]] | map(select(. != null)) | first // "null"' "$BODY" 2>/dev/null)" ;;
      esac
      [[ -n "$v" ]] || v=null
    fi
    mark="$kind-$i-$RANDOM"
    case "$kind" in
      budget) body="{\"budget\":\"$((1000000 + i)).00\",\"actual\":\"950000.00\",\"version\":$v}" ;;
      goals) body="$(jq -cn --argjson v "$v" --argjson a "$((90 + i % 11))" '{goals: [{goal: "按期完成故障测试", indicators: [{name: "完成率",
        category: "QUANTITY", direction: "GE", target: 100, actual: $a, unit: "%", keyTask: true}]}], version: $v}')" ;;
      selfscore) body="{\"tier\":\"$( ((i % 2)) && echo FAIR || echo GOOD)\",\"score\":$( ((i % 2)) && echo "$SR_FAIR" || echo "$SR_GOOD"),\"evidence\":\"故障测试证据 $mark\",\"version\":$v}" ;;
      adjustment) body="{\"score\":$((i % 2)),\"comment\":\"故障测试调整 $mark\",\"version\":$v}" ;;
      narrative) body="$(jq -cn --argjson v "$v" --arg m "$mark" "$SR_NARRATIVE"' + {other: ("其他说明：" + $m + "。"), version: $v}')" ;;
    esac
    t0="$(now_ms)"
    req PUT "$url" "$who" -H 'Content-Type: application/json' --data-binary "$body"
    echo "$kind $t0 $(now_ms) $STATUS $mark"
    read -r -d "" b <"$BODY"
    # the first answer of each other status, for the log
    [[ "$STATUS" == 2?? || -e "$WORK/sr.first.$kind.$STATUS" ]] || printf '%s\n' "${b:0:300}" >"$WORK/sr.first.$kind.$STATUS"
    if [[ "$STATUS" == 2?? ]]; then
      case "$kind" in
        budget | goals | narrative) [[ "$b" =~ \"version\":([0-9]+) ]] && v="${BASH_REMATCH[1]}" || v=null ;;
        *) v=null ;; # the item's version is read again
      esac
    elif [[ "$STATUS" == 409 ]]; then
      v=null
      sleep 0.05
    else
      sleep 0.1
    fi
  done
}

SR_NARRATIVE='{goals: "年初设定按期完成故障测试、完成率不低于 100% 等目标。", achievements: "全年按期完成故障测试，完成率 100%。",
  problems: [{text: "部分测试用例编写不够细化。", cause: "测试范围年中扩大"}],
  measures: [{problemRef: 1, text: "细化测试用例，年初足额安排测试时间。"}]}'

scenario_submitrace() {
  local ok=1 errs=0 bad=0 leaks=0 i start t_sub0 t_sub1 sub_status
  SR_I=$((NDEPT - 1)) SR_D="${FD[$((NDEPT - 1))]}" SR_Y=2019
  local who="f$SR_I"
  # the year's first figures, goals and narrative; then wait until the evaluation scored it
  req PUT "$BUDGET/api/v1/budgets/$SR_D/$SR_Y/staffing" "$who" -H 'Content-Type: application/json' \
    --data-binary '{"authorizedPosts":10,"staffInPost":9,"retiredSoldiers":0,"temporaryStaff":1,"secondedStaff":0,"retirees":2,"version":null}'
  note "staffing: $STATUS"
  req PUT "$BUDGET/api/v1/budgets/$SR_D/$SR_Y/basic-expenditure" "$who" -H 'Content-Type: application/json' \
    --data-binary '{"budget":"1000000.00","actual":"950000.00","version":null}'
  note "basic-expenditure: $STATUS"
  req PUT "$EVALUATION/api/v1/goals/$SR_D/$SR_Y" "$who" -H 'Content-Type: application/json' --data-binary '{"goals":[{"goal":"按期完成故障测试",
    "indicators":[{"name":"完成率","category":"QUANTITY","direction":"GE","target":100,"actual":100,"unit":"%","keyTask":true}]}],"version":null}'
  note "goals: $STATUS"
  req PUT "$REPORT/api/v1/reports/$SR_D/$SR_Y/narrative" "$who" -H 'Content-Type: application/json' \
    --data-binary "$(jq -cn "$SR_NARRATIVE"' + {other: "无", version: null}')"
  note "narrative: $STATUS"
  start=$SECONDS
  until req GET "$REPORT/api/v1/reports/$SR_D/$SR_Y" "$who"; [[ "$STATUS" == 200 ]] && jq -e '.scoreRevision != null and .sheetRevision != null' "$BODY" >/dev/null 2>&1; do
    ((SECONDS - start > 60)) && { bad=$((bad + 1)); echo "FAIL: figures and score of $SR_D/$SR_Y did not reach the report in 60 s"; break; }
    sleep 0.5
  done
  # a self-scored (qualitative) indicator of the year's evaluation, and its points
  req GET "$EVALUATION/api/v1/evaluations/$SR_D/$SR_Y" "$who"
  SR_CODE="$(jq -r '[.. | objects | select(has("selfScoreVersion")) | .code][0] // empty' "$BODY")"
  local points
  points="$(jq -r --arg c "$SR_CODE" '[.. | objects | select(.code? == $c) | .points | numbers // tonumber?][0] // 1' "$BODY")"
  SR_GOOD="$(awk -v p="$points" 'BEGIN {printf "%.2f", p * 0.9}')" SR_FAIR="$(awk -v p="$points" 'BEGIN {printf "%.2f", p * 0.7}')"
  note "self-scored indicator: ${SR_CODE:-none} ($points points)"
  [[ -n "$SR_CODE" ]] || { bad=$((bad + 1)); echo "FAIL: no self-scored indicator in the evaluation of $SR_D/$SR_Y: $(head -c 300 "$BODY")"; }
  # the writers, then the submit while they run
  rm -f "$WORK/sr.stop"
  local kinds="budget goals selfscore adjustment narrative" k
  for k in $kinds; do sr_writer "$k" >"$WORK/sr.$k" & done
  # the submit goes out once every writer is writing (each has answered once)
  start=$SECONDS
  for k in $kinds; do
    until [[ -s "$WORK/sr.$k" ]]; do
      ((SECONDS - start > 60)) && { bad=$((bad + 1)); echo "FAIL: writer $k made no write in 60 s"; break; }
      sleep 0.2
    done
  done
  tok "$who"
  t_sub0="$(now_ms)"
  req POST "$REPORT/api/v1/filings/$SR_D/$SR_Y/submit" "$who"
  t_sub1="$(now_ms)"
  sub_status="$STATUS"
  cp "$BODY" "$WORK/sr.submit"
  note "submit: $STATUS $(jq -r '.status // .code // empty' "$BODY" 2>/dev/null) in ${TIME}s"
  is5xx "$sub_status" && errs=$((errs + 1))
  if [[ "$sub_status" == 202 ]]; then
    start=$SECONDS
    until req GET "$REPORT/api/v1/filings/$SR_D/$SR_Y" "$who"; [[ "$(jq -r .status "$BODY" 2>/dev/null)" == SUBMITTED ]]; do
      ((SECONDS - start > CONVERGE)) && { bad=$((bad + 1)); echo "FAIL: the filing stayed $(jq -r .status "$BODY") for ${CONVERGE}s"; break; }
      sleep 0.5
    done
    note "SUBMITTED after $((SECONDS - start))s of SUBMITTING"
  elif [[ "$sub_status" != 200 ]]; then
    bad=$((bad + 1)); echo "FAIL: submit answered $sub_status: $(head -c 600 "$WORK/sr.submit")"
  fi
  # writes go on against the submitted year: each writer makes two that start after the submit answered
  start=$SECONDS
  for k in $kinds; do
    until (($(awk -v s="$t_sub1" '$2 > s' "$WORK/sr.$k" | wc -l) >= 2)); do
      ((SECONDS - start > 60)) && { bad=$((bad + 1)); echo "FAIL: writer $k made no two writes after the submit in 60 s"; break; }
      sleep 0.2
    done
  done
  touch "$WORK/sr.stop"
  wait
  rm -f "$WORK/sr.stop"
  cat "$WORK"/sr.budget "$WORK"/sr.goals "$WORK"/sr.selfscore "$WORK"/sr.adjustment "$WORK"/sr.narrative >"$WORK/sr.all"
  local n
  n="$(wc -l <"$WORK/sr.all")"
  for f in "$WORK"/sr.first.*; do [[ -e "$f" ]] && note "first ${f##*/sr.first.}: $(head -c 200 "$f")"; done
  for k in $kinds; do
    note "$k: $(awk -v s="$t_sub1" '{print ($2 > s ? "after:" : "before:") $4}' "$WORK/sr.$k" | sort | uniq -c | awk '{printf "%s x%s ", $2, $1}')"
  done
  errs=$((errs + $(awk '$4 ~ /^5/ || $4 == "000"' "$WORK/sr.all" | wc -l)))
  # 1. no write that started after the submit's answer succeeded
  if [[ "$sub_status" == 200 || "$sub_status" == 202 ]]; then
    local late
    late="$(awk -v s="$t_sub1" '$2 > s && $4 ~ /^2/' "$WORK/sr.all")"
    if [[ -n "$late" ]]; then
      leaks=$((leaks + $(wc -l <<<"$late")))
      echo "LEAK: $(wc -l <<<"$late") write(s) started after submit answered $sub_status ($t_sub1) and succeeded: $(head -n 5 <<<"$late" | paste -sd ';')"
    fi
  fi
  # 2. the frozen version equals what every service holds, and holds every saved write
  req GET "$REPORT/api/v1/filings/$SR_D/$SR_Y" "$who"
  cp "$BODY" "$WORK/sr.filing"
  local frozen_b frozen_e vnum cur_b cur_e cur_n last_n
  frozen_b="$(jq -r '.versions[-1].sheetRevision // "none"' "$WORK/sr.filing")"
  frozen_e="$(jq -r '.versions[-1].evaluationRevision // "none"' "$WORK/sr.filing")"
  vnum="$(jq -r '.versions[-1].number // "none"' "$WORK/sr.filing")"
  req GET "$BUDGET/api/v1/budgets/$SR_D/$SR_Y" "$who"
  cur_b="$(jq -r '.revision // "none"' "$BODY")"
  cur_e="$(req GET "$EVALUATION/api/v1/evaluations/changes?type=IndicatorsComputed&departmentId=$SR_D&fiscalYear=$SR_Y&limit=500" reviewer
    jq -r '[.items[].payload.evaluationRevision | numbers] | max // "none"' "$BODY")"
  req GET "$REPORT/api/v1/reports/$SR_D/$SR_Y/narrative" "$who"
  cur_n="$(jq -r '.version // "none"' "$BODY")"
  last_n="$(awk '$1 == "narrative" && $4 ~ /^2/ {m = $5} END {print m}' "$WORK/sr.narrative")"
  note "frozen version $vnum: budget revision $frozen_b (budget-service holds $cur_b), evaluation revision $frozen_e (evaluation-service's latest $cur_e); narrative version $cur_n, last saved narrative $last_n"
  if [[ "$frozen_b" != "$cur_b" ]]; then leaks=$((leaks + 1)); echo "LEAK: frozen budget revision $frozen_b, budget-service holds $cur_b"; fi
  if [[ "$frozen_e" != "$cur_e" ]]; then leaks=$((leaks + 1)); echo "LEAK: frozen evaluation revision $frozen_e, evaluation-service's latest is $cur_e"; fi
  if [[ "$vnum" != none && -n "$last_n" ]]; then
    ACCEPT='text/html' req GET "$REPORT/api/v1/filings/$SR_D/$SR_Y/versions/$vnum/preview" "$who"
    grep -qF "$last_n" "$BODY" || { leaks=$((leaks + 1)); echo "LEAK: the last saved narrative ($last_n) is not in the frozen report ($STATUS)"; }
  fi
  note "$(grep -c ' 2[0-9][0-9] ' "$WORK/sr.all") writes saved in all; the frozen version's writes after the submit: $(awk -v s="$t_sub1" '$2 > s && $4 ~ /^2/' "$WORK/sr.all" | wc -l)"
  ((errs + bad + leaks == 0)) || ok=0
  row submitrace "$((n + 1))" - - "$errs" "$leaks" "$ok"
}

# ---------------------------------------------------- 11. kill -9 of budget-service during an import save
# A 支出明细 CSV of FAULT_IMPORT_LINES lines (default 100,000) for FD[last] 2018, over a year that
# already holds a small import. The job's phase is SAVING while its one transaction holds the filing
# lock and streams the lines into COPY as they are read (a few hundred ms at least). When the job is
# RUNNING in phase SAVING, budget-service is killed (-9) and started again. The job must end
# INTERRUPTED: the heartbeat sweep (every 30 s, the first 5 s after start) marks a job untouched for
# jixiao.import.heartbeat-timeout-seconds (default 120) whose process is gone; the restart here sets
# JIXIAO_IMPORT_HEARTBEAT_TIMEOUT_SECONDS=$FAULT_IMPORT_HEARTBEAT (default 5: less than the restart and the first sweep take,
# so the first sweep of the new process ends the job; the live heartbeat
# touches its own jobs every 30 s and the sweep never marks the jobs of its own process, so with one
# instance a short timeout is safe) rather than waiting two minutes. The year must hold exactly what it
# held before (revision, 支出明细 count and total, lines per 基本支出/project, projects, audit rows); then
# the same file uploaded again must succeed and save every line once.
IMPORT_LINES="${FAULT_IMPORT_LINES:-100000}"
IMPORT_HEARTBEAT="${FAULT_IMPORT_HEARTBEAT:-5}"

lines_csv() { # lines_csv N YEAR > file: 支出明细 in the template's CSV layout (UTF-8 with BOM)
  awk -v n="$1" -v y="$2" 'BEGIN {
    printf "\xef\xbb\xbf序号,支付日期,项目名称,经济分类/用途,支付方式,金额（元）,摘要\r\n"
    for (i = 1; i <= n; i++) printf "%d,%d-%02d-%02d,基本支出,办公费,单位自有,%d.%02d,故障测试支出第%d笔\r\n", i, y, i % 12 + 1, i % 28 + 1, 10 + i % 990, i % 100, i
  }'
}

year_state() { # year_state DEPT YEAR WHO: what an import changes
  req GET "$BUDGET/api/v1/budgets/$1/$2" "$3"
  jq -c '{revision, lines: .spending.lines, total: .spending.total,
    checks: [(.spending.checks // [])[] | {line, projectId, lines, linesTotal}], projects: ((.projects // []) | length),
    basic: (.basic.version // null)}' "$BODY" 2>/dev/null || echo "budget $STATUS"
  req GET "$BUDGET/api/v1/budgets/$1/$2/audit" "$3"
  echo "audit $STATUS $(jq -r 'if type == "array" then length else (.items // []) | length end' "$BODY" 2>/dev/null)"
}

# import_upload FILE: POST the file; sets JOB (the job's URL) or empty
import_upload() {
  JOB=""
  req POST "$BUDGET/api/v1/budgets/$KI_D/$KI_Y/imports" "f$KI_I" -F "file=@$1;type=text/csv"
  [[ "$STATUS" == 202 ]] && JOB="$BUDGET/api/v1/budgets/$KI_D/$KI_Y/imports/$(jq -r .id "$BODY")"
}
import_wait() { # import_wait SECONDS: polls $JOB until it is finished; prints its state
  local start=$SECONDS s
  while ((SECONDS - start < $1)); do
    req GET "$JOB" "f$KI_I"
    s="$(jq -r '.state // empty' "$BODY" 2>/dev/null)"
    [[ "$s" == QUEUED || "$s" == RUNNING || -z "$s" ]] || { echo "$s"; return; }
    sleep 1
  done
  echo "${s:-none} (still, after $1 s)"
}

scenario_killimport() {
  local ok=1 errs=0 bad=0 lost=0 doubled=0 ops=0 s before after phase start
  KI_I=$((NDEPT - 1)) KI_D="${FD[$((NDEPT - 1))]}" KI_Y=2018
  lines_csv 20 "$KI_Y" >"$WORK/small.csv"
  lines_csv "$IMPORT_LINES" "$KI_Y" >"$WORK/large.csv"
  import_upload "$WORK/small.csv"
  ops=$((ops + 1))
  s="$(import_wait 120)"
  note "a small import first (20 lines): upload $STATUS, job $s"
  [[ "$s" == SUCCEEDED ]] || { bad=$((bad + 1)); echo "FAIL: the small import: $s $(head -c 400 "$BODY")"; }
  before="$(year_state "$KI_D" "$KI_Y" "f$KI_I")"
  # the large file; kill -9 once its save runs
  import_upload "$WORK/large.csv"
  ops=$((ops + 1))
  is5xx "$STATUS" && errs=$((errs + 1))
  [[ -n "$JOB" ]] || { bad=$((bad + 1)); echo "FAIL: the large import was not accepted: $STATUS $(head -c 400 "$BODY")"; }
  local killed=0 t0=$SECONDS progress=""
  while [[ -n "$JOB" ]] && ((SECONDS - t0 < 600)); do
    req GET "$JOB" "f$KI_I"
    s="$(jq -r '.state // empty' "$BODY" 2>/dev/null)" phase="$(jq -r '.phase // empty' "$BODY" 2>/dev/null)"
    progress="$(jq -r '"\(.processedRows)/\(.totalRows) \(.percent)%"' "$BODY" 2>/dev/null)"
    if [[ "$s" == RUNNING && "$phase" == SAVING ]]; then
      # at once: the lines stream into COPY as they are read, 100,000 of them in well under a second on a
      # quiet machine, and a pause here let the save commit before the kill (CI saw the job end SUCCEEDED)
      kill9 budget-service && killed=1
      break
    fi
    [[ "$s" == QUEUED || "$s" == RUNNING ]] || break
    sleep 0.05
  done
  note "large import ($IMPORT_LINES lines, $(stat -c %s "$WORK/large.csv") bytes): ${s:-?} ${phase:-} $progress after $((SECONDS - t0))s$( ((killed)) && echo "; killed while saving")"
  if ((killed == 0)); then
    bad=$((bad + 1)); echo "FAIL: the import was never seen saving (state ${s:-none}); a larger FAULT_IMPORT_LINES makes the save last longer"
  else
    port_freed 8081
    JIXIAO_IMPORT_HEARTBEAT_TIMEOUT_SECONDS="$IMPORT_HEARTBEAT" stack up budget-service || echo "FAIL: up.sh budget-service (see $WORK/stack.log)"
    if ready 9081 120; then note "budget-service restarted and ready"; else bad=$((bad + 1)); echo "FAIL: budget-service not ready after its restart"; fi
    start=$SECONDS
    s="$(import_wait $((IMPORT_HEARTBEAT + 90)))"
    note "the killed job: $s after $((SECONDS - start))s ($(jq -r '.failure.code // empty' "$BODY" 2>/dev/null))"
    [[ "$s" == INTERRUPTED ]] || { bad=$((bad + 1)); echo "FAIL: the killed import ended $s, not INTERRUPTED"; }
  fi
  after="$(year_state "$KI_D" "$KI_Y" "f$KI_I")"
  note "year before: $(tr '\n' ' ' <<<"$before")"
  if [[ "$before" != "$after" ]]; then
    bad=$((bad + 1)); echo "FAIL: half-saved: the year after the kill: $(tr '\n' ' ' <<<"$after")"
    local l0 l1
    l0="$(head -n1 <<<"$before" | jq -r '.lines // 0' 2>/dev/null)" l1="$(head -n1 <<<"$after" | jq -r '.lines // 0' 2>/dev/null)"
    ((l1 > l0)) && doubled=$((doubled + l1 - l0))
    ((l1 < l0)) && lost=$((lost + l0 - l1))
  fi
  # the same file again: saved, every line once
  import_upload "$WORK/large.csv"
  ops=$((ops + 1))
  is5xx "$STATUS" && errs=$((errs + 1))
  s="$( [[ -n "$JOB" ]] && import_wait 600 || echo "not accepted: $STATUS")"
  cp "$BODY" "$WORK/ki.job"
  after="$(year_state "$KI_D" "$KI_Y" "f$KI_I")"
  local n
  n="$(head -n1 <<<"$after" | jq -r '.lines // 0' 2>/dev/null)"
  note "the same file again: $s, summary $(jq -c '.summary' "$WORK/ki.job" 2>/dev/null | head -c 300); the year holds $n lines"
  [[ "$s" == SUCCEEDED ]] || { bad=$((bad + 1)); echo "FAIL: the re-uploaded import: $s $(head -c 400 "$BODY")"; }
  if [[ "$n" != "$IMPORT_LINES" ]]; then
    echo "FAIL: the year holds $n lines, the file $IMPORT_LINES"
    [[ "$n" =~ ^[0-9]+$ ]] && ((n > IMPORT_LINES)) && doubled=$((doubled + n - IMPORT_LINES))
    [[ "$n" =~ ^[0-9]+$ ]] && ((n < IMPORT_LINES)) && lost=$((lost + IMPORT_LINES - n))
    [[ "$n" =~ ^[0-9]+$ ]] || bad=$((bad + 1))
  fi
  ((errs + bad + lost + doubled == 0)) || ok=0
  row killimport "$ops" "$lost" "$doubled" "$errs" "$bad" "$ok"
}

# ------------------------------------------------------------ 12. hostile files for imports and checks
# Generated at run time into $WORK/files (python3 zipfile, iconv): zip bombs (an XLSX and a DOCX whose
# one part inflates to 1.1 GB of zeros, about 1 MB on disk; each also as a lying bomb whose headers
# declare 1,000 bytes), XXE (a DOCTYPE with an external entity to
# file:///etc/passwd) in the workbook and in the document part, a legacy .xls and an encrypted
# .xlsx/.docx (OLE2 containers: the signature is what the services look at), GBK and Big5 text that is
# not a template, an empty file and truncated ZIPs. Each goes to the import of DEPT1 2019 (zfw) and to
# POST /api/v1/checks: 4xx problem+json with a message (detail), never 5xx, no import job and no change
# to the department-year, never /etc/passwd in an answer, every check answered within 2 s. A UTF-8 or
# GBK text is a valid report for the checker (documented), so there 200 is right; Big5 bytes are
# mostly valid GBK too, so the checker may read them as (garbled) GBK text.
make_files() {
  local d="$WORK/files"
  mkdir -p "$d"
  python3 - "$d" <<'PY' || return 1
import sys, zipfile, os, struct
d = sys.argv[1]
CT = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' \
     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' \
     '<Default Extension="xml" ContentType="application/xml"/>%s</Types>'
XLSX_CT = CT % ('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
DOCX_CT = CT % '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
RELS_X = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' \
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
RELS_D = RELS_X.replace('xl/workbook.xml', 'word/document.xml')
WB_RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' \
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
XXE = '<!DOCTYPE %s [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
def workbook(doctype=''):
    return ('<?xml version="1.0" encoding="UTF-8"?>' + doctype +
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="支出明细%s" sheetId="1" r:id="rId1"/></sheets></workbook>' % ('&xxe;' if doctype else ''))
def sheet(doctype=''):
    return ('<?xml version="1.0" encoding="UTF-8"?>' + doctype +
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            '<row r="1"><c r="A1" t="inlineStr"><is><t>%s</t></is></c></row></sheetData></worksheet>' % ('&xxe;' if doctype else '序号'))
def document(doctype=''):
    return ('<?xml version="1.0" encoding="UTF-8"?>' + doctype +
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            '<w:p><w:r><w:t>一、单位基本情况%s</w:t></w:r></w:p></w:body></w:document>' % ('&xxe;' if doctype else ''))
def bomb_entry(z, name):
    zero = bytes(1 << 20)
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    with z.open(info, 'w') as f:  # under 2 GiB: plain 32-bit sizes, which lie() can rewrite
        for _ in range(1100):  # 1.1 GB
            f.write(zero)
def package(path, kind, xxe=False, bomb=False):
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        if kind == 'xlsx':
            z.writestr('[Content_Types].xml', XLSX_CT)
            z.writestr('_rels/.rels', RELS_X)
            z.writestr('xl/_rels/workbook.xml.rels', WB_RELS)
            z.writestr('xl/workbook.xml', workbook(XXE % 'workbook' if xxe else ''))
            if bomb:
                bomb_entry(z, 'xl/worksheets/sheet1.xml')
            else:
                z.writestr('xl/worksheets/sheet1.xml', sheet(XXE % 'worksheet' if xxe else ''))
        else:
            z.writestr('[Content_Types].xml', DOCX_CT)
            z.writestr('_rels/.rels', RELS_D)
            if bomb:
                bomb_entry(z, 'word/document.xml')
            else:
                z.writestr('word/document.xml', document(XXE % 'w:document' if xxe else ''))
def lie(src, dst, name):
    # the same bomb, but its local and central headers say the part unpacks to 1,000 bytes: a reader
    # that trusts the declared size meets 1.1 GB while it inflates
    data = bytearray(open(src, 'rb').read())
    info = [i for i in zipfile.ZipFile(src).infolist() if i.filename == name][0]
    assert data[info.header_offset:info.header_offset + 4] == b'PK\x03\x04'
    struct.pack_into('<I', data, info.header_offset + 22, 1000)
    pos = data.find(b'PK\x01\x02')
    while pos >= 0:
        n = struct.unpack_from('<H', data, pos + 28)[0]
        if bytes(data[pos + 46:pos + 46 + n]) == name.encode():
            struct.pack_into('<I', data, pos + 24, 1000)
            break
        pos = data.find(b'PK\x01\x02', pos + 4)
    open(dst, 'wb').write(data)
for kind in ('xlsx', 'docx'):
    package(os.path.join(d, 'bomb.' + kind), kind, bomb=True)
    lie(os.path.join(d, 'bomb.' + kind), os.path.join(d, 'lyingbomb.' + kind),
        'xl/worksheets/sheet1.xml' if kind == 'xlsx' else 'word/document.xml')
    package(os.path.join(d, 'xxe.' + kind), kind, xxe=True)
    package(os.path.join(d, 'whole.' + kind), kind)
    data = open(os.path.join(d, 'whole.' + kind), 'rb').read()
    open(os.path.join(d, 'truncated.' + kind), 'wb').write(data[:len(data) // 2])
    os.remove(os.path.join(d, 'whole.' + kind))
ole2 = bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504) + os.urandom(3584)
for name in ('legacy.xls', 'encrypted.xlsx', 'encrypted.docx'):
    open(os.path.join(d, name), 'wb').write(ole2)
open(os.path.join(d, 'empty.csv'), 'wb').close()
PY
  local text='一、单位基本情况\n本单位是故障测试单位，全年预算一百万元。\n二、整体预算支出情况\n本年度基本支出预算 100.00 万元。\n'
  printf "$text" | iconv -f UTF-8 -t GBK >"$d/gbk.txt" || return 1
  printf '一、單位基本情況\n本單位是故障測試單位，全年預算一百萬元。\n二、整體預算支出情況\n本年度基本支出預算 100.00 萬元。\n' |
    iconv -f UTF-8 -t BIG5 >"$d/big5.txt" || return 1
  cp "$d/gbk.txt" "$d/gbk.csv"
  cp "$d/big5.txt" "$d/big5.csv"
  cp "$d/empty.csv" "$d/empty.txt"
}

scenario_files() {
  local ok=1 ops=0 errs=0 bad=0 leaks=0 f before after jobs0 jobs1 ctype
  make_files || { row files 0 - - 0 1 0; echo "FAIL: the fixtures could not be generated"; return; }
  note "fixtures: $(cd "$WORK/files" && for f in *; do printf '%s %s, ' "$f" "$(stat -c %s "$f")"; done)"
  before="$(state_of "$DEPT1" "$FY" zfw)"
  req GET "$BUDGET/api/v1/budgets/$DEPT1/$FY/imports" zfw
  jobs0="$(jq -r 'length' "$BODY" 2>/dev/null)"
  # the import: every hostile file
  for f in bomb.xlsx lyingbomb.xlsx xxe.xlsx truncated.xlsx legacy.xls encrypted.xlsx gbk.csv big5.csv empty.csv bomb.docx; do
    req POST "$BUDGET/api/v1/budgets/$DEPT1/$FY/imports" zfw -F "file=@$WORK/files/$f"
    ops=$((ops + 1))
    note "import $f: $STATUS $(jq -r '.code // .state // empty' "$BODY" 2>/dev/null) in ${TIME}s: $(jq -r '.detail // empty' "$BODY" 2>/dev/null | head -c 100)"
    if is5xx "$STATUS"; then errs=$((errs + 1)); echo "FAIL: import $f: $STATUS $(head -c 300 "$BODY")"
    elif [[ "$STATUS" != 4?? ]] || ! is_problem || [[ -z "$(jq -r '.detail // empty' "$BODY" 2>/dev/null)" ]]; then
      bad=$((bad + 1)); echo "FAIL: import $f: $STATUS $CTYPE, expected 4xx problem+json with a detail: $(head -c 300 "$BODY")"
    fi
    grep -q 'root:' "$BODY" && { leaks=$((leaks + 1)); echo "LEAK: import $f answered with /etc/passwd"; }
  done
  # the checker
  for f in bomb.docx lyingbomb.docx xxe.docx truncated.docx encrypted.docx legacy.xls gbk.txt big5.txt empty.txt bomb.xlsx; do
    ctype=application/octet-stream
    [[ "$f" == *.docx ]] && ctype=application/vnd.openxmlformats-officedocument.wordprocessingml.document
    [[ "$f" == *.txt ]] && ctype='text/plain'
    tok zfw >/dev/null
    REQ_TIMEOUT="$CHECK_TIMEOUT" req POST "$REPORT/api/v1/checks" zfw -H 'Expect:' -H "Content-Type: $ctype" --data-binary @"$WORK/files/$f"
    ops=$((ops + 1))
    note "check $f: $STATUS $(jq -r '.code // .format // empty' "$BODY" 2>/dev/null) in ${TIME}s: $(jq -r '.detail // empty' "$BODY" 2>/dev/null | head -c 100)"
    if is5xx "$STATUS"; then errs=$((errs + 1)); echo "FAIL: check $f: $STATUS after ${TIME}s $(head -c 300 "$BODY")"; continue; fi
    if ! awk -v t="$TIME" 'BEGIN {exit !(t <= 2.0)}'; then bad=$((bad + 1)); echo "FAIL: check $f: $STATUS after ${TIME}s (limit 2 s)"; fi
    grep -q 'root:' "$BODY" && { leaks=$((leaks + 1)); echo "LEAK: check $f answered with /etc/passwd"; }
    case "$f" in
      gbk.txt) [[ "$STATUS" == 200 ]] || { bad=$((bad + 1)); echo "FAIL: check $f (GBK text is documented as accepted): $STATUS $(head -c 300 "$BODY")"; } ;;
      big5.txt) [[ "$STATUS" == 200 ]] || { [[ "$STATUS" == 4?? ]] && is_problem; } ||
        { bad=$((bad + 1)); echo "FAIL: check $f: $STATUS $CTYPE $(head -c 300 "$BODY")"; } ;;
      *) if [[ "$STATUS" != 4?? ]] || ! is_problem || [[ -z "$(jq -r '.detail // empty' "$BODY" 2>/dev/null)" ]]; then
           bad=$((bad + 1)); echo "FAIL: check $f: $STATUS $CTYPE, expected 4xx problem+json with a detail: $(head -c 300 "$BODY")"
         fi ;;
    esac
  done
  req GET "$BUDGET/api/v1/budgets/$DEPT1/$FY/imports" zfw
  jobs1="$(jq -r 'length' "$BODY" 2>/dev/null)"
  after="$(state_of "$DEPT1" "$FY" zfw)"
  if [[ "$jobs0" != "$jobs1" ]]; then leaks=$((leaks + 1)); echo "LEAK: import jobs of DEPT1 $FY: $jobs0 -> $jobs1 (a hostile file became a job)"; fi
  if [[ "$before" != "$after" ]]; then leaks=$((leaks + 1)); echo "LEAK: DEPT1 $FY changed: $before -> $after"; fi
  ready 9081 10 && ready 9083 10 || { bad=$((bad + 1)); echo "FAIL: a service is not ready after the files"; }
  ((errs + bad + leaks == 0)) || ok=0
  row files "$ops" - - "$errs" "$leaks" "$ok"
}

# ------------------------------------------------------------ 9. every event delivered twice
# Every record the three topics hold is produced again, same partition, key, value and headers, by
# devstack's RedeliverMain while every service runs (copies on the topic rather than rewound group
# offsets: a rewind needs the group empty, i.e. its service stopped, so duplicates would only ever meet
# a cold start; copies meet the running consumers, and each event reaches every group that reads its
# topic twice). What a doubled apply would change is captured before and after: the three change
# feeds (every item, per type, department and year), and per department-year the suite wrote the
# budget revision, audit rows, evaluation revision, report sheet/score revisions and filing versions.
DEVSTACK_CP="$REPO/devstack/target/classes:$REPO/devstack/target/lib/*"

feed_counts() { # feed_counts SERVICE-PATH: "feed.PATH.TYPE.DEPT.YEAR COUNT" over the whole change feed
  local url="$(service_of "/api/v1/$1")/api/v1/$1/changes?limit=500" cursor=""
  local -a page
  while true; do
    req GET "$url${cursor:+&cursor=$cursor}" reviewer
    [[ "$STATUS" == 200 ]] || { echo "feed.$1 status $STATUS"; return 1; }
    # one jq a page: the items' keys, then "NEXT cursor" (empty on the last page)
    mapfile -t page < <(jq -r '(.items[] | "\(.type).\(.departmentId).\(.fiscalYear)"), "NEXT \(if .hasMore then .nextCursor else "" end)"' "$BODY")
    ((${#page[@]} > 1)) && printf '%s\n' "${page[@]:0:${#page[@]}-1}"
    cursor="${page[-1]#NEXT }"
    [[ "${page[-1]}" == NEXT* && -n "$cursor" ]] || break
  done | sort | uniq -c | awk -v s="$1" '{print "feed." s "." $2, $1}'
}

# dd_state: one "key value status" line per thing a doubled apply would change (sorted): the three change
# feeds (per type, department and year), the parked and dead-lettered events, and per department-year the
# suite wrote the budget revision, audit rows, evaluation revision, report sheet/score revisions and filing
# versions. The single reads go through one curl (dd_reads) and one jq: with a curl and a jq per value, a
# reading took about 7 s on the 2-core CI machine and the row 40-60 s.
dd_state() {
  local d y part="$WORK/dd.parts" s
  rm -rf "$part" && mkdir -p "$part/b"
  tok reviewer && tok admin # fresh tokens before the feeds fork: they share them instead of logging in each
  for s in budgets evaluations filings; do
    (BODY="$WORK/body.$BASHPID"; feed_counts "$s" >"$part/feed.$s") &
  done
  : >"$part/want"
  for s in budgets evaluations reports; do
    echo "admin $(service_of "/api/v1/$s")/api/v1/$s/admin/events/parked parked~$s" >>"$part/want"
    echo "admin $(service_of "/api/v1/$s")/api/v1/$s/admin/events/dead-letters dead-letters~$s" >>"$part/want"
  done
  for d in "$DEPT1" "$DEPT2" ${FD[@]+"${FD[@]}"}; do
    for y in 2017 2018 2019; do
      [[ "$d" == "$DEPT1" || "$d" == "$DEPT2" ]] && [[ "$y" != "$FY" ]] && continue
      printf 'reviewer %s %s~%s~%s\n' "$BUDGET/api/v1/budgets/$d/$y" budget "$d" "$y" \
        "$BUDGET/api/v1/budgets/$d/$y/audit" audit "$d" "$y" "$EVALUATION/api/v1/evaluations/$d/$y" evaluation "$d" "$y" \
        "$REPORT/api/v1/reports/$d/$y" report "$d" "$y" "$REPORT/api/v1/filings/$d/$y" filing "$d" "$y" >>"$part/want"
    done
  done
  dd_reads "$part/want" "$part/b" >"$part/status"
  dd_values "$part/b" "$part/status" >"$part/values"
  wait
  cat "$part"/feed.* "$part/values" | sort
}

# dd_reads WANT DIR: every "WHO URL NAME" line of WANT read into DIR/NAME by one curl, 6 transfers at a time
# over kept-alive connections; prints "STATUS DIR/NAME" per read. A 429 is read again after a second (the
# rate limit is not what this row tests).
dd_reads() {
  local want="$1" dir="$2" round who url name cfg="$2/../reads.cfg" pending="$2/../pending"
  cp "$want" "$pending"
  for round in 1 2 3 4 5 6 7 8; do
    : >"$cfg"
    for who in admin reviewer; do
      grep -q "^$who " "$pending" || continue
      tok "$who"
      [[ -s "$cfg" ]] && echo next >>"$cfg"
      printf '%s\n' silent show-error 'max-time = 30' 'write-out = "%{http_code} %{filename_effective}\\n"' \
        'header = "Accept: application/json, application/problem+json"' "header = \"Authorization: Bearer $TOKEN\"" >>"$cfg"
      while read -r _ url name; do printf 'url = "%s"\noutput = "%s"\n' "$url" "$dir/$name" >>"$cfg"; done < <(grep "^$who " "$pending")
    done
    curl -s -Z --parallel-max 6 -K "$cfg" 2>/dev/null >"$cfg.out"
    grep -v '^429 ' "$cfg.out"
    grep '^429 ' "$cfg.out" | while read -r _ name; do grep " ${name##*/}\$" "$want"; done >"$pending"
    [[ -s "$pending" ]] || break
    RATE_LIMITED=$((RATE_LIMITED + $(wc -l <"$pending")))
    sleep 1
  done
  while read -r _ _ name; do echo "429 $dir/$name"; done <"$pending" # still refused after the last round
}

# dd_values DIR STATUSES: the state's lines of the reads; the answers that are not 200 give "-" and their status
dd_values() {
  local dir="$1" st path name kind a b
  local -a ok=()
  while read -r st path; do
    if [[ "$st" == 200 ]]; then ok+=("$path"); continue; fi
    name="${path##*/}"
    IFS='~' read -r kind a b <<<"$name"
    case "$kind" in
      parked | dead-letters) echo "$kind.$a - $st" ;;
      budget) echo "budget.revision.$a.$b - $st" ;;
      audit) echo "budget.audit.$a.$b - $st" ;;
      evaluation) echo "evaluation.revision.$a.$b - $st" ;;
      report) printf 'report.%s.%s.%s - %s\n' sheetRevision "$a" "$b" "$st" scoreRevision "$a" "$b" "$st" ;;
      filing) printf 'filing.%s.%s.%s - %s\n' versions "$a" "$b" "$st" status "$a" "$b" "$st" ;;
    esac
  done <"$2"
  ((${#ok[@]})) || return 0
  jq -r '(input_filename | split("/") | last | split("~")) as [$k, $a, $b]
    | def n: if type == "array" then length else (.items // []) | length end;
    if $k == "parked" or $k == "dead-letters" then "\($k).\($a) \(n) 200"
    elif $k == "budget" then "budget.revision.\($a).\($b) \(.revision // "-") 200"
    elif $k == "audit" then "budget.audit.\($a).\($b) \(n) 200"
    elif $k == "evaluation" then "evaluation.revision.\($a).\($b) \(.revision // "-") 200"
    elif $k == "report" then "report.sheetRevision.\($a).\($b) \(.sheetRevision // "-") 200",
      "report.scoreRevision.\($a).\($b) \(.scoreRevision // "-") 200"
    elif $k == "filing" then "filing.versions.\($a).\($b) \((.versions // []) | length) 200",
      "filing.status.\($a).\($b) \(.status // "-") 200"
    else empty end' "${ok[@]}"
}

# settled FILE: dd_state until two readings 3 s apart agree (at most CONVERGE seconds)
settled() {
  local start=$SECONDS
  dd_state >"$1"
  while ((SECONDS - start < CONVERGE)); do
    sleep 3
    dd_state >"$1.next"
    cmp -s "$1" "$1.next" && { rm -f "$1.next"; return 0; }
    mv "$1.next" "$1"
  done
  return 1
}

scenario_dupdelivery() {
  local ok=1 bad=0 lost=0 doubled=0 errs=0 n total rc
  settled "$WORK/dd.before" || { bad=$((bad + 1)); echo "FAIL: the state did not settle within ${CONVERGE}s before the redelivery"; }
  note "before: $(wc -l <"$WORK/dd.before") values ($(grep -c '^feed\.' "$WORK/dd.before") feed counters)"
  local t0=$SECONDS
  java -cp "$DEVSTACK_CP" io.jixiao.devstack.RedeliverMain --bootstrap "${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}" \
    --topics budget.events,evaluation.events,report.events --groups budget-service,evaluation-service,report-service \
    --wait-seconds "$CONVERGE" >"$WORK/dd.out" 2>"$WORK/dd.err"
  rc=$?
  total="$(sed -n 's/^REDELIVERED total=//p' "$WORK/dd.out")"
  note "redelivered in $((SECONDS - t0))s (exit $rc): $(grep -h '^REDELIVERED topic\|^CAUGHT-UP\|^BEHIND' "$WORK/dd.out" | sed 's/^REDELIVERED //' | paste -sd ';' | sed 's/;/; /g')"
  if ((rc != 0)); then bad=$((bad + 1)); echo "FAIL: RedeliverMain exit $rc: $(tail -n 5 "$WORK/dd.err")"; fi
  if [[ ! "$total" =~ ^[0-9]+$ ]] || ((total == 0)); then bad=$((bad + 1)); echo "FAIL: nothing was redelivered"; total=0; fi
  settled "$WORK/dd.after" || { bad=$((bad + 1)); echo "FAIL: the state did not settle within ${CONVERGE}s after the redelivery"; }
  # compare: a counter or revision that grew is a doubled apply, one that shrank or vanished is lost
  local k v s k2 v2 s2
  while read -r k v s; do
    read -r k2 v2 s2 <<<"$(grep -F -m1 "$k " "$WORK/dd.after")"
    [[ "$k2" == "$k" ]] || { v2=0 s2=gone; }
    [[ "$v $s" == "$v2 $s2" ]] && continue
    if [[ "$v" =~ ^[0-9]+$ && "$v2" =~ ^[0-9]+$ && "$s" == "$s2" ]]; then
      if ((v2 > v)); then doubled=$((doubled + v2 - v)); echo "DOUBLED: $k $v -> $v2"; else lost=$((lost + v - v2)); echo "LOST: $k $v -> $v2"; fi
    else
      bad=$((bad + 1)); echo "FAIL: $k changed: $v ($s) -> $v2 ($s2)"
    fi
  done <"$WORK/dd.before"
  while read -r k v s; do # new keys: a feed item of a new kind is a doubled apply
    grep -qF -m1 "$k " "$WORK/dd.before" && continue
    doubled=$((doubled + ${v//[!0-9]/}+0)); echo "DOUBLED: $k new: $v"
  done <"$WORK/dd.after"
  errs="$(cat "$WORK/dd.before" "$WORK/dd.after" | awk '$3 ~ /^5|^000/' | wc -l)"
  note "state: $(wc -l <"$WORK/dd.after") values compared; doubled $doubled, lost $lost"
  ((errs + bad + lost + doubled == 0)) || ok=0
  row dupdelivery "$total" "$lost" "$doubled" "$errs" "$bad" "$ok"
}

main() {
  echo "fault-suite: budget $BUDGET, evaluation $EVALUATION, report $REPORT, Keycloak $KC, JIXIAO_HOME $JIXIAO_HOME"
  local s t0
  if [[ " $SCENARIOS " =~ \ (concurrent|broker|kill|database|submitrace|killimport|dupdelivery|scaleout)\  ]]; then
    onboard || return 1
  fi
  for s in $SCENARIOS; do
    t0=$SECONDS
    echo "== $s"
    "scenario_$s"
    note "$s took $((SECONDS - t0))s"
  done
  # the scripts after this one need the whole stack back (with FAULT_SCALEOUT_RESTORE=0 the second instances
  # serve instead, on their own ports)
  local p healthy=1 ports=(9081 9082 9083)
  [[ "${FAULT_SCALEOUT_RESTORE:-1}" == 0 && " $SCENARIOS " == *" scaleout "* ]] && ports=(9281 9282 9283)
  for p in "${ports[@]}"; do ready "$p" 120 || { healthy=0; echo "FAIL: the service on management port $p is not ready after the suite"; }; done
  echo
  printf '%-12s| %10s | %5s | %7s | %5s | %5s | %s\n' scenario operations lost doubled 5xx leaks result
  printf '%s\n' "${TABLE[@]}"
  note "(rate-limited answers waited out: $RATE_LIMITED; total ${SECONDS}s)"
  local r
  for r in "${TABLE[@]}"; do [[ "$r" == *PASS ]] || return 1; done
  ((${#TABLE[@]} > 0 && healthy))
}
main
