#!/usr/bin/env bash
# Usage: .ci/postgres-without-pgvector.sh [PORT]   (default 5440)
# Starts a second PostgreSQL 15 on 127.0.0.1:PORT (trust auth, user postgres) whose server has
# no pgvector: the tests of what the migration says on a server without the extension
# (TEST_POSTGRES_WITHOUT_PGVECTOR_URL). The main server has pgvector, and taking it away there
# would break every other test running beside them.
#
# PostgreSQL finds its share/ and lib/ directories relative to its binary, so a copy of
# Debian's installation under /var/cache/counsel-pg-plain (lib/postgresql/15 and
# share/postgresql/15) with pgvector's files left out is a server without it. Its data
# directory lives there too. If PORT already answers, nothing is started. Must run as root
# (the server runs as postgres).
set -euo pipefail

port=${1:-5440}
root=${PG_PLAIN_ROOT:-/var/cache/counsel-pg-plain}
data=$root/data-$port
user=postgres
answers() { pg_isready -q -h 127.0.0.1 -p "$port"; }
answers && exit 0

if [ ! -x "$root/lib/postgresql/15/bin/postgres" ]; then
  mkdir -p "$root/lib/postgresql" "$root/share/postgresql"
  cp -a /usr/lib/postgresql/15 "$root/lib/postgresql/"
  cp -a /usr/share/postgresql/15 "$root/share/postgresql/"
fi
# Whatever was installed since the copy, pgvector stays out of it.
rm -f "$root"/share/postgresql/15/extension/vector.control \
  "$root"/share/postgresql/15/extension/vector--*.sql \
  "$root"/lib/postgresql/15/lib/vector.so
chmod 755 "$root"
bin=$root/lib/postgresql/15/bin

fail() { echo "postgres-without-pgvector: $*" >&2; cat "$data/server.log" >&2 2>/dev/null || true; exit 1; }
if [ ! -s "$data/PG_VERSION" ]; then
  rm -rf "$data"
  mkdir -p "$data"
  chown "$user:" "$data"
  runuser -u "$user" -- "$bin/initdb" -D "$data" -U postgres -A trust --no-sync -E UTF8 \
    >/dev/null || fail "initdb failed"
fi
runuser -u "$user" -- "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 30 \
  -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$data -c fsync=off" \
  start >/dev/null || fail "the server did not start"
answers || fail "nothing answers on 127.0.0.1:$port"
