#!/usr/bin/env bash
# What Jixiao needs from the machine, in ONE place: the Debian packages (PACKAGES below) and the
# tools' versions. up.sh runs `prereqs.sh run`, test-all.sh and .ci/run `prereqs.sh all`, so a
# missing package stops them before anything is built, never half-way through. README.md carries a
# copy of the list (`prereqs.sh --readme` prints it; deploy/local/tests/prereqs-test.sh compares).
#
#   deploy/local/prereqs.sh run      what up.sh needs (build and start the stack)
#   deploy/local/prereqs.sh test     what test-all.sh needs: run + test (the tests start the stack)
#   deploy/local/prereqs.sh deploy   what validating a deployment needs (nothing yet)
#   deploy/local/prereqs.sh all      everything
#   deploy/local/prereqs.sh --list [run|test|deploy|all]   the packages, one a line
#   deploy/local/prereqs.sh --readme                       the list as README.md shows it
#
# Missing packages are installed (apt-get, no recommends) when running as root or when `sudo -n`
# works; otherwise the script stops and prints the one `sudo apt-get install -y ...` line to run.
# Exit: 0 ready, 1 usage, 2 a tool is missing or too old, 3 packages missing and not installed.
#
# Test seams (deploy/local/tests/prereqs-test.sh):
#   JIXIAO_PREREQS_DPKG_QUERY=CMD   used instead of dpkg-query (hide a package without removing it)
#   JIXIAO_PREREQS_NO_INSTALL=1     never install, only report
#   JIXIAO_PREREQS_AS_USER=1        behave as a user without root and without sudo
set -euo pipefail

# package|purpose|why. Purposes: run (up.sh), test (test-all.sh, adds to run), deploy (deployment
# validation). Not listed: what every Debian has (coreutils, util-linux's setsid, findutils, grep,
# sed, gawk/mawk, diffutils), and java/mvn/node/npm, checked by version below whatever installed them.
PACKAGES=(
  "unzip|run|unpacks the Keycloak distribution (up.sh)"
  "curl|run|up.sh's readiness checks; the REST end-to-end tests"
  "fonts-arphic-uming|run|report-service's PDF body font (明体); PDF downloads answer 503 without it"
  "fonts-arphic-ukai|run|report-service's PDF 楷体 font"
  "fonts-wqy-zenhei|run|report-service's PDF heading font (黑体)"
  "fonts-liberation|run|report-service's PDF Latin digits (Liberation Serif)"
  "nginx|run|the web tier: serves the built SPA and routes /api/v1 to the services (deploy/nginx/)"
  "libnginx-mod-http-brotli-filter|run|brotli next to gzip in that web tier"
  "chromium|test|the browser of the Playwright tests when headed (\`npx playwright test --headed\`)"
  "chromium-headless-shell|test|the same Chromium's headless build, which the Playwright tests use by default: a fifth less CPU than the full browser in headless mode"
  "fonts-noto-cjk|test|Chinese text in that browser"
  "jq|test|JSON in the REST end-to-end tests and the OpenAPI contract check"
  "poppler-utils|test|pdftotext, to read generated PDFs when checking reports"
  "wrk|test|the load generator of deploy/bench/run.sh (API reads and the bare Quarkus anchor; its smoke mode is a test stage)"
  "kubectl|test|\`kubectl kustomize\` renders deploy/k8s's overlays offline for deploy/k8s/validate (mvn verify, stage k8s-manifests); needs kustomize v5 (kubectl 1.27+): the machines' kubectl 1.32 has it, Debian 12's kubernetes-client (kubectl 1.20) does not"
)

JAVA_MIN=17
MAVEN_MIN=3.8
NODE_MIN=20

say() { printf 'prereqs: %s\n' "$*"; }

usage() {
  sed -n '7,12p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 1
}

# True when a package of purpose $1 is wanted for mode $2.
wanted() {
  case "$2" in
    all) return 0 ;;
    test) [[ "$1" == run || "$1" == test ]] ;;
    *) [[ "$1" == "$2" ]] ;;
  esac
}

# Prints "package|purpose|why" lines for mode $1.
entries() {
  local e pkg purpose why
  for e in "${PACKAGES[@]}"; do
    IFS='|' read -r pkg purpose why <<<"$e"
    if wanted "$purpose" "$1"; then printf '%s|%s|%s\n' "$pkg" "$purpose" "$why"; fi
  done
}

# ------------------------------------------------------------------------------------- tools

# True when version $2 is at least $1 (dotted numbers).
version_ge() { printf '%s\n%s\n' "$1" "$2" | sort -V -C; }

TOOL_ERRORS=0
tool_error() { printf 'prereqs: %s\n' "$*" >&2; TOOL_ERRORS=$((TOOL_ERRORS + 1)); }

