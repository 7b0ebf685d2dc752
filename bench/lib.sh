# Shared by the benchmark scripts (sourced, never run): the release build, the generated cohort wave, the
# PostgreSQL server. Expects `here` (bench/) and `repo` (the checkout) to be set.

# Builds the release binary (its output on stderr) and sets `bin`; points psyscreen at the repository's instruments.
bench_release_build() {
  (cd "$repo" && swift build -c release --product psyscreen >&2)
  bin=$(cd "$repo" && swift build -c release --show-bin-path)/psyscreen
  export PSYSCREEN_INSTRUMENTS=$repo/instruments
}

# Sets `db` to bench/out/cohort-ATTEMPTS-SCHOOLS.sqlite, generated once (gen_cohort.py writes rows straight into
# the tables of a database psyscreen created and migrated) and kept for later runs.
bench_cohort_db() {
  local attempts=$1 schools=$2
  mkdir -p "$here/out"
  db=$here/out/cohort-$attempts-$schools.sqlite
  if [ ! -f "$db" ]; then
    # An empty roster creates and migrates the schema (commands that only read never create a database).
    printf 'student_id,name,school,grade,class,gender,status\n' > "$here/out/empty-roster.csv"
    "$bin" roster import --db "$db" "$here/out/empty-roster.csv" >/dev/null
    python3 "$here/gen_cohort.py" "$db" "$attempts" --schools "$schools"
  fi
}

# Sets `server` (a superuser's URL), `base` (without the database) and `psql_run SQL`: PSYSCREEN_BENCH_POSTGRES,
# or a throw-away server (.ci/postgres-server) stopped when the script exits.
bench_postgres_server() {
  if [ -z "${PSYSCREEN_BENCH_POSTGRES:-}" ]; then
    eval "$(bash "$repo/.ci/postgres-server" start)"
    trap 'bash "$repo/.ci/postgres-server" stop "$PSYSCREEN_CI_PGDIR"' EXIT
    PSYSCREEN_BENCH_POSTGRES=$PSYSCREEN_TEST_POSTGRES
  fi
  server=$PSYSCREEN_BENCH_POSTGRES
  base=${server%%\?*}
  base=${base%/*}
}

psql_run() { psql -X -q -v ON_ERROR_STOP=1 "$server" -c "$1" >/dev/null; }
