#!/usr/bin/env bash
# Tests of deploy/local/prereqs.sh with stubbed tools: no network, no package is installed or
# removed, a few seconds. Stubs on PATH: dpkg-query (hides the packages named in STUB_MISSING),
# java/mvn/node/npm (versions from STUB_*), apt-get and sudo (record what they were asked to do),
# and an mvn/npm that leave a marker file when asked to do more than print their version.
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
REPO="$(cd "$HERE/../../.." && pwd -P)"
PREREQS="$REPO/deploy/local/prereqs.sh"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/prereqs-test.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
FAKE="$WORK/bin"
mkdir -p "$FAKE"

stub() { printf '#!/usr/bin/env bash\n%s\n' "$2" >"$FAKE/$1"; chmod +x "$FAKE/$1"; }
stub dpkg-query 'pkg="${!#}"
for m in ${STUB_MISSING:-}; do
  if [[ "$m" == "$pkg" ]]; then echo "dpkg-query: no packages found matching $pkg" >&2; exit 1; fi
done
printf "install ok installed"'
stub java 'echo "openjdk version \"${STUB_JAVA:-17.0.15}\" 2025-04-15" >&2'
stub mvn 'if [[ " $* " == *" -v "* || " $* " == *" --version "* ]]; then echo "Apache Maven ${STUB_MAVEN:-3.8.7} (stub)"; exit 0; fi
echo "mvn $*" >>"$WORK_DIR/build-marker"'
stub node 'echo "v${STUB_NODE:-20.20.2}"'
stub npm 'if [[ "$*" == "-v" ]]; then echo 11.19.1; exit 0; fi
echo "npm $*" >>"$WORK_DIR/build-marker"'
stub apt-get 'echo "DEBIAN_FRONTEND=${DEBIAN_FRONTEND:-} apt-get $*" >>"$WORK_DIR/apt-log"
[[ -z "${STUB_APT_FAIL:-}" ]]'
stub sudo '[[ "${1:-}" == -n ]] && shift
exec "$@"'

export WORK_DIR="$WORK" JIXIAO_PREREQS_DPKG_QUERY="$FAKE/dpkg-query"
export PATH="$FAKE:$PATH"
unset JAVA JIXIAO_PREREQS_NO_INSTALL JIXIAO_PREREQS_AS_USER STUB_MISSING STUB_JAVA STUB_MAVEN STUB_NODE STUB_APT_FAIL

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok    $*"; }
fail() { failed=$((failed + 1)); echo "FAIL  $*"; }

# run VAR=value... -- COMMAND...: runs COMMAND with a clean marker and log, sets OUT and RC.
run() {
  local -a envs=()
  while [[ "$1" != "--" ]]; do envs+=("$1"); shift; done
  shift
  rm -f "$WORK/build-marker" "$WORK/apt-log"
  OUT="$(env ${envs[@]+"${envs[@]}"} "$@" 2>&1 </dev/null)"
  RC=$?
}
show() { sed 's/^/      | /' <<<"$OUT"; }
expect_rc() { if [[ "$RC" == "$1" ]]; then pass "$2: exit $RC"; else fail "$2: exit $RC, expected $1"; show; fi; }
expect_line() { if grep -qxF -- "$1" <<<"$OUT"; then pass "$2: prints '$1'"; else fail "$2: no line '$1'"; show; fi; }
expect_text() { if grep -qF -- "$1" <<<"$OUT"; then pass "$2: mentions '$1'"; else fail "$2: does not mention '$1'"; show; fi; }
expect_no_file() { if [[ ! -e "$1" ]]; then pass "$2"; else fail "$2: $(cat "$1")"; fi; }

# ------------------------------------------------------------ a package missing, no root, no sudo
run JIXIAO_PREREQS_AS_USER=1 JIXIAO_PREREQS_NO_INSTALL=1 STUB_MISSING=jq -- bash "$PREREQS" all
expect_rc 3 "jq hidden, no install"
expect_text "missing jq" "jq hidden, no install"
expect_line "sudo apt-get install -y jq" "jq hidden, no install"
expect_no_file "$WORK/apt-log" "jq hidden, no install: apt-get not called"

run JIXIAO_PREREQS_AS_USER=1 STUB_MISSING="jq chromium" -- bash "$PREREQS" test
expect_rc 3 "user without sudo"
expect_line "sudo apt-get install -y chromium jq" "user without sudo"
expect_no_file "$WORK/apt-log" "user without sudo: apt-get not called"

# ------------------------------------------------------------------- up.sh stops before building
# First prove the marker works, so its absence below means something.
run -- mvn -B -q -DskipTests install
if [[ -s "$WORK/build-marker" ]]; then pass "stub mvn leaves a marker for a build"; else fail "stub mvn left no marker"; fi

