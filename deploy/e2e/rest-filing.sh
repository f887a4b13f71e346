#!/usr/bin/env bash
# End-to-end REST walk of a filing across all three services with real tokens, on the demo data of
# a fresh stack (up.sh with JIXIAO_DEMO=true): jyj (望城区教育局) writes the narrative and submits its
# 2020 filing; budget-service locks the figures; the reviewer returns it with a comment (unlocked);
# jyj corrects a figure and resubmits; the reviewer approves; finance-api reads the result.
# Runs once per stack (an approved filing cannot be submitted again).
set -euo pipefail
# shellcheck source=deploy/e2e/lib/common.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.bash"

D="$DEPT2"
FILING="$REPORT/api/v1/filings/$D/$YEAR"
SHEET="$BUDGET/api/v1/budgets/$D/$YEAR"

# await DESCRIPTION URL TOKEN JQ-FILTER: polls until the filter holds (or WAIT_SECONDS pass).
await() {
  local what="$1" url="$2" tok="$3" filter="$4" start=$SECONDS
  while ((SECONDS - start < WAIT_SECONDS)); do
    call GET "$url" "$tok"
    if [[ "$STATUS" == 200 ]] && body_is "$filter"; then
      pass "$what (after $((SECONDS - start))s)"
      return 0
    fi
    sleep 1
  done
  fail "$what: not within ${WAIT_SECONDS}s (last $STATUS)"
  return 1
}

expect() { # expect CODE DESCRIPTION [JQ-FILTER]
  local code="$1" what="$2" filter="${3:-true}"
  if [[ "$STATUS" == "$code" ]] && body_is "$filter"; then pass "$what -> $code"; else fail "$what: expected $code, got $STATUS"; fi
}

# submit answers 200 SUBMITTED when budget and evaluation confirmed their locks within its wait, else
# 202 SUBMITTING (locked in report already); then the filing becomes SUBMITTED when both confirm.
submit() { # submit DESCRIPTION VERSIONS
  call POST "$FILING/submit" "$JYJ"
  if [[ "$STATUS" == 202 ]]; then
    expect 202 "$1 (SUBMITTING)" '.status == "SUBMITTING"'
    await "$1: both services confirmed their locks" "$FILING" "$JYJ" ".status == \"SUBMITTED\" and (.versions | length) == $2"
  else
    expect 200 "$1" ".status == \"SUBMITTED\" and (.versions | length) == $2"
  fi
}

echo "rest-filing: Keycloak $KC, budget $BUDGET, report $REPORT"
JYJ="$(password_token jyj)" && REVIEWER="$(password_token reviewer)" && FIN="$(token -d grant_type=client_credentials \
  -d client_id=finance-api --data-urlencode "client_secret=$JIXIAO_FINANCE_API_SECRET")" || {
  fail "tokens"
  exit 1
}

await "demo figures and score of $D/$YEAR reached the report" "$REPORT/api/v1/reports/$D/$YEAR" "$JYJ" \
  '.scoreRevision != null and .sheetRevision >= 1' || exit 1

call GET "$REPORT/api/v1/reports/$D/$YEAR/narrative" "$JYJ"
NV="$(jq -r '.version // "null"' "$BODY")"
call PUT "$REPORT/api/v1/reports/$D/$YEAR/narrative" "$JYJ" "$(jq -nc --argjson v "$NV" '{
  goals: "全年绩效目标：义务教育均衡发展，校舍安全达标。",
  achievements: "义务教育公用经费全部按标准拨付到校。\n\n完成校舍维修改造项目 12 个。",
  problems: [{text: "部分维修工程跨年实施，资金结转较多。", cause: null}],
  measures: [{text: "提前做好工程前期工作，按进度拨付资金。", problemRef: 1}], other: "", version: $v}')"
expect 200 "jyj saves the narrative"

call GET "$REPORT/api/v1/reports/$D/$YEAR" "$JYJ"
expect 200 "the generated report has no fatal finding" '.fatal == 0'
[[ "$STATUS" == 200 ]] && ! body_is '.fatal == 0' && echo "      findings: $(jq -c '[.findings[] | select(.severity=="FATAL") | .message]' "$BODY")"

submit "jyj submits the 2020 filing" 1
await "budget-service locked the figures" "$SHEET" "$JYJ" '.locked == true'

call GET "$SHEET" "$JYJ"
STAFF_V="$(jq -r '.staffing.version' "$BODY")"
STAFF="$(jq -c '.staffing | {authorizedPosts, staffInPost, retiredSoldiers, temporaryStaff, secondedStaff, retirees}' "$BODY")"
call PUT "$SHEET/staffing" "$JYJ" "$(jq -c --argjson v "$STAFF_V" '. + {retirees: (.retirees + 1), version: $v}' <<<"$STAFF")"
expect 409 "a write while submitted is refused" '.code == "filing.locked"'

call POST "$FILING/approve" "$JYJ" '{}'
expect 403 "a department cannot approve its own filing"
call POST "$FILING/return" "$REVIEWER" '{"comment":"请核实离退休人员数"}'
expect 200 "the reviewer returns it with a comment" '.status == "RETURNED"'
await "budget-service unlocked the figures" "$SHEET" "$JYJ" '.locked == false'

call PUT "$SHEET/staffing" "$JYJ" "$(jq -c --argjson v "$STAFF_V" '. + {retirees: (.retirees + 1), version: $v}' <<<"$STAFF")"
expect 200 "jyj corrects the retirees" ".staffing.retirees == $(jq '.retirees + 1' <<<"$STAFF")"
REV="$(jq -r '.revision' "$BODY")"
await "the report reflects the correction" "$REPORT/api/v1/reports/$D/$YEAR" "$JYJ" ".sheetRevision >= $REV"

submit "jyj resubmits" 2
call POST "$FILING/approve" "$REVIEWER" '{"comment":"同意"}'
expect 200 "the reviewer approves" '.status == "APPROVED"'

call GET "$FILING" "$FIN"
expect 200 "finance-api reads the approved filing and its history" \
  '.status == "APPROVED" and ([.history[].step] == ["SUBMITTED","RETURNED","SUBMITTED","APPROVED"])'
await "finance-api sees the figures locked in the year overview" "$BUDGET/api/v1/budgets?fiscalYear=$YEAR" "$FIN" \
  "any(.items[]; .departmentId == \"$D\" and .locked == true)"

echo "rest-filing: $passed passed, $failed failed"
((failed == 0))
