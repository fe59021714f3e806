#!/usr/bin/env bash
# Runs the test suite against a throw-away PostgreSQL cluster in var/postgres/ and returns pytest's exit code.
# The cluster is made afresh on every run, listens only on a unix socket in that folder (no port to collide
# with another server on the machine) and is stopped when pytest ends, whether it passed, failed or was
# interrupted. Arguments go to pytest. `make test-postgres` installs Debian's server first; this script only
# needs it present.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PY:-.venv/bin/python}
CLUSTER=$PWD/var/postgres
DATA=$CLUSTER/data

BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
    echo "PostgreSQL's server is not installed; run \`make test-postgres\`, which installs it." >&2
    exit 2
fi
# The server's socket is $CLUSTER/.s.PGSQL.5432, and a unix socket's path may be at most 107 bytes long.
if [ ${#CLUSTER} -gt 90 ]; then
    echo "The checkout's path is too long for a unix socket in $CLUSTER; use a shorter path." >&2
    exit 2
fi

if [ "$(id -u)" = 0 ]; then
    # PostgreSQL refuses to run as root: the cluster belongs to the unprivileged user Debian's package makes
    # (or to nobody on a machine without it).
    OWNER=$(id -u postgres >/dev/null 2>&1 && echo postgres || echo nobody)
    as_owner() { runuser -u "$OWNER" -- "$@"; }
else
    OWNER=$(id -un)
    as_owner() { "$@"; }
fi

mkdir -p var
# Two runs in one checkout would wipe each other's cluster: the second waits for the first.
exec 9>var/postgres.lock
if ! flock -n 9; then
    echo "Another test-postgres run is using var/postgres/; waiting for it to finish..." >&2
    flock 9
fi

# A cluster left running by a run that was killed outright is stopped before it is wiped.
if [ -f "$DATA/postmaster.pid" ]; then
    as_owner "$BIN/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1 || true
fi
rm -rf "$CLUSTER"
mkdir -p "$CLUSTER"
if [ "$(id -u)" = 0 ]; then
    chown "$OWNER": "$CLUSTER"
fi
if ! as_owner test -w "$CLUSTER"; then
    echo "$OWNER cannot write to $CLUSTER (a folder above it is not open to other users)." >&2
    exit 2
fi

# Czech collation, as a town hall's database would have it ("ch" after "h", "Č" right after "C"), so the run
# covers what `make test` cannot: SQLite compares by code point. ICU's collation needs no system locale;
# C.UTF-8 (in every glibc) serves only for messages and character classes. -N skips initdb's fsyncs.
as_owner "$BIN/initdb" -D "$DATA" -U navigator --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
    --locale-provider=icu --icu-locale=cs-CZ -N >/dev/null
# Durability is worth nothing for a database that is thrown away after the run; speed is.
cat >>"$DATA/postgresql.conf" <<EOF
listen_addresses = ''
unix_socket_directories = '$CLUSTER'
fsync = off
synchronous_commit = off
full_page_writes = off
wal_level = minimal
max_wal_senders = 0
autovacuum = off
EOF

stop_cluster() {
    as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
}
trap stop_cluster EXIT
# Exiting on a signal runs the EXIT trap too, so Ctrl-C or a CI timeout never leaves the server behind.
trap 'exit 130' INT
trap 'exit 143' TERM

as_owner "$BIN/pg_ctl" -D "$DATA" -l "$CLUSTER/server.log" -w -t 60 start >/dev/null
as_owner "$BIN/createdb" -h "$CLUSTER" -U navigator navigator

SOCKET=$("$PY" -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$CLUSTER")
echo "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') in var/postgres/ (log: var/postgres/server.log)"

set +e
DATABASE_URL="postgres://navigator@$SOCKET/navigator" "$PY" -m pytest "$@"
status=$?
set -e
exit $status