run JIXIAO_PREREQS_AS_USER=1 STUB_MISSING=unzip JIXIAO_HOME="$WORK/home" -- timeout 60 bash "$REPO/deploy/local/up.sh"
expect_rc 3 "up.sh with unzip hidden"
expect_line "sudo apt-get install -y unzip" "up.sh with unzip hidden"
expect_no_file "$WORK/build-marker" "up.sh with unzip hidden: no mvn or npm build ran"
expect_no_file "$WORK/home/logs" "up.sh with unzip hidden: nothing started (no logs/)"

# ------------------------------------------------------------------------------- tool versions
run STUB_JAVA=11.0.2 -- bash "$PREREQS" run
expect_rc 2 "java 11"
expect_text "Java 17+ is needed, 'java' is Java 11.0.2" "java 11"

run STUB_JAVA=1.8.0_402 -- bash "$PREREQS" run
expect_rc 2 "java 1.8"
expect_text "Java 17+ is needed" "java 1.8"

run STUB_JAVA=21.0.2 -- bash "$PREREQS" run
expect_rc 0 "java 21"

run STUB_MAVEN=3.6.3 -- bash "$PREREQS" run
expect_rc 2 "maven 3.6.3"
expect_text "Maven 3.8+ is needed" "maven 3.6.3"

run STUB_NODE=18.19.0 -- bash "$PREREQS" run
expect_rc 2 "node 18"
expect_text "Node 20+ is needed" "node 18"

# A tool that answers without a version must be reported, not end the script silently.
run STUB_MAVEN=unknown -- bash "$PREREQS" run
expect_rc 2 "mvn -v without a version"
expect_text "cannot read the Maven version" "mvn -v without a version"

run STUB_JAVA=garbage -- bash "$PREREQS" run
expect_rc 2 "java -version without a number"
expect_text "cannot read the Java version" "java -version without a number"

run JAVA="$WORK/no-such-java" -- bash "$PREREQS" run
expect_rc 2 "JAVA pointing nowhere"
expect_text "install a JDK 17+" "JAVA pointing nowhere"

# ------------------------------------------------------------------------- all there; install path
run -- bash "$PREREQS" all
expect_rc 0 "everything present"
expect_text "ready for 'all'" "everything present"
expect_no_file "$WORK/apt-log" "everything present: apt-get not called"

# As root (or via the sudo stub when this test runs as a user): apt-get is asked, non-interactively.
run STUB_MISSING=jq -- bash "$PREREQS" all
expect_rc 0 "jq hidden, install allowed"
if grep -qxF "DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends jq" "$WORK/apt-log" 2>/dev/null &&
  grep -q "apt-get update" "$WORK/apt-log"; then
  pass "jq hidden, install allowed: apt-get update, then install --no-install-recommends jq"
else
  fail "jq hidden, install allowed: apt-get log: $(cat "$WORK/apt-log" 2>/dev/null)"
fi

run STUB_MISSING=jq STUB_APT_FAIL=1 -- bash "$PREREQS" all
expect_rc 3 "apt-get failing"
expect_text "apt-get failed" "apt-get failing"

run -- bash "$PREREQS"
expect_rc 1 "no argument"

# --------------------------------------------------------------------- the lists agree everywhere
readme_block="$(sed -n '/^<!-- prereqs:begin/,/^<!-- prereqs:end -->/p' "$REPO/README.md" | sed '1d;$d')"
readme_pkgs="$(sed -n 's/^- `\([^`]*\)`.*/\1/p' <<<"$readme_block" | sort)"
script_pkgs="$(bash "$PREREQS" --list all | sort)"
only_script="$(comm -23 <(echo "$script_pkgs") <(echo "$readme_pkgs") | paste -sd' ')"
only_readme="$(comm -13 <(echo "$script_pkgs") <(echo "$readme_pkgs") | paste -sd' ')"
if [[ -z "$only_script" && -z "$only_readme" && -n "$script_pkgs" ]]; then
  pass "README lists the packages of prereqs.sh and no other"
else
  fail "README and prereqs.sh differ: only in prereqs.sh: ${only_script:-none}; only in README: ${only_readme:-none}"
fi
if [[ "$readme_block" == "$(bash "$PREREQS" --readme)" ]]; then
  pass "README's block equals prereqs.sh --readme (purposes and reasons too)"
else
  fail "README's prereqs block differs from 'deploy/local/prereqs.sh --readme': paste that output between its markers"
fi

# No second list: nothing else installs packages.
others="$(grep -rlE 'apt-get (-[a-z]+ )*install|dpkg (-s|-l)' "$REPO/.ci" "$REPO/deploy" 2>/dev/null | grep -v -e '/prereqs\.sh$' -e '/prereqs-test\.sh$')"
if [[ -z "$others" ]]; then pass "no other script installs or checks packages"; else fail "other package lists in: $others"; fi

echo "prereqs-test: $passed passed, $failed failed"
((failed == 0))
