# A throw-away PostgreSQL server for the tests, sourced by .ci/run (bash, set -euo pipefail).
#
# Installs Debian's `postgresql` if no server binaries are there, runs initdb into a temporary
# folder as a non-root user (PostgreSQL refuses to run as root), starts the server on a free
# port of 127.0.0.1 only (password auth, socket in the temporary folder), creates the test
# database and exports BRIEFBOT_TEST_DATABASE_URL. The server is stopped and its folder removed
# when the sourcing shell exits.

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

if [ -z "$(pg_bin)" ]; then
  echo "postgresql: installing Debian's package"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
fi
PG_BIN="$(pg_bin)"

PG_DIR="$(mktemp -d)"
if [ "$(id -u)" -eq 0 ]; then
  PG_USER=briefbot-ci
  id -u "$PG_USER" >/dev/null 2>&1 \
    || useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_USER"
  chown "$PG_USER" "$PG_DIR"
  as_pg() { (cd "$PG_DIR" && runuser -u "$PG_USER" -- "$@"); }
else
  as_pg() { "$@"; }
fi

PG_PASSWORD="$(python3 -c 'import secrets; print(secrets.token_hex(12))')"
PG_PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
printf '%s\n' "$PG_PASSWORD" > "$PG_DIR/pwfile"
chmod 600 "$PG_DIR/pwfile"
[ "$(id -u)" -ne 0 ] || chown "$PG_USER" "$PG_DIR/pwfile"

stop_postgres() {
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
trap stop_postgres EXIT

as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U briefbot --pwfile="$PG_DIR/pwfile" \
  --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
# fsync off: a throw-away server whose data nobody keeps.
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w start \
  -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$PG_DIR -c fsync=off" \
  >/dev/null
PGPASSWORD="$PG_PASSWORD" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U briefbot briefbot_test

export BRIEFBOT_TEST_DATABASE_URL="postgresql://briefbot:$PG_PASSWORD@127.0.0.1:$PG_PORT/briefbot_test"
echo "postgresql: $("$PG_BIN/postgres" --version) on 127.0.0.1:$PG_PORT, run as $(as_pg id -un)"
