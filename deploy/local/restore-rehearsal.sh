#!/usr/bin/env bash
# Restore rehearsal of the local stack's PostgreSQL (docs/operations.md, "Backup and restore").
#
# For each service database (budget, evaluation, report): pg_dump in custom format, pg_restore into a
# scratch database <db>_restore, then compare the row count of every table and an md5 over every row of
# a few key tables between the original and the restore; the scratch databases are dropped again. Prints
# dump size and dump/restore seconds per database. Exit 0 only when every figure matched.
#
# The original's figures are read inside the very snapshot pg_dump dumped (pg_export_snapshot, pg_dump
# --snapshot): the services keep writing in the background (relay, inbox, housekeeping), and a count
# taken a second later could differ for reasons that have nothing to do with the backup.
#
# Environment: JIXIAO_HOME (the running stack; secrets.env has JIXIAO_DB_SUPERUSER_PASSWORD),
# JIXIAO_DB_HOST / JIXIAO_DB_PORT (127.0.0.1 / 15432), JIXIAO_REHEARSAL_DATABASES ("budget evaluation
# report"), JIXIAO_PG_BIN (a folder with pg_dump, pg_restore and psql of the server's major or newer).
#
# pg_dump must be of the server's major or newer. The embedded server's binaries (io.zonky) carry
# initdb, pg_ctl and postgres only, and Debian 12's postgresql-client is 15 against a 17 server. Without
# a fitting client on the machine, Debian's postgresql-client of the server's major is fetched once with
# apt-get (a private package list; nothing is installed) into ~/.cache/jixiao and run through the loader
# of its own Debian release's libc, since it needs a newer glibc than Debian 12 has.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=lib.sh
source "$HERE/lib.sh"

DB_HOST="${JIXIAO_DB_HOST:-127.0.0.1}"
DB_PORT="${JIXIAO_DB_PORT:-15432}"
read -r -a DATABASES <<< "${JIXIAO_REHEARSAL_DATABASES:-budget evaluation report}"
# md5 over all rows of these: the tables whose loss a department would notice first
declare -A KEY_TABLES=(
  [budget]="department basic_expenditure budget_figures spending_line project"
  [evaluation]="score_card indicator_value self_score indicator_template_version"
  [report]="filing filing_version narrative budget_view"
)
CACHE="${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/jixiao"

[[ -f "$SECRETS_FILE" ]] || die "no $SECRETS_FILE: start the stack first (deploy/local/up.sh postgres)"
PGPASSWORD="$(sed -n 's/^JIXIAO_DB_SUPERUSER_PASSWORD=//p' "$SECRETS_FILE" | tr -d "'\"")"
[[ -n "$PGPASSWORD" ]] || die "JIXIAO_DB_SUPERUSER_PASSWORD missing in $SECRETS_FILE"
export PGPASSWORD PGHOST="$DB_HOST" PGPORT="$DB_PORT" PGUSER=postgres PGCONNECT_TIMEOUT=10
# no "does not exist, skipping" notices from the idempotent drops
export PGOPTIONS="-c client_min_messages=warning"

major_of() { "$1" --version | sed -E 's/.* ([0-9]+)(\.[0-9]+)*.*/\1/'; }

# The server's major: from the data folder when it is ours, else asked with any psql.
server_major() {
  if [[ -f "$DATA_DIR/pg/PG_VERSION" && "$DB_HOST" == 127.0.0.1 ]]; then
    cat "$DATA_DIR/pg/PG_VERSION"
  else
    psql -X -At -d postgres -c 'show server_version_num' | cut -c1-2
  fi
}

# Debian's client of major $1, unpacked with the libc of the release that ships it; prints its bin folder.
fetch_client() {
  local major="$1" suite="${JIXIAO_PG_CLIENT_SUITE:-trixie}"
  local root="$CACHE/postgresql-client-$major-$suite" apt="$CACHE/apt-$suite"
  if [[ ! -x "$root/wrap/pg_dump" ]]; then
    say "fetching Debian $suite's postgresql-client-$major into $(show_path "$root") (once)" >&2
    rm -rf "$root" "$apt"
    mkdir -p "$apt/lists/partial" "$apt/archives/partial" "$root/debs"
    echo "deb http://deb.debian.org/debian $suite main" > "$apt/sources.list"
    local opts=(-o "Dir::Etc::SourceList=$apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
      -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt" -o Dir::State::status=/dev/null
      -o APT::Sandbox::User=root -qq)
    apt-get "${opts[@]}" update >&2
    (cd "$root/debs" && apt-get "${opts[@]}" download "postgresql-client-$major" libpq5 libldap2 libc6 >&2)
    local deb
    for deb in "$root"/debs/*.deb; do dpkg-deb -x "$deb" "$root/fs"; done
    rm -rf "$root/debs" "$apt"
    mkdir -p "$root/wrap"
    local tool
    for tool in pg_dump pg_restore psql; do
      # that release's loader and libc first, this machine's libraries (ssl, krb5, zstd...) after them
      cat > "$root/wrap/$tool" <<EOF
#!/bin/sh
exec "$root/fs/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2" \\
  --library-path "$root/fs/usr/lib/x86_64-linux-gnu:/usr/lib/x86_64-linux-gnu:/lib/x86_64-linux-gnu" \\
  "$root/fs/usr/lib/postgresql/$major/bin/$tool" "\$@"
EOF
      chmod +x "$root/wrap/$tool"
    done
  fi
  printf '%s' "$root/wrap"
}

# A folder whose pg_dump, pg_restore and psql are of the server's major or newer.
pick_client() {
  local need="$1" dir candidates=()
  [[ -n "${JIXIAO_PG_BIN:-}" ]] && candidates+=("$JIXIAO_PG_BIN")
  # Debian's clients (newest first), anything on PATH, the embedded server's unpacked binaries
  while IFS= read -r dir; do candidates+=("$dir"); done < <(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -rn)
  command -v pg_dump > /dev/null && candidates+=("$(dirname "$(readlink -f "$(command -v pg_dump)")")")
  for dir in "${TMPDIR:-/tmp}"/embedded-pg/*/bin; do candidates+=("$dir"); done
  for dir in "${candidates[@]}"; do
    if [[ -x "$dir/pg_dump" && -x "$dir/pg_restore" && -x "$dir/psql" ]] \
        && (($(major_of "$dir/pg_dump") >= need)); then
      printf '%s' "$dir"
      return 0
    fi
  done
  fetch_client "$need"
}

