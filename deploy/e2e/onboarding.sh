#!/usr/bin/env bash
# End-to-end check of onboarding against the running local stack and its real Keycloak: the admin
# creates a department with its first user; the new user logs in (password grant, jixiao-cli), the
# token carries the department role and the new department_id, and budget-service lets the user
# see and write only that department. An existing username is a 409 that leaves no department behind.
# budget-service's own Keycloak login (client jixiao-onboarding, client credentials) may manage users
# and nothing else: creating a client, changing realm settings or reading the master realm is a 403.
#
#   deploy/e2e/onboarding.sh
#
# Secrets come from the environment or from ${JIXIAO_HOME:-<repo>/.run}/secrets.env. Each run makes a
# new department (code and username carry a random suffix): the script can run again on the same data.
# Overridable: JIXIAO_KEYCLOAK_URL, JIXIAO_BUDGET_URL.
set -euo pipefail

# shellcheck source=deploy/e2e/lib/common.bash
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.bash"

echo "onboarding: Keycloak $KC, budget $BUDGET"

ADMIN="$(password_token admin)" && pass "token for admin (password grant, jixiao-cli)" || fail "no token for admin"
ZFW="$(password_token zfw)" && pass "token for zfw" || fail "no token for zfw"
if ((failed)); then
  echo "onboarding: $passed passed, $failed failed (no tokens, nothing else checked)"
  exit 1
fi

suffix="$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')"
code="9${suffix}"
username="e2e-${suffix}"
password="E2e-$(od -An -N9 -tx1 /dev/urandom | tr -d ' \n')"
body="$(jq -cn --arg code "$code" --arg u "$username" --arg p "$password" '{
  code: $code, name: ("端到端测试单位 " + $code), jurisdiction: "望城区", firstFiscalYear: 2020,
  duties: ["负责端到端测试"], divisions: ["办公室"],
  user: {username: $u, email: ($u + "@jixiao.example"), firstName: "测试", lastName: "端",
         initialPassword: $p, temporaryPassword: false}}')"

# --------------------------------------------------------------------------- 1. who may onboard
call POST "$BUDGET/api/v1/departments" "$ZFW" "$body"
[[ "$STATUS" == 403 ]] && pass "POST /api/v1/departments as a department user -> 403" ||
  fail "POST /api/v1/departments as zfw: expected 403, got $STATUS"

call POST "$BUDGET/api/v1/departments" "$ADMIN" '{"code":"","user":{}}'
if [[ "$STATUS" == 400 ]] && body_is '[.errors[].field] | index("user.username") != null'; then
  pass "invalid onboarding -> 400 naming user.username"
else
  fail "invalid onboarding: expected 400 with errors[].field user.username, got $STATUS"
fi

# ----------------------------------------------------------------------------- 2. onboard one
call POST "$BUDGET/api/v1/departments" "$ADMIN" "$body"
dept=""
if [[ "$STATUS" == 201 ]]; then
  dept="$(jq -r '.department.id' "$BODY")"
  pass "admin onboards department $code with user $username -> 201 (id $dept)"
  body_is --arg u "$username" '.user.username == $u and (.user.initialPassword | not)' &&
    pass "response names the user and does not echo a chosen password" ||
    fail "response: expected user.username $username and no initialPassword"
else
  fail "POST /api/v1/departments as admin: expected 201, got $STATUS"
fi

