# Shared by the REST end-to-end scripts (sourced, not run): secrets, URLs, tokens, call/pass/fail.
# shellcheck shell=bash
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd -P)"
HOME_DIR="${JIXIAO_HOME:-$REPO/.run}"
if [[ -z "${JIXIAO_DEMO_PASSWORD:-}" || -z "${JIXIAO_FINANCE_API_SECRET:-}" ]]; then
  [[ -r "$HOME_DIR/secrets.env" ]] || { echo "FAIL: no secrets (set JIXIAO_DEMO_PASSWORD/JIXIAO_FINANCE_API_SECRET or run up.sh)"; exit 1; }
  # shellcheck disable=SC1091
  source "$HOME_DIR/secrets.env"
fi
for tool in curl jq; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed"; exit 1; }
done

KC="${JIXIAO_KEYCLOAK_URL:-http://127.0.0.1:8180}"
KC="${KC%/}"
TOKEN_URL="$KC/realms/jixiao/protocol/openid-connect/token"
# Through the web tier (nginx on 8080 routes /api/v1 to each service), as the SPA and the bureau call
# it; JIXIAO_<SERVICE>_URL points a script at one service directly.
WEB="${JIXIAO_WEB_URL:-http://127.0.0.1:8080}"
BUDGET="${JIXIAO_BUDGET_URL:-$WEB}"
EVALUATION="${JIXIAO_EVALUATION_URL:-$WEB}"
REPORT="${JIXIAO_REPORT_URL:-$WEB}"
WAIT_SECONDS="${JIXIAO_E2E_WAIT_SECONDS:-30}"

DEPT1=d0000000-0000-4000-8000-000000000001 # zfw's department (the sample)
DEPT2=d0000000-0000-4000-8000-000000000002 # jyj's department
YEAR=2020
BASIC="$BUDGET/api/v1/budgets/$DEPT1/$YEAR/basic-expenditure"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
BODY="$WORK/body"

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "PASS: $*"; }
fail() {
  failed=$((failed + 1))
  echo "FAIL: $*"
  if [[ -s "$BODY" ]]; then echo "      response ($STATUS $CTYPE): $(head -c 600 "$BODY")"; fi
}

# call METHOD URL TOKEN [JSON]: sets STATUS and CTYPE, the body lands in $BODY.
STATUS="" CTYPE=""
call() {
  local method="$1" url="$2" token="$3" json="${4:-}" out
  local -a args=(-sS -m 20 -X "$method" -o "$BODY" -w '%{http_code} %{content_type}'
    -H 'Accept: application/json, application/problem+json')
  [[ -n "$token" ]] && args+=(-H "Authorization: Bearer $token")
  [[ -n "$json" ]] && args+=(-H 'Content-Type: application/json' --data-binary "$json")
  : >"$BODY"
  out="$(curl "${args[@]}" "$url" 2>"$WORK/curl.err")" || out="000 $(head -c 200 "$WORK/curl.err")"
  STATUS="${out%% *}"
  CTYPE="${out#* }"
}

# jq test on the last body (exit status = the filter's truth).
body_is() { jq -e "$@" "$BODY" >/dev/null 2>&1; }

# token CURL-ARGS...: an access token on stdout. Keycloak keeps its sessions in the stack's PostgreSQL: after
# the fault suite's database row restarted it, Keycloak's pool hands out closed connections, each failing one
# request with "unknown_error" until they are gone (a CI run saw both logins of onboarding.sh fail 50 s after
# that row). Up to 10 tries, 1 s apart (the fault suite's tok() relies on them). A secret piped in (an argument
# ending in @-) is read once and sent again with each try.
token() {
  local out try input=""
  [[ " $* " == *"@- "* ]] && input="$(cat)"
  for try in 1 2 3 4 5 6 7 8 9 10; do
    out="$(printf '%s' "$input" | curl -sS -m 20 "$TOKEN_URL" "$@")" && jq -er '.access_token // empty' <<<"$out" && return 0
    echo "      token endpoint said: ${out:-nothing} (try $try of 10)" >&2
    sleep 1
  done
  return 1
}

password_token() {
  token -d grant_type=password -d client_id=jixiao-cli -d scope=openid \
    --data-urlencode "username=$1" --data-urlencode "password=$JIXIAO_DEMO_PASSWORD"
}