MAJOR="$(server_major)"
BIN="$(pick_client "$MAJOR")"
say "server: PostgreSQL $MAJOR on $DB_HOST:$DB_PORT; client: $("$BIN/pg_dump" --version) ($(show_path "$BIN"))"
PSQL=("$BIN/psql" -X -q -At -v ON_ERROR_STOP=1)

# One line: "table=rows ..." for every table, then "table:md5 ..." for the key tables that exist.
figures_sql() {
  local db="$1" keys=() t
  for t in ${KEY_TABLES[$db]:-}; do keys+=("'$t'"); done
  local key_list; key_list="$(IFS=,; echo "${keys[*]:-''}")"
  cat <<SQL
select coalesce((select string_agg(format('%s=%s', table_name,
         (xpath('/row/c/text()', query_to_xml(format('select count(*) as c from %I.%I', table_schema, table_name),
           false, true, '')))[1]::text), ' ' order by table_schema, table_name)
       from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')), '')
    || ' | ' ||
    coalesce((select string_agg(format('%s:%s', table_name,
         (xpath('/row/c/text()', query_to_xml(format(
           'select md5(coalesce(string_agg(t::text, chr(10) order by t::text), '''')) as c from %I.%I t',
           table_schema, table_name), false, true, '')))[1]::text), ' ' order by table_name)
       from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema = 'public' and table_name in ($key_list)), '');
SQL
}

WORK="$(mktemp -d "${TMPDIR:-/tmp}/jixiao-rehearsal.XXXXXX")"
SCRATCH=()
cleanup() {
  local s
  for s in "${SCRATCH[@]}"; do
    "${PSQL[@]}" -d postgres -c "drop database if exists $s with (force)" || warn "could not drop $s"
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

declare -a ROWS=()
failures=0
for db in "${DATABASES[@]}"; do
  scratch="${db}_restore"
  dump="$WORK/$db.dump"

  # The snapshot session: open while pg_dump reads, so both see the same rows.
  coproc SNAP { "${PSQL[@]}" -d "$db"; }
  snap_pid=$SNAP_PID # bash unsets SNAP_PID once the coproc has ended
  echo "begin isolation level repeatable read; select pg_export_snapshot();" >&"${SNAP[1]}"
  read -r -t 60 snapshot <&"${SNAP[0]}" || die "$db: no snapshot exported"
  t0="$(now)"
  "$BIN/pg_dump" -d "$db" --format=custom --snapshot="$snapshot" --file="$dump"
  t1="$(now)"
  # one line for psql (a pipeline's subshell would not see the coproc's descriptors)
  sql="$(figures_sql "$db" | tr '\n' ' ')"
  printf '%s\n' "$sql" >&"${SNAP[1]}"
  read -r -t 300 original <&"${SNAP[0]}" || die "$db: figures of the original not read"
  printf 'commit;\n\\q\n' >&"${SNAP[1]}"
  wait "$snap_pid" || true

  owner="$("${PSQL[@]}" -d postgres -c "select pg_get_userbyid(datdba) from pg_database where datname = '$db'")"
  "${PSQL[@]}" -d postgres -c "drop database if exists $scratch with (force)"
  SCRATCH+=("$scratch")
  "${PSQL[@]}" -d postgres -c "create database $scratch owner $owner"
  t2="$(now)"
  "$BIN/pg_restore" -d "$scratch" --exit-on-error --single-transaction "$dump"
  t3="$(now)"
  restored="$("${PSQL[@]}" -d "$scratch" -c "$(figures_sql "$db")")"

  tables="$(tr ' ' '\n' <<< "${original%% | *}" | grep -c = || true)"
  rows="$(tr ' ' '\n' <<< "${original%% | *}" | awk -F= '{ s += $2 } END { print s + 0 }')"
  keys="$(tr ' ' '\n' <<< "${original##* | }" | grep -c : || true)"
  if [[ "$original" == "$restored" && "$tables" -gt 0 ]]; then
    verdict=same
  else
    verdict=DIFFERENT
    failures=$((failures + 1))
    echo "$db original: $original" >&2
    echo "$db restored: $restored" >&2
  fi
  ROWS+=("$(printf '%-10s | %6s | %9s | %11s | %5s | %12s | %7s | %s' "$db" "$tables" "$rows" \
    "$(numfmt --to=iec --suffix=B "$(stat -c %s "$dump")")" "$(secs "$t0" "$t1")" "$(secs "$t2" "$t3")" "$keys" "$verdict")")
  "${PSQL[@]}" -d postgres -c "drop database $scratch with (force)"
done

printf '%-10s | %6s | %9s | %11s | %5s | %12s | %7s | %s\n' database tables rows "dump (-Fc)" "dump s" "restore s" "md5 of" result
printf '%s\n' "${ROWS[@]}"
((failures == 0)) || die "$failures database(s) restored with different figures"
say "restore rehearsal: every table's row count and the key tables' md5 match in the restored copies"