# -------------------------------------------- 3. the new user logs in and is scoped to the department
if [[ -n "$dept" ]]; then
  NEW="$(token -d grant_type=password -d client_id=jixiao-cli -d scope=openid \
    --data-urlencode "username=$username" --data-urlencode "password=$password")" &&
    pass "the new user logs in through Keycloak" || fail "the new user cannot log in"
  if [[ -n "${NEW:-}" ]]; then
    payload="$(cut -d. -f2 <<<"$NEW" | tr '_-' '/+')"
    while ((${#payload} % 4)); do payload+="="; done # JWT drops base64 padding
    claims="$(base64 -d <<<"$payload" 2>/dev/null || true)"
    jq -e --arg d "$dept" '.department_id == $d and (.realm_access.roles | index("department") != null)' \
      <<<"$claims" >/dev/null 2>&1 && pass "token: role department, department_id $dept" ||
      fail "token claims: expected role department and department_id $dept, got $(head -c 400 <<<"$claims")"

    call GET "$BUDGET/api/v1/departments" "$NEW"
    [[ "$STATUS" == 200 ]] && body_is --arg d "$dept" 'length == 1 and .[0].id == $d' &&
      pass "GET /api/v1/departments as the new user -> only the new department" ||
      fail "GET /api/v1/departments as the new user: expected only $dept, got $STATUS"

    call PUT "$BUDGET/api/v1/budgets/$dept/2020/basic-expenditure" "$NEW" '{"budget":"1000.00","actual":"900.00"}'
    [[ "$STATUS" == 200 ]] && pass "the new user saves 基本支出 2020 of the new department -> 200" ||
      fail "PUT basic-expenditure as the new user: expected 200, got $STATUS"

    call GET "$BUDGET/api/v1/budgets/$DEPT1/2020/basic-expenditure" "$NEW"
    [[ "$STATUS" == 403 ]] && pass "the new user reads another department -> 403" ||
      fail "GET another department as the new user: expected 403, got $STATUS"
  fi
fi

# ---------------------------------------------- 4. an existing username: 409, no department left
code2="8${suffix}"
body2="$(jq -c --arg c "$code2" '.code = $c | .name = ("重复用户名测试 " + $c)' <<<"$body")"
call POST "$BUDGET/api/v1/departments" "$ADMIN" "$body2"
[[ "$STATUS" == 409 ]] && body_is '.code == "onboarding.user-exists"' &&
  pass "same username again -> 409 onboarding.user-exists" ||
  fail "same username again: expected 409 onboarding.user-exists, got $STATUS"
body3="$(jq -c '.user.username = "zfw"' <<<"$body2")"
call POST "$BUDGET/api/v1/departments" "$ADMIN" "$body3"
[[ "$STATUS" == 409 ]] && body_is '.code == "onboarding.user-exists"' &&
  pass "demo username zfw -> 409 onboarding.user-exists" ||
  fail "username zfw: expected 409 onboarding.user-exists, got $STATUS"
call GET "$BUDGET/api/v1/departments" "$ADMIN"
if [[ "$STATUS" == 200 ]] && body_is --arg c "$code2" 'map(.code) | index($c) == null'; then
  pass "no department $code2 was left behind"
else
  fail "department list: expected no department $code2 (status $STATUS)"
fi
# the same code again (another username) is refused before Keycloak is touched
body4="$(jq -c --arg u "x${username}" '.user.username = $u' <<<"$body")"
call POST "$BUDGET/api/v1/departments" "$ADMIN" "$body4"
[[ "$STATUS" == 409 ]] && body_is '.code == "department.code.duplicate"' &&
  pass "same department code again -> 409 department.code.duplicate" ||
  fail "same code again: expected 409 department.code.duplicate, got $STATUS"
curl -sS -m 20 -o /dev/null -w '%{http_code}' "$TOKEN_URL" -d grant_type=password -d client_id=jixiao-cli \
  --data-urlencode "username=x${username}" --data-urlencode "password=$password" >"$WORK/code" 2>/dev/null || true
[[ "$(cat "$WORK/code")" == 401 ]] && pass "no Keycloak user x${username} was created for the refused department" ||
  fail "login as x${username}: expected 401 (no such user), got $(cat "$WORK/code")"

# ----------------------------------- 5. the onboarding client may manage users, and nothing more
if [[ -z "${JIXIAO_ONBOARDING_SECRET:-}" && -r "$HOME_DIR/secrets.env" ]]; then
  # shellcheck disable=SC1091
  source "$HOME_DIR/secrets.env"
fi
if [[ -z "${JIXIAO_ONBOARDING_SECRET:-}" ]]; then
  fail "JIXIAO_ONBOARDING_SECRET is not set (secrets.env of up.sh): the onboarding client cannot be checked"
else
  ONB="$(printf '%s' "$JIXIAO_ONBOARDING_SECRET" | token -d grant_type=client_credentials -d client_id=jixiao-onboarding \
    --data-urlencode client_secret@-)" && pass "jixiao-onboarding logs in (client credentials)" ||
    fail "jixiao-onboarding cannot log in with client credentials"
  if [[ -n "${ONB:-}" ]]; then
    ADM="$KC/admin/realms"
    call GET "$ADM/jixiao/users?username=zfw&exact=true" "$ONB"
    [[ "$STATUS" == 200 ]] && body_is 'length == 1' && pass "onboarding client finds user zfw -> 200" ||
      fail "onboarding client GET users?username=zfw: expected 200 with one user, got $STATUS"
    call POST "$ADM/jixiao/clients" "$ONB" '{"clientId":"e2e-should-not-exist","publicClient":true}'
    [[ "$STATUS" == 403 ]] && pass "onboarding client creates a client -> 403" ||
      fail "onboarding client POST clients: expected 403, got $STATUS"
    call PUT "$ADM/jixiao" "$ONB" '{"registrationAllowed":true}'
    [[ "$STATUS" == 403 ]] && pass "onboarding client changes realm settings -> 403" ||
      fail "onboarding client PUT realm: expected 403, got $STATUS"
    call GET "$ADM/jixiao/clients" "$ONB"
    [[ "$STATUS" == 403 ]] && pass "onboarding client lists clients (and their secrets) -> 403" ||
      fail "onboarding client GET clients: expected 403, got $STATUS"
    call GET "$ADM/master/users" "$ONB"
    [[ "$STATUS" == 403 || "$STATUS" == 401 ]] && pass "onboarding client reads the master realm -> $STATUS" ||
      fail "onboarding client GET master users: expected 403, got $STATUS"
    call POST "$ADM/jixiao/roles" "$ONB" '{"name":"e2e-should-not-exist"}'
    [[ "$STATUS" == 403 ]] && pass "onboarding client creates a realm role -> 403" ||
      fail "onboarding client POST roles: expected 403, got $STATUS"
  fi
fi

echo "onboarding: $passed passed, $failed failed"
((failed == 0))
