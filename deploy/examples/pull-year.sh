#!/usr/bin/env bash
# Example machine client of the bureau's API (财政局接口): gets a client-credentials token and pulls
# one fiscal year of every department into a folder, then follows the change feeds so that the next
# run fetches only what changed. Plain curl + jq, so an integrator can read it in one sitting.
#
#   JIXIAO_FINANCE_API_SECRET=... deploy/examples/pull-year.sh 2020 ./pull-2020
#
# Environment (defaults are the local stack of deploy/local/up.sh, whose .run/secrets.env is read):
#   JIXIAO_API_URL        the API origin (default http://127.0.0.1:8080, the SPA, which routes /api/v1)
#   JIXIAO_KEYCLOAK_URL   Keycloak (default http://127.0.0.1:8180), realm jixiao
#   JIXIAO_CLIENT_ID      the machine client (default finance-api)
#   JIXIAO_FINANCE_API_SECRET  its secret
set -euo pipefail
YEAR="${1:?usage: pull-year.sh FISCAL_YEAR [OUT_DIR]}"
OUT="${2:-./pull-$YEAR}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
if [[ -z "${JIXIAO_FINANCE_API_SECRET:-}" && -r "${JIXIAO_HOME:-$REPO/.run}/secrets.env" ]]; then
  # shellcheck disable=SC1091
  source "${JIXIAO_HOME:-$REPO/.run}/secrets.env"
fi
: "${JIXIAO_FINANCE_API_SECRET:?set JIXIAO_FINANCE_API_SECRET (the finance-api client secret)}"
API="${JIXIAO_API_URL:-http://127.0.0.1:8080}"
KC="${JIXIAO_KEYCLOAK_URL:-http://127.0.0.1:8180}"
CLIENT="${JIXIAO_CLIENT_ID:-finance-api}"
mkdir -p "$OUT"

now_ms() { date +%s%3N; }
rate() { # rows millis
  if (($2 > 0)); then echo "$(($1 * 1000 / $2)) rows/s"; else echo "n/a"; fi
}

# 1. A token: OAuth 2.0 client credentials, audience jixiao-api, role finance-api (read-only).
TOKEN="$(curl -sS -f -m 20 "$KC/realms/jixiao/protocol/openid-connect/token" \
  -d grant_type=client_credentials -d "client_id=$CLIENT" --data-urlencode "client_secret=$JIXIAO_FINANCE_API_SECRET" |
  jq -er .access_token)"

# get URL FILE: one authorised GET; waits and retries when the rate limit answers 429 (Retry-After).
get() {
  local url="$1" file="$2" status headers="$OUT/.headers"
  while true; do
    status="$(curl -sS -m 120 -D "$headers" -o "$file" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
      -H 'Accept-Language: en' "$url")"
    if [[ "$status" == 429 ]]; then
      local wait
      wait="$(awk 'tolower($1)=="retry-after:" {print $2+0}' "$headers")"
      echo "  rate limited, waiting ${wait:-1}s" >&2
      sleep "${wait:-1}"
      continue
    fi
    [[ "$status" == 200 ]] || { echo "GET $url -> $status: $(head -c 400 "$file")" >&2; return 1; }
    return 0
  done
}

# pages URL ITEMS_FILE: follows nextCursor until the last page, one JSON item per line.
pages() {
  local url="$1" items="$2" cursor="" page="$OUT/.page" n=0 sep
  : >"$items"
  [[ "$url" == *\?* ]] && sep='&' || sep='?'
  while true; do
    get "$url${cursor:+${sep}cursor=$cursor}" "$page"
    jq -c '.items[]' "$page" >>"$items"
    n=$((n + $(jq '.items | length' "$page")))
    cursor="$(jq -r '.nextCursor // empty' "$page")"
    [[ -n "$cursor" ]] || break
  done
  echo "$n"
}

echo "pull-year: $YEAR from $API into $OUT"

# 2. Paginated JSON: every department's totals (cursor pagination, 50 per page).
t0=$(now_ms)
n=$(pages "$API/api/v1/budgets?fiscalYear=$YEAR&limit=50" "$OUT/budgets.ndjson")
t=$(($(now_ms) - t0))
echo "  budgets (paginated JSON):   $n departments in ${t} ms, $(rate "$n" "$t")"

# 3. Bulk: every budget line of the year as CSV (UTF-8 with BOM, opens in Excel), streamed.
t0=$(now_ms)
get "$API/api/v1/budgets/export?fiscalYear=$YEAR&format=csv" "$OUT/budget-lines.csv"
t=$(($(now_ms) - t0))
n=$(($(wc -l <"$OUT/budget-lines.csv") - 1))
echo "  budget lines (CSV export):  $n lines in ${t} ms, $(rate "$n" "$t")"

# 4. Scores: the district ranking of the year (total and grade per department).
get "$API/api/v1/evaluations/ranking?fiscalYear=$YEAR" "$OUT/ranking.json"
echo "  scores (ranking):           $(jq 'if type == "array" then length else (.items | length) end' "$OUT/ranking.json") departments"

# 5. The change feeds: everything since the position saved by the previous run (first run: from the
#    beginning). Save nextCursor only after the items are stored, so a crash repeats, never skips.
for feed in budgets evaluations filings; do
  state="$OUT/$feed.cursor"
  cursor="$(cat "$state" 2>/dev/null || true)"
  total=0
  while true; do
    get "$API/api/v1/$feed/changes?fiscalYear=$YEAR&limit=500${cursor:+&cursor=$cursor}" "$OUT/.page"
    jq -c '.items[]' "$OUT/.page" >>"$OUT/$feed-changes.ndjson"
    total=$((total + $(jq '.items | length' "$OUT/.page")))
    cursor="$(jq -r .nextCursor "$OUT/.page")"
    echo "$cursor" >"$state"
    [[ "$(jq -r .hasMore "$OUT/.page")" == true ]] || break
  done
  echo "  $feed changes:$(printf '%*s' $((16 - ${#feed})) '')$total new since the last run"
done
rm -f "$OUT/.page" "$OUT/.headers"
echo "pull-year: done"
