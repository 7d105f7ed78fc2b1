#!/usr/bin/env bash
# Usage: .ci/pgbouncer-start.sh BINARY PORT [extra [pgbouncer] ini lines...]
#   e.g. .ci/pgbouncer-start.sh /usr/sbin/pgbouncer 6431
#        .ci/pgbouncer-start.sh /var/cache/counsel-pgbouncer/pgbouncer-1.24 6433 'max_prepared_statements = 200'
# Starts a daemonized PgBouncer in transaction pool mode on 127.0.0.1:PORT in front of
# 127.0.0.1:5432 (every database), like the production pooler. Files live in
# /tmp/counsel-pgbouncer-PORT/; stop it with: kill "$(cat /tmp/counsel-pgbouncer-PORT/pgbouncer.pid)".
# If PORT already answers, nothing is started (whatever is there is taken as the pooler).
# Run as root (see .ci/pgbouncer-install.sh): pgbouncer refuses root, so it runs as postgres.
set -euo pipefail

[ $# -ge 2 ] || { echo "usage: $0 BINARY PORT [ini lines...]" >&2; exit 2; }
bin=$1 port=$2; shift 2
user=postgres
dir=/tmp/counsel-pgbouncer-$port

answers() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h 127.0.0.1 -p "$port" -U postgres -d postgres
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
  fi
}
answers && exit 0

mkdir -p "$dir"
# pgbouncer refuses to start while its pidfile names a process kill -0 can see, and a killed
# daemon can linger as a zombie until init reaps it: drop a pidfile whose process is not running.
if [ -s "$dir/pgbouncer.pid" ]; then
  state=$(ps -o stat= -p "$(cat "$dir/pgbouncer.pid")" 2>/dev/null || true)
  case $state in ''|Z*) rm -f "$dir/pgbouncer.pid" ;; esac
fi
# trust still requires the user to be listed; root is there for psql/pg_isready run as root.
printf '"postgres" ""\n"root" ""\n' >"$dir/userlist.txt"
{
  cat <<EOF
[databases]
* = host=127.0.0.1 port=5432

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir = $dir
pool_mode = transaction
auth_type = trust
auth_file = $dir/userlist.txt
admin_users = postgres
max_client_conn = 500
default_pool_size = 20
; sqlx sends extra_float_digits (and options when configured) at startup; pgbouncer rejects
; untracked startup parameters unless told to ignore them. DateStyle, client_encoding,
; TimeZone and application_name are tracked natively.
ignore_startup_parameters = extra_float_digits,options,search_path,statement_timeout
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
; Tests open many short connections: keep the log to what helps with a failure.
log_connections = 0
log_disconnections = 0
EOF
  for line in "$@"; do printf '%s\n' "$line"; done
} >"$dir/pgbouncer.ini"
chown -R "$user:" "$dir"

fail() { echo "pgbouncer-start: $*" >&2; cat "$dir/pgbouncer.log" >&2 2>/dev/null || true; exit 1; }
runuser -u "$user" -- "$bin" -d "$dir/pgbouncer.ini" || fail "$bin did not start"
for _ in $(seq 1 50); do answers && exit 0; sleep 0.2; done
fail "nothing answers on 127.0.0.1:$port after 10 s"
