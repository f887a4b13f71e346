#!/usr/bin/env bash
# The web tier (nginx with deploy/nginx/, started by deploy/local/up.sh) sends its security headers on
# the app page, on a deep link (SPA fallback), on a static asset and on API answers: CSP (scripts only
# from itself, connections to itself and Keycloak, no framing), nosniff, referrer policy and
# X-Frame-Options. Hashed assets are cached for a year, the app page is revalidated, text is
# compressed, and /api/v1 reaches the service that owns each path.
#
#   deploy/e2e/spa-headers.sh
#
# Overridable: JIXIAO_SPA_URL (default http://127.0.0.1:8080), JIXIAO_KEYCLOAK_URL (the origin the
# CSP must allow; default http://127.0.0.1:8180).
set -euo pipefail

SPA="${JIXIAO_SPA_URL:-http://127.0.0.1:8080}"
SPA="${SPA%/}"
KC="${JIXIAO_KEYCLOAK_URL:-http://127.0.0.1:8180}"
KC_ORIGIN="$(sed -E 's#^([a-z]+://[^/]+).*#\1#' <<<"$KC")"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "PASS: $*"; }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

# header NAME: its value in $WORK/h (case-insensitive name, CR stripped), empty when absent.
header() { grep -i "^$1:" "$WORK/h" | head -n1 | cut -d: -f2- | sed -e 's/^ *//' -e 's/\r$//'; }

asset="$(curl -fsS -m 10 "$SPA/" | grep -o 'src="/assets/[^"]*\.js"' | head -n1 | cut -d'"' -f2 || true)"
[[ -n "$asset" ]] && pass "the app page names its script $asset" || fail "no /assets/*.js script in $SPA/"

for path in / /departments/x /public "${asset:-/}"; do
  if ! curl -sS -m 10 -D "$WORK/h" -o /dev/null "$SPA$path"; then
    fail "$SPA$path does not answer"
    continue
  fi
  csp="$(header Content-Security-Policy)"
  ok=1
  for directive in "default-src 'self'" "script-src 'self'" "frame-ancestors 'none'" "img-src 'self' data:" \
    "style-src 'self' 'unsafe-inline'" "connect-src 'self' $KC_ORIGIN"; do
    [[ "; $csp;" == *"; $directive;"* ]] || { ok=0; fail "$path: CSP lacks \"$directive\" (got: ${csp:-none})"; }
  done
  [[ "$csp" == *unsafe-eval* || "$csp" =~ script-src[^\;]*unsafe-inline ]] && { ok=0; fail "$path: CSP allows unsafe scripts: $csp"; }
  ((ok)) && pass "$path: Content-Security-Policy as required"
  [[ "$(header X-Content-Type-Options)" == nosniff ]] && pass "$path: X-Content-Type-Options nosniff" ||
    fail "$path: X-Content-Type-Options: expected nosniff, got '$(header X-Content-Type-Options)'"
  [[ "$(header Referrer-Policy)" == strict-origin-when-cross-origin ]] && pass "$path: Referrer-Policy strict-origin-when-cross-origin" ||
    fail "$path: Referrer-Policy: expected strict-origin-when-cross-origin, got '$(header Referrer-Policy)'"
  [[ "$(header X-Frame-Options)" == DENY ]] && pass "$path: X-Frame-Options DENY" ||
    fail "$path: X-Frame-Options: expected DENY, got '$(header X-Frame-Options)'"
done

# ---- caching and compression
curl -sS -m 10 -D "$WORK/h" -o /dev/null "$SPA/" || true
[[ "$(header Cache-Control)" == no-cache ]] && pass "/: Cache-Control no-cache (revalidated on every load)" ||
  fail "/: Cache-Control: expected no-cache, got '$(header Cache-Control)'"
if [[ -n "$asset" ]]; then
  curl -sS -m 10 -D "$WORK/h" -o /dev/null "$SPA$asset" || true
  [[ "$(header Cache-Control)" == "public, max-age=31536000, immutable" ]] && pass "$asset: cached for a year, immutable" ||
    fail "$asset: Cache-Control: expected immutable for a year, got '$(header Cache-Control)'"
  curl -sS -m 10 -H 'Accept-Encoding: gzip' -D "$WORK/h" -o /dev/null "$SPA$asset" || true
  [[ "$(header Content-Encoding)" == gzip ]] && pass "$asset: gzip when asked" ||
    fail "$asset: Content-Encoding for gzip: got '$(header Content-Encoding)'"
  if [[ -f /usr/share/nginx/modules/ngx_http_brotli_filter_module.so ]]; then
    curl -sS -m 10 -H 'Accept-Encoding: br' -D "$WORK/h" -o /dev/null "$SPA$asset" || true
    [[ "$(header Content-Encoding)" == br ]] && pass "$asset: brotli when asked (module installed)" ||
      fail "$asset: Content-Encoding for br: got '$(header Content-Encoding)'"
  fi
fi

# ---- /api/v1 routed to each owner; anything else under /api is a problem+json 404, never the app page
for path in /api/v1/departments /api/v1/evaluations/x/2020 /api/v1/reports/summary /api/v1/publications; do
  code="$(curl -sS -m 10 -D "$WORK/h" -o /dev/null -w '%{http_code}' "$SPA$path" || true)"
  [[ "$code" == 401 ]] && pass "$path without a token: 401 from its service" || fail "$path without a token: expected 401, got $code"
done
# 信息公开: the public reports answer without a token (the only API path that does), cacheable by anyone
code="$(curl -sS -m 10 -D "$WORK/h" -o "$WORK/b" -w '%{http_code}' "$SPA/api/v1/public/reports" || true)"
if [[ "$code" == 200 ]] && jq -e 'type == "array"' "$WORK/b" >/dev/null 2>&1 && [[ "$(header Cache-Control)" == public,* ]]; then
  pass "/api/v1/public/reports without a token: 200, Cache-Control $(header Cache-Control)"
else
  fail "/api/v1/public/reports without a token: expected 200 and Cache-Control public, got $code '$(header Cache-Control)'"
fi
code="$(curl -sS -m 10 -D "$WORK/h" -o "$WORK/b" -w '%{http_code}' "$SPA/api/v1/nothing" || true)"
if [[ "$code" == 404 && "$(header Content-Type)" == application/problem+json* ]] && jq -e '.status == 404' "$WORK/b" >/dev/null 2>&1; then
  pass "/api/v1/nothing: 404 problem+json"
else
  fail "/api/v1/nothing: expected 404 problem+json, got $code $(header Content-Type)"
fi
[[ "$(header X-Content-Type-Options)" == nosniff ]] && pass "/api/v1/nothing: nosniff" || fail "/api/v1/nothing: no nosniff"
code="$(curl -sS -m 20 -o "$WORK/b" -w '%{http_code}' "$SPA/openapi/budget?format=json" || true)"
[[ "$code" == 200 ]] && jq -e '.openapi' "$WORK/b" >/dev/null 2>&1 && pass "/openapi/budget: budget-service's contract" ||
  fail "/openapi/budget: expected its OpenAPI JSON, got $code"

echo "spa-headers: $passed passed, $failed failed"
((failed == 0))
