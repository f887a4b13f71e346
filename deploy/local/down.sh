#!/usr/bin/env bash
# Stops what deploy/local/up.sh started in this JIXIAO_HOME (default <repo>/.run), and nothing else:
# the process groups named in pids/*.pid (SIGTERM, wait, then SIGKILL), then any leftover process
# that carries this stack's JIXIAO_STACK_ID marker. Data under data/ is kept.
#
#   deploy/local/down.sh              everything
#   deploy/local/down.sh spa keycloak only the named components
#        (keycloak postgres kafka services budget-service evaluation-service report-service spa)
#
#   STOP_TIMEOUT  seconds to wait after SIGTERM before SIGKILL (default 30)
set -euo pipefail
SECONDS=0

# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

APPS=(spa report-service evaluation-service budget-service)
INFRA=(kafka postgres keycloak)
# Further instances of the services (up.sh --replicas N): <service>-<r>, found by their pid files.
REPLICAS=()
for f in "$PID_DIR"/*-service-[0-9].pid; do
  [[ -e "$f" ]] && REPLICAS+=("$(basename "$f" .pid)")
done

if (($# == 0)); then
  ALL=1
  selected_apps=(${REPLICAS[@]+"${REPLICAS[@]}"} "${APPS[@]}")
  selected_infra=("${INFRA[@]}")
else
  ALL=""
  selected_apps=()
  selected_infra=()
  for arg in "$@"; do
    case "$arg" in
      spa | budget-service | evaluation-service | report-service) selected_apps+=("$arg") ;;
      budget-service-[0-9] | evaluation-service-[0-9] | report-service-[0-9]) selected_apps+=("$arg") ;;
      services) selected_apps+=(${REPLICAS[@]+"${REPLICAS[@]}"} report-service evaluation-service budget-service) ;;
      keycloak | postgres | kafka) selected_infra+=("$arg") ;;
      -h | --help) sed -n '2,12p' "$0"; exit 0 ;;
      *) die "unknown component '$arg' (keycloak postgres kafka services budget-service evaluation-service report-service spa)" ;;
    esac
  done
fi

if [[ ! -d "$PID_DIR" ]]; then
  say "down: nothing started in $(show_path "$JIXIAO_HOME")"
  exit 0
fi

say "down: JIXIAO_HOME=$(show_path "$JIXIAO_HOME")"
# Applications first (they hold connections to the infrastructure), then the infrastructure.
stop_components ${selected_apps[@]+"${selected_apps[@]}"}
stop_components ${selected_infra[@]+"${selected_infra[@]}"}

if [[ -n "$ALL" ]]; then
  # Processes of this stack that left their process group (none expected).
  mapfile -t left < <(stack_members)
  if ((${#left[@]})); then
    warn "stopping ${#left[@]} leftover process(es) of this stack: ${left[*]}"
    kill -TERM "${left[@]}" 2>/dev/null || true
    for _ in $(seq 1 20); do
      mapfile -t left < <(stack_members)
      ((${#left[@]})) || break
      sleep 0.5
    done
    ((${#left[@]})) && kill -KILL "${left[@]}" 2>/dev/null || true
  fi
  rm -f "$PID_DIR"/*.pid
fi
say "down: done"
