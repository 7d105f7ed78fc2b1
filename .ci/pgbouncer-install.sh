#!/usr/bin/env bash
# Installs the two PgBouncers the transaction-pooling tests run against. Idempotent; prints
# nothing but errors (a failing step's captured output).
#
#   /usr/sbin/pgbouncer                 bookworm's package, 1.18: no protocol-level prepared
#                                       statements (what many production poolers still run).
#   $PGBOUNCER_CACHE/pgbouncer-new      1.21+ (prepared statements via max_prepared_statements),
#                                       built from trixie's Debian source package, whatever its
#                                       exact version (1.24.x at the time of writing);
#   $PGBOUNCER_CACHE/pgbouncer-1.24     symlink to it: the stable name callers use.
#   PGBOUNCER_CACHE defaults to /var/cache/counsel-pgbouncer.
#
# Run user: `postgres` (created by postgresql-common, which the pgbouncer package depends on;
# Debian's own pgbouncer service runs as it too). pgbouncer refuses to run as root.
# Must run as root. Start instances with .ci/pgbouncer-start.sh.
set -euo pipefail

CACHE=${PGBOUNCER_CACHE:-/var/cache/counsel-pgbouncer}
NEW=$CACHE/pgbouncer-1.24
export DEBIAN_FRONTEND=noninteractive

# Run a command with its output kept aside, shown only if it fails.
quiet() {
  local out rc=0
  out=$(mktemp)
  "$@" >"$out" 2>&1 || rc=$?
  if [ "$rc" -ne 0 ]; then echo "pgbouncer-install: failed ($rc): $*" >&2; cat "$out" >&2; fi
  rm -f "$out"
  return "$rc"
}

APT_UPDATED=
apt_install() {
  # Install only what is missing, so a second run never touches apt.
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ -z "$APT_UPDATED" ]; then quiet apt-get update; APT_UPDATED=1; fi
  quiet apt-get install -y --no-install-recommends "${missing[@]}"
}

# --- 1.18 from bookworm ---------------------------------------------------------------------
if [ ! -x /usr/sbin/pgbouncer ]; then
  apt_install pgbouncer
  # The package's postinst starts a daemon on 6432; tests start their own instances, so stop it
  # and keep it from coming back (no systemd here: SysV init script only).
  service pgbouncer stop >/dev/null 2>&1 || true
  update-rc.d pgbouncer disable >/dev/null 2>&1 || true
  pidf=/var/run/postgresql/pgbouncer.pid
  if [ -s "$pidf" ] && kill -0 "$(cat "$pidf")" 2>/dev/null; then kill "$(cat "$pidf")" || true; fi
fi
id postgres >/dev/null 2>&1 || { echo "pgbouncer-install: no postgres user" >&2; exit 1; }

# --- 1.21+ built from trixie's source package ----------------------------------------------
version_of() { "$1" --version 2>/dev/null | sed -n 's/^PgBouncer \([0-9.]*\).*/\1/p' | head -n 1; }
have=$( [ -x "$NEW" ] && version_of "$NEW" || true)
if [ -n "$have" ] && dpkg --compare-versions "$have" ge 1.21; then exit 0; fi

apt_install dpkg-dev libevent-dev libc-ares-dev libssl-dev pkg-config make gcc

# Same mirror host as the system's bookworm sources (deb.debian.org here), so it is reachable.
mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources \
  2>/dev/null | grep -v '^[[:space:]]*#' | grep -oE 'https?://[^ ]+/debian/?( |$)' | head -n 1 | tr -d ' ' || true)
mirror=${mirror:-http://deb.debian.org/debian}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/src"
echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] ${mirror%/} trixie main" \
  >"$work/sources.list"
# A private source list, list dir and no package caches: the system's apt state (bookworm only)
# is left exactly as it was, and trixie never becomes installable by accident.
aptopts=(-o "Dir::Etc::sourcelist=$work/sources.list" -o Dir::Etc::sourceparts=-
         -o APT::Get::List-Cleanup=0 -o "Dir::State::Lists=$work/lists"
         -o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache=)
quiet apt-get "${aptopts[@]}" update
(cd "$work/src" && quiet apt-get "${aptopts[@]}" source pgbouncer)

srcdir=$(find "$work/src" -mindepth 1 -maxdepth 1 -type d -name 'pgbouncer-*' | head -n 1)
# systemd notify support is not needed (no systemd here) and needs libsystemd-dev.
(cd "$srcdir" && quiet ./configure --without-systemd && quiet make -j"$(nproc)")

mkdir -p "$CACHE"
install -m 0755 "$srcdir/pgbouncer" "$CACHE/pgbouncer-new"
ln -sfn pgbouncer-new "$NEW"
have=$(version_of "$NEW")
if [ -z "$have" ] || ! dpkg --compare-versions "$have" ge 1.21; then
  echo "pgbouncer-install: built version '$have' is older than 1.21" >&2
  exit 1
fi
