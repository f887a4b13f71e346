#!/usr/bin/env bash
# End-to-end REST check of the first slice against the running local stack, with real Keycloak
# tokens: password grant (client jixiao-cli) for zfw and jyj, client credentials for finance-api.
# Endpoint shapes: docs/contracts.md. Needs curl and jq.
#
#   deploy/e2e/rest-slice.sh
#
# Secrets come from the environment or from ${JIXIAO_HOME:-<repo>/.run}/secrets.env.
# Overridable: JIXIAO_KEYCLOAK_URL, JIXIAO_BUDGET_URL, JIXIAO_EVALUATION_URL, JIXIAO_REPORT_URL,
# JIXIAO_E2E_WAIT_SECONDS (how long the downstream views may take, default 30).
set -euo pipefail

# shellcheck source=deploy/e2e/lib/common.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.bash"

echo "rest-slice: Keycloak $KC, budget $BUDGET, evaluation $EVALUATION, report $REPORT"

# ------------------------------------------------------------------------------------------ tokens
ZFW="$(password_token zfw)" && pass "token for zfw (password grant, jixiao-cli)" || fail "no token for zfw"
JYJ="$(password_token jyj)" && pass "token for jyj (password grant, jixiao-cli)" || fail "no token for jyj"
FIN="$(token -d grant_type=client_credentials -d client_id=finance-api \
  --data-urlencode "client_secret=$JIXIAO_FINANCE_API_SECRET")" &&
  pass "token for finance-api (client credentials)" || fail "no token for finance-api"
if ((failed)); then
  echo "rest-slice: $passed passed, $failed failed (no tokens, nothing else checked)"
  exit 1
fi

# The sample's 2020 is submitted and approved by the Playwright year walk (its figures are locked), so
# the slice enters the sample's 基本支出 figures into a year of its own.
YEAR=2022
BASIC="$BUDGET/api/v1/budgets/$DEPT1/$YEAR/basic-expenditure"

# ----------------------------------------------------------------------------- 1. unauthenticated
call GET "$BUDGET/api/v1/departments" ""
[[ "$STATUS" == 401 ]] && pass "GET /api/v1/departments without a token -> 401" ||
  fail "GET /api/v1/departments without a token: expected 401, got $STATUS"

# ------------------------------------------------------------------ 2. zfw saves basic expenditure
call GET "$BASIC" "$ZFW"
version=null
case "$STATUS" in
  200) version="$(jq -c '.version' "$BODY")" ;;
  404) version=null ;;
  *) fail "GET basic-expenditure as zfw: expected 200 or 404, got $STATUS" ;;
esac
# Saving the same figures again may not make a new version; a different save first makes sure the
# downstream views below have to be recomputed from a version made by this run.
if [[ "$STATUS" == 200 ]] && body_is '.budget == "6378800.00" and .actual == "6991300.00"'; then
  prime="$(jq -cn --argjson v "$version" '{budget: "6378800.00", actual: "6991200.00", version: $v}')"
  call PUT "$BASIC" "$ZFW" "$prime"
  if [[ "$STATUS" == 200 ]]; then
    version="$(jq -c '.version' "$BODY")"
  else
    fail "PUT basic-expenditure as zfw $prime (a different value first): expected 200, got $STATUS"
  fi
fi
payload="$(jq -cn --argjson v "$version" '{budget: "6378800.00", actual: "6991300.00", version: $v}')"
call PUT "$BASIC" "$ZFW" "$payload"
saved_version=""
if [[ "$STATUS" == 200 ]]; then
  saved_version="$(jq -r '.version // empty' "$BODY")"
  pass "PUT basic-expenditure $YEAR as zfw $payload -> 200 (version $saved_version)"
  body_is '.budget == "6378800.00" and .actual == "6991300.00"' &&
    pass "saved figures echoed: budget 6378800.00, actual 6991300.00" ||
    fail "PUT response does not echo budget/actual as decimal strings"
  body_is '.executionRate == "109.60"' && pass "executionRate 109.60" ||
    fail "PUT response: expected executionRate \"109.60\""
else
  fail "PUT basic-expenditure $YEAR as zfw $payload: expected 200, got $STATUS"
fi
put_done=$SECONDS

# ------------------------------------------------------- 3. and 4. downstream views (via Kafka)
# Fresh = computed from the version just saved (or a later one).
FRESH='((.sourceVersion | tostring) == $v) or (((.sourceVersion | tonumber?) // -1) >= (($v | tonumber?) // infinite))'

await_view() { # name url jq-condition
  local name="$1" url="$2" cond="$3"
  while true; do
    call GET "$url" "$ZFW"
    if [[ "$STATUS" == 200 ]] && jq -e --arg v "$saved_version" "($FRESH) and ($cond)" "$BODY" >/dev/null 2>&1; then
      pass "$name (after $((SECONDS - put_done))s)"
      return
    fi
    if ((SECONDS - put_done >= WAIT_SECONDS)); then
      local last="$STATUS"
      [[ "$STATUS" == 000 ]] && last="none, $CTYPE"
      fail "$name: not there ${WAIT_SECONDS}s after the save (last answer: $last)"
      return
    fi
    sleep 1
  done
}

if [[ -n "$saved_version" ]]; then
  await_view "evaluation $DEPT1/$YEAR shows indicator value 109.60" \
    "$EVALUATION/api/v1/evaluations/$DEPT1/$YEAR" 'any(.indicators[]?; .code == "basic-completion-rate" and .value == "109.60")'
  await_view "report section basic-expenditure has figures.varianceWan 61.25" \
    "$REPORT/api/v1/reports/$DEPT1/$YEAR/sections/basic-expenditure" '.figures.varianceWan == "61.25"'
else
  fail "evaluation and report views not checked: the save failed"
fi

# ------------------------------------------------------------------------- 5. department isolation
call GET "$BASIC" "$JYJ"
[[ "$STATUS" == 403 || "$STATUS" == 404 ]] && pass "jyj reading zfw's basic-expenditure -> $STATUS" ||
  fail "jyj reading zfw's basic-expenditure: expected 403 or 404, got $STATUS"

call GET "$BUDGET/api/v1/departments" "$ZFW"
if [[ "$STATUS" == 200 ]] && body_is --arg d "$DEPT1" 'length == 1 and .[0].id == $d'; then
  pass "zfw lists departments -> only its own"
else
  fail "zfw lists departments: expected 200 with only $DEPT1, got $STATUS"
fi

# ------------------------------------------------------------------------------- 6. validation
neg="$(jq -cn --argjson v "${saved_version:-null}" '{budget: "-1.00", actual: "6991300.00", version: $v}')"
call PUT "$BASIC" "$ZFW" "$neg"
if [[ "$STATUS" == 400 && "$CTYPE" == application/problem+json* ]] && body_is '.errors[0].field | type == "string" and length > 0'; then
  pass "negative budget -> 400 application/problem+json, errors[0].field = $(jq -r '.errors[0].field' "$BODY")"
else
  fail "negative budget: expected 400 application/problem+json with errors[0].field, got $STATUS $CTYPE"
fi

# ------------------------------------------------------------------------------- 7. machine client
call GET "$BUDGET/api/v1/departments" "$FIN"
if [[ "$STATUS" == 200 ]] && body_is --arg a "$DEPT1" --arg b "$DEPT2" '([.[].id] | index($a) != null and index($b) != null)'; then
  pass "finance-api lists departments -> 200 with both demo departments"
else
  fail "finance-api lists departments: expected 200 with $DEPT1 and $DEPT2, got $STATUS"
fi

echo "rest-slice: $passed passed, $failed failed"
((failed == 0))