check_tools() {
  local java="${JAVA:-java}" out v major found=()
  if ! out="$("$java" -version 2>&1)"; then
    tool_error "'$java' not found or not working: install a JDK $JAVA_MIN+ (Debian: openjdk-17-jdk-headless)"
  else
    # 'openjdk version "17.0.15" ...' or 'java version "1.8.0_402"' (old scheme: 1.<major>)
    v="$(sed -n 's/.*version "\([^"]*\)".*/\1/p' <<<"$out" | head -n 1)"
    major="${v#1.}"
    [[ "$v" == 1.* ]] || major="$v"
    major="${major%%[!0-9]*}"
    if [[ -z "$major" ]]; then
      tool_error "cannot read the Java version from '$java -version': $(head -n 1 <<<"$out")"
    elif ((major < JAVA_MIN)); then
      tool_error "Java $JAVA_MIN+ is needed, '$java' is Java $v: install a JDK $JAVA_MIN+ or set JAVA / PATH to one"
    else
      found+=("java $v")
    fi
  fi

  if ! out="$(mvn -B -v 2>&1)"; then
    tool_error "'mvn' not found or not working: install Maven $MAVEN_MIN+ (Debian: maven)"
  else
    v="$(grep -oE 'Apache Maven [0-9][0-9.]*' <<<"$out" | head -n 1 || true)"
    v="${v#Apache Maven }"
    if [[ -z "$v" ]]; then
      tool_error "cannot read the Maven version from 'mvn -v': $(head -n 1 <<<"$out")"
    elif ! version_ge "$MAVEN_MIN" "$v"; then
      tool_error "Maven $MAVEN_MIN+ is needed, 'mvn' is Maven $v"
    else
      found+=("maven $v")
    fi
  fi

  if ! out="$(node -v 2>&1)"; then
    tool_error "'node' not found or not working: install Node $NODE_MIN+ with npm"
  else
    v="${out#v}"
    major="${v%%[!0-9]*}"
    if [[ -z "$major" ]] || ((major < NODE_MIN)); then
      tool_error "Node $NODE_MIN+ is needed, 'node -v' says '$out'"
    else
      found+=("node $v")
    fi
  fi

  if ! out="$(npm -v 2>&1)"; then
    tool_error "'npm' not found or not working: it comes with Node $NODE_MIN+"
  else
    found+=("npm $out")
  fi
  if ((${#found[@]})); then say "found $(printf '%s, ' "${found[@]}" | sed 's/, $//')"; fi
}

# ---------------------------------------------------------------------------------- packages

is_installed() {
  local status
  status="$(${JIXIAO_PREREQS_DPKG_QUERY:-dpkg-query} -W -f='${Status}' "$1" 2>/dev/null)" || return 1
  [[ "$status" == *"install ok installed"* ]]
}

is_root() { [[ "${JIXIAO_PREREQS_AS_USER:-}" != 1 && "$(id -u)" == 0 ]]; }
can_sudo() { [[ "${JIXIAO_PREREQS_AS_USER:-}" != 1 ]] && sudo -n true >/dev/null 2>&1; }
as_root() { if is_root; then "$@"; else sudo -n "$@"; fi; }

check_packages() {
  local mode="$1" pkg purpose why
  local -a missing=()
  if [[ -z "${JIXIAO_PREREQS_DPKG_QUERY:-}" ]] && ! command -v dpkg-query >/dev/null 2>&1; then
    say "dpkg-query not found: this is not Debian. Install the equivalents of:" >&2
    entries "$mode" | while IFS='|' read -r pkg purpose why; do printf '  %-20s %s\n' "$pkg" "$why" >&2; done
    exit 3
  fi
  while IFS='|' read -r pkg purpose why; do
    if ! is_installed "$pkg"; then
      missing+=("$pkg")
      say "missing $pkg ($purpose: $why)"
    fi
  done < <(entries "$mode")
  if ((${#missing[@]} == 0)); then
    local present
    present="$(entries "$mode" | cut -d'|' -f1 | paste -sd' ')"
    say "Debian packages for '$mode': ${present:-none needed}${present:+ (all installed)}"
    return 0
  fi

  if [[ "${JIXIAO_PREREQS_NO_INSTALL:-}" != 1 ]] && { is_root || can_sudo; }; then
    say "installing ${missing[*]} (apt-get update, then apt-get install --no-install-recommends)"
    if as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"; then
      say "installed ${missing[*]}"
      # Debian starts its own nginx on port 80 of every interface at install; the stack runs its own
      # instance on 127.0.0.1:8080 (deploy/nginx/), so the distribution's one is stopped again.
      if [[ " ${missing[*]} " == *" nginx "* && -f /run/nginx.pid ]]; then
        as_root nginx -s quit -c /etc/nginx/nginx.conf 2>/dev/null || true
      fi
      return 0
    fi
    say "apt-get failed (see above); the packages still missing: ${missing[*]}" >&2
    exit 3
  fi

  local sudo="sudo "
  is_root && sudo=""
  if [[ "${JIXIAO_PREREQS_NO_INSTALL:-}" == 1 ]]; then
    say "JIXIAO_PREREQS_NO_INSTALL=1: not installing them. Run:" >&2
  else
    say "not root and no password-less sudo: cannot install them. Run:" >&2
  fi
  printf '%sapt-get install -y %s\n' "$sudo" "${missing[*]}" >&2
  exit 3
}

# --------------------------------------------------------------------------------------- main

case "${1:-}" in
  run | test | deploy | all)
    mode="$1"
    ;;
  --list)
    m="${2:-all}"
    case "$m" in run | test | deploy | all) ;; *) usage ;; esac
    entries "$m" | cut -d'|' -f1
    exit 0
    ;;
  --readme)
    entries all | while IFS='|' read -r pkg purpose why; do printf -- '- `%s` (%s): %s\n' "$pkg" "$purpose" "$why"; done
    exit 0
    ;;
  *) usage ;;
esac

# Tools first (they only report), then packages (which may stop at once with exit 3).
if [[ "$mode" != deploy ]]; then check_tools; fi
check_packages "$mode"
if ((TOOL_ERRORS)); then
  say "$TOOL_ERRORS tool(s) missing or too old (see above)" >&2
  exit 2
fi
say "ready for '$mode'"
