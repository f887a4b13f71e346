#!/usr/bin/env bash
# End-to-end check of the bureau's API contract (issue 7) against the running stack, through the one
# origin an integrator uses (the SPA on 8080, which routes /api/v1 to the services):
# the example client pulls a year; pagination, Link, ETag/304, refusals of bad input, the change feed
# while a clerk keeps saving, and the rate limit with 429 + Retry-After (last: it drains the bucket).
set -euo pipefail
# shellcheck source=deploy/e2e/lib/common.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.bash"
API="${JIXIAO_API_URL:-http://127.0.0.1:8080}"

expect() { # expect CODE DESCRIPTION [JQ-FILTER]
  local code="$1" what="$2" filter="${3:-true}"
  if [[ "$STATUS" == "$code" ]] && body_is "$filter"; then pass "$what -> $code"; else fail "$what: expected $code, got $STATUS"; fi
}

echo "bureau-api: API $API, Keycloak $KC"
FIN="$(token -d grant_type=client_credentials -d client_id=finance-api \
  --data-urlencode "client_secret=$JIXIAO_FINANCE_API_SECRET")" && ZFW="$(password_token zfw)" || {
  fail "tokens"
  exit 1
}

# 1. The example client pulls the demo year of every department.
if out="$(JIXIAO_API_URL="$API" "$REPO/deploy/examples/pull-year.sh" "$YEAR" "$WORK/pull" 2>&1)"; then
  echo "$out" | sed 's/^/      /'
  n="$(wc -l <"$WORK/pull/budgets.ndjson")"
  if ((n >= 7)) && grep -q "$DEPT1" "$WORK/pull/budgets.ndjson"; then pass "example client pulled $n departments of $YEAR"; else fail "example client pulled $n departments"; fi
  if head -c 3 "$WORK/pull/budget-lines.csv" | od -An -tx1 | grep -q "ef bb bf"; then pass "CSV export starts with a UTF-8 BOM"; else fail "CSV export has no BOM"; fi
  if [[ -s "$WORK/pull/budgets-changes.ndjson" ]]; then pass "budget change feed returned the demo year's changes"; else fail "budget change feed empty"; fi
else
  echo "$out" | sed 's/^/      /'
  fail "example client failed"
fi

# 2. Pagination: page size 1 walks the same departments as one big page, in the same order, with Link.
call GET "$API/api/v1/budgets?fiscalYear=$YEAR&limit=500" "$FIN"
all="$(jq -c '[.items[].departmentId]' "$BODY")"
walked="[]"
cursor=""
links=0
for _ in $(seq 1 50); do
  hdr="$WORK/h"
  curl -sS -m 20 -D "$hdr" -o "$BODY" -H "Authorization: Bearer $FIN" \
    "$API/api/v1/budgets?fiscalYear=$YEAR&limit=1${cursor:+&cursor=$cursor}"
  walked="$(jq -c --argjson w "$walked" '$w + [.items[].departmentId]' "$BODY")"
  cursor="$(jq -r '.nextCursor // empty' "$BODY")"
  grep -qi '^link: <.*cursor=.*>; rel="next"' "$hdr" && links=$((links + 1))
  [[ -n "$cursor" ]] || break
done
if [[ "$walked" == "$all" ]]; then pass "limit=1 pages walk the same $(jq length <<<"$all") departments as one page"; else fail "paging differs: $walked vs $all"; fi
if ((links == $(jq length <<<"$all") - 1)); then pass "every page but the last has a Link rel=next ($links)"; else fail "Link headers: $links"; fi

