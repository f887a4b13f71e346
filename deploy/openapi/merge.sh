#!/usr/bin/env bash
# Merges the OpenAPI documents the three services write at build time (target/openapi/openapi.json)
# into the one contract of the bureau's API, docs/openapi/jixiao-api.json.
#
#   deploy/openapi/merge.sh           write docs/openapi/jixiao-api.json
#   deploy/openapi/merge.sh --check   fail (exit 1, with the diff) when the build's contract differs from
#                                     the committed one: an API change must be committed on purpose
#
# Both stop (exit 1) and name the operations when a 2xx answer other than 204 has no schema.
#
# Needs jq and a build of the services (mvn package or verify).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
OUT="$REPO/docs/openapi/jixiao-api.json"
SERVICES=(budget-service evaluation-service report-service)

inputs=()
for s in "${SERVICES[@]}"; do
  f="$REPO/$s/target/openapi/openapi.json"
  [[ -f "$f" ]] || { echo "merge.sh: $f is missing: build the services first (mvn -B package -DskipTests)" >&2; exit 2; }
  inputs+=("$f")
done

merged="$(mktemp)"
trap 'rm -f "$merged"' EXIT
# Paths must not overlap (each first path segment belongs to one service); a schema name used by two
# services must describe the same thing, or the merge stops and names it.
jq -S -s '
  def clash(kind; xs): (xs | map(to_entries) | add | group_by(.key)
      | map(select((map(.value) | unique | length) > 1) | .[0].key)) as $c
    | if ($c | length) > 0 then error("\(kind) defined differently by two services: \($c | join(", "))") else . end;
  clash("path"; map(.paths // {})) as $_ |
  clash("schema"; map(.components.schemas // {})) as $_ |
  clash("example"; map(.components.examples // {})) as $_ |
  {
    openapi: .[0].openapi,
    info: {
      title: "Jixiao API (绩效: 预算与支出, 绩效评分, 自评报告)",
      version: "1",
      description: "One contract over the three services. Base URL: the SPA origin (http://127.0.0.1:8080 locally), which routes /api/v1/{departments,budgets} to budget-service, /api/v1/{evaluations,templates,goals} to evaluation-service and /api/v1/{reports,filings,checks,rounds,notices} to report-service. Conventions: README, section \"The bureau API\"."
    },
    servers: [{url: "http://127.0.0.1:8080", description: "local stack (deploy/local/up.sh)"}],
    tags: (map(.tags // []) | add | unique_by(.name)),
    paths: (map(.paths // {}) | add),
    components: {
      schemas: (map(.components.schemas // {}) | add),
      examples: (map(.components.examples // {}) | add),
      securitySchemes: (map(.components.securitySchemes // {}) | add)
    }
  }' "${inputs[@]}" > "$merged"

# Every local $ref must point at something in the merged document (an example or schema left behind
# by the merge would show as a broken link in Swagger UI and in generated clients).
dangling="$(jq -r '. as $d | [.. | objects | select(has("$ref")) | ."$ref" | select(type == "string" and startswith("#/"))] | unique[]
  | (ltrimstr("#/") | split("/")) as $path | select(($d | getpath($path)) == null)' "$merged")"
if [[ -n "$dangling" ]]; then
  echo "openapi: references to nothing in the merged contract:" >&2
  echo "$dangling" >&2
  exit 1
fi

# Every success answer with a body says what the body is (issue 16: the SPA's types and ContractAssert read
# these schemas; a file is type string, format binary): a 2xx other than 204 without content, or a media
# type of it without a schema (or with {}), stops the merge and names the operation.
untyped="$(jq -r '.paths | to_entries[] | .key as $path | .value | to_entries[]
  | select(.key | IN("get", "put", "post", "delete", "patch", "head", "options", "trace"))
  | (.key | ascii_upcase) as $method | (.value.responses // {}) | to_entries[]
  | select((.key | test("^2")) and .key != "204") | .key as $status
  | if ((.value.content // {}) | length) == 0 then "\($method) \($path) \($status): no content"
    else (.value.content | to_entries[] | select((.value.schema // {}) == {})
      | "\($method) \($path) \($status) \(.key): no schema") end' "$merged")"
if [[ -n "$untyped" ]]; then
  echo "openapi: success answers without a schema (declare one in the service's @APIResponse content):" >&2
  echo "$untyped" >&2
  exit 1
fi

if [[ "${1:-}" == "--check" ]]; then
  if ! diff -u "$OUT" "$merged" > /tmp/openapi-contract.diff 2>&1; then
    echo "openapi: the API contract changed but docs/openapi/jixiao-api.json was not updated." >&2
    echo "openapi: if the change is intended, run deploy/openapi/merge.sh and commit the file. Diff:" >&2
    head -200 /tmp/openapi-contract.diff >&2
    exit 1
  fi
  echo "openapi: contract unchanged ($(jq '.paths | length' "$merged") paths)"
else
  mkdir -p "$(dirname "$OUT")"
  cp "$merged" "$OUT"
  echo "openapi: wrote $OUT ($(jq '.paths | length' "$OUT") paths, $(jq '.components.schemas | length' "$OUT") schemas)"
fi
