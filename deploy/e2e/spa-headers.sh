#!/usr/bin/env bash
# The SPA origin (vite preview, started by deploy/local/up.sh) sends its security headers on the app
# page, on a deep link (SPA fallback) and on a static asset: CSP (scripts only from itself, connections
# to itself and Keycloak, no framing), nosniff, referrer policy and X-Frame-Options.
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

for path in / /departments/x "${asset:-/}"; do
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

echo "spa-headers: $passed passed, $failed failed"
((failed == 0))