# 2b. Sorting and updatedSince: newest change first, pages of 2 in the same order as one page.
call GET "$API/api/v1/budgets?fiscalYear=$YEAR&limit=500&sort=-updatedAt" "$FIN"
newest="$(jq -c '[.items[].departmentId]' "$BODY")"
# seconds with the fraction, never-changed (null) as -1; text order would misplace ".45Z" vs ".458Z"
ordered="$(jq -c 'def ts: if . == null then -1 else (sub("\\.[0-9]+"; "") | fromdateiso8601)
  + ((capture("\\.(?<f>[0-9]+)").f // "0") | "0." + . | tonumber) end;
  [.items[].updatedAt | ts] as $t | $t == ($t | sort | reverse)' "$BODY")"
walked="[]"
cursor=""
for _ in $(seq 1 50); do
  call GET "$API/api/v1/budgets?fiscalYear=$YEAR&limit=2&sort=-updatedAt${cursor:+&cursor=$cursor}" "$FIN"
  walked="$(jq -c --argjson w "$walked" '$w + [.items[].departmentId]' "$BODY")"
  cursor="$(jq -r '.nextCursor // empty' "$BODY")"
  [[ -n "$cursor" ]] || break
done
if [[ "$ordered" == true && "$walked" == "$newest" ]]; then pass "sort=-updatedAt: newest first, pages of 2 in the same order"; else fail "sort=-updatedAt: ordered=$ordered, $walked vs $newest"; fi
call GET "$API/api/v1/budgets?fiscalYear=$YEAR&updatedSince=2999-01-01" "$FIN"
expect 200 "updatedSince in the future: nothing changed since" '.items | length == 0'
call GET "$API/api/v1/budgets?fiscalYear=$YEAR&sort=budget" "$FIN"
expect 400 "unknown sort" '.errors[0].field == "sort"'

# 3. ETag / If-None-Match.
curl -sS -m 20 -D "$WORK/h" -o /dev/null -H "Authorization: Bearer $FIN" "$API/api/v1/budgets/$DEPT1/$YEAR"
etag="$(awk 'tolower($1)=="etag:" {sub(/\r$/, ""); print $2}' "$WORK/h")"
code="$(curl -sS -m 20 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $FIN" -H "If-None-Match: $etag" \
  "$API/api/v1/budgets/$DEPT1/$YEAR")"
if [[ -n "$etag" && "$code" == 304 ]]; then pass "unchanged sheet answers 304 to If-None-Match $etag"; else fail "ETag '$etag' then $code"; fi

# 4. Bad input: clear problems, nothing leaked.
call GET "$API/api/v1/budgets?fiscalYear=$YEAR&cursor=%25%25%25" "$FIN"
expect 400 "invalid cursor" '.errors[0].field == "cursor"'
call GET "$API/api/v1/budgets?fiscalYear=$YEAR&limit=0" "$FIN"
expect 400 "page size 0" '.errors[0].field == "limit"'
call GET "$API/api/v1/budgets?fiscalYear=$YEAR&limit=100000" "$FIN"
expect 400 "page size 100000" '.errors[0].field == "limit"'
# a value its parameter cannot take, in each service: 400 at the parameter (JAX-RS' own answer is a 404)
call GET "$API/api/v1/budgets?fiscalYear=abc" "$FIN"
expect 400 "a year that is no number (budgets)" '.code == "query.invalid" and .errors[0].field == "fiscalYear"'
call GET "$API/api/v1/evaluations/changes?fiscalYear=$YEAR&limit=1e3" "$FIN"
expect 400 "a page size that is no whole number (evaluation changes)" '.errors[0].field == "limit"'
call GET "$API/api/v1/reports/summary?fiscalYear=20x0" "$FIN"
expect 400 "a year that is no number (district summary)" '.errors[0].field == "fiscalYear"'
call GET "$API/api/v1/budgets?fiscalYear=$YEAR&jurisdicton=x" "$FIN"
expect 400 "unknown filter (misspelt)" '.errors[0].field == "jurisdicton"'
call GET "$API/api/v1/evaluations/changes?departmentId=$DEPT2" "$ZFW"
expect 403 "a department user asking another department's changes" '.status == 403'
call GET "$API/api/v1/budgets?fiscalYear=$YEAR" "not.a.token"
if [[ "$STATUS" == 401 ]]; then pass "a malformed token -> 401"; else fail "malformed token: $STATUS"; fi
call GET "$API/api/v1/budgets/$DEPT2/$YEAR" "$ZFW"
expect 403 "zfw reading another department's sheet" '.status == 403 and (has("items") | not)'

# 5. The change feed while a clerk keeps saving: every save appears once. In 2023, a year without demo
# data (the demo district's 2020 and 2021 stay as up.sh loaded them).
F2023="$API/api/v1/budgets/changes?type=BudgetFiguresChanged&departmentId=$DEPT1&fiscalYear=2023&limit=500"
call GET "$F2023" "$FIN"
cursor="$(jq -r .nextCursor "$BODY")"
while [[ "$(jq -r .hasMore "$BODY")" == true ]]; do call GET "$F2023&cursor=$cursor" "$FIN"; cursor="$(jq -r .nextCursor "$BODY")"; done
call GET "$API/api/v1/budgets/$DEPT1/2023/basic-expenditure" "$ZFW"
v0="$(jq -r '.version // "null"' "$BODY" 2>/dev/null || echo null)"
(
  v="$v0"
  for i in $(seq 1 12); do
    resp="$(curl -sS -m 20 -X PUT -H "Authorization: Bearer $ZFW" -H 'Content-Type: application/json' \
      --data-binary "{\"budget\":\"$((5000 + i)).00\",\"actual\":\"4000.00\",\"version\":$v}" \
      "$API/api/v1/budgets/$DEPT1/2023/basic-expenditure")"
    v="$(jq -r '.version // "null"' <<<"$resp")"
  done
) &
writer=$!
seen="$WORK/seen"
: >"$seen"
while kill -0 "$writer" 2>/dev/null; do
  call GET "$F2023&limit=3&cursor=$cursor" "$FIN"
  jq -r '.items[].eventId' "$BODY" >>"$seen"
  cursor="$(jq -r .nextCursor "$BODY")"
done
wait "$writer"
for _ in $(seq 1 20); do
  call GET "$F2023&cursor=$cursor" "$FIN"
  jq -r '.items[].eventId' "$BODY" >>"$seen"
  cursor="$(jq -r .nextCursor "$BODY")"
  (($(wc -l <"$seen") >= 12)) && break
  sleep 0.5
done
if [[ "$(wc -l <"$seen")" == 12 && "$(sort -u "$seen" | wc -l)" == 12 ]]; then
  pass "12 concurrent saves seen exactly once each in the feed"
else
  fail "feed during writes: $(wc -l <"$seen") items, $(sort -u "$seen" | wc -l) distinct (expected 12)"
fi

# 6. Rate limit: a burst beyond the machine bucket gets 429 with Retry-After.
seq 1 200 | xargs -P 20 -I{} curl -sS -m 20 -o /dev/null -D - -H "Authorization: Bearer $FIN" \
  "$API/api/v1/budgets?fiscalYear=$YEAR" >"$WORK/burst" 2>/dev/null || true
n429="$(grep -c '^HTTP/1.1 429' "$WORK/burst" || true)"
retry="$(awk 'tolower($1)=="retry-after:" {print $2+0; exit}' "$WORK/burst")"
if ((n429 > 0)) && [[ -n "$retry" ]] && ((retry >= 1)); then
  pass "200 requests at once: $n429 refused with 429, Retry-After ${retry}s"
else
  fail "rate limit: $n429 responses 429, Retry-After '${retry}'"
fi
# Wait until the bucket answers again, so the next script's finance-api reads are not refused.
for _ in $(seq 1 60); do
  code="$(curl -sS -m 20 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $FIN" "$API/api/v1/budgets?fiscalYear=$YEAR")"
  [[ "$code" == 200 ]] && break
  sleep 0.5 # poll interval while the bucket refills
done

echo "bureau-api: $passed passed, $failed failed"
((failed == 0))
