#!/usr/bin/env bash
# The Kubernetes manifests, offline (deploy/local/test-all.sh stage k8s-manifests):
#   1. the realm import is what deploy/k8s/realm/generate.sh makes of the current realm file;
#   2. deploy/k8s/validate renders every overlay with `kubectl kustomize` (into its target/rendered/)
#      and checks every object against its schema and the references between them and the services.
#      JIXIAO_K8S_VALIDATED=1: step 2 already ran in the same build (test-all.sh after its mvn verify).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
if ! command -v "${KUBECTL:-kubectl}" >/dev/null 2>&1; then
  echo "k8s: kubectl not found; deploy/local/prereqs.sh test installs it (the overlays are rendered with kubectl kustomize)" >&2
  exit 2
fi
bash "$REPO/deploy/k8s/realm/generate.sh" --check
if [[ "${JIXIAO_K8S_VALIDATED:-}" == 1 ]]; then
  # test-all.sh: the root mvn verify that just passed built and tested deploy/k8s/validate; not again (~10 s)
  echo "k8s: every overlay rendered and validated in this build's mvn verify (rendered: deploy/k8s/validate/target/rendered/)"
  exit 0
fi
cd "$REPO"
mvn -B -q -pl deploy/k8s/validate -am verify
echo "k8s: every overlay renders and validates (rendered: deploy/k8s/validate/target/rendered/)"
