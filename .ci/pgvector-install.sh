#!/usr/bin/env bash
# Installs pgvector 0.8+ (the `vector` extension) into the local PostgreSQL 15. Idempotent;
# prints nothing but errors (a failing step's captured output).
#
# Bookworm only packages pgvector 0.5, so it is built from trixie's Debian source package
# (whatever its exact version: 0.8.x at the time of writing) against postgresql-server-dev-15,
# then `make install`ed into /usr/lib/postgresql/15/lib and /usr/share/postgresql/15/extension.
# A new extension needs no server restart (pgvector is not a shared_preload_libraries library):
# `CREATE EXTENSION vector` works in the running server straight away.
# Must run as root.
set -euo pipefail

PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config
export DEBIAN_FRONTEND=noninteractive

# Run a command with its output kept aside, shown only if it fails.
quiet() {
  local out rc=0
  out=$(mktemp)
  "$@" >"$out" 2>&1 || rc=$?
  if [ "$rc" -ne 0 ]; then echo "pgvector-install: failed ($rc): $*" >&2; cat "$out" >&2; fi
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

# The installed extension's version: the control file's default_version, provided the module
# it loads is there too (empty if either is missing). Paths are PostgreSQL 15's fixed Debian
# ones, so this check needs neither pg_config (postgresql-server-dev-15) nor apt.
installed_version() {
  local control=/usr/share/postgresql/15/extension/vector.control
  [ -f "$control" ] && [ -f /usr/lib/postgresql/15/lib/vector.so ] || return 0
  sed -n "s/^[[:space:]]*default_version[[:space:]]*=[[:space:]]*'\([^']*\)'.*/\1/p" "$control" \
    | head -n 1
}
have=$(installed_version)
if [ -n "$have" ] && dpkg --compare-versions "$have" ge 0.8; then exit 0; fi

[ -d /usr/lib/postgresql/15 ] || { echo "pgvector-install: PostgreSQL 15 is not installed" >&2; exit 1; }
apt_install postgresql-server-dev-15 dpkg-dev make gcc libc6-dev

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
(cd "$work/src" && quiet apt-get "${aptopts[@]}" source pgvector)

srcdir=$(find "$work/src" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | head -n 1)
[ -n "$srcdir" ] || { echo "pgvector-install: no source tree unpacked" >&2; exit 1; }
# OPTFLAGS= drops upstream's default -march=native (as distribution builds do): the installed
# module stays portable to any amd64 machine this image ends up on.
(cd "$srcdir" && quiet make -j"$(nproc)" PG_CONFIG="$PG_CONFIG" OPTFLAGS= \
  && quiet make install PG_CONFIG="$PG_CONFIG" OPTFLAGS=)

have=$(installed_version)
if [ -z "$have" ] || ! dpkg --compare-versions "$have" ge 0.8; then
  echo "pgvector-install: installed version '$have' is older than 0.8" >&2
  exit 1
fi
