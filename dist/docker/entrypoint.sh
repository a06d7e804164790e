#!/bin/sh
# The image's entry point: `flowbase ARGS`, with `serve` when no command is given. It replaces
# itself with Java (exec), so `docker stop`'s SIGTERM reaches the server, which drains and exits.
# Tested as a plain script by dist/test-delivery; FLOWBASE_HOME and FLOWBASE_DATA let the test
# point it at an unpacked release and a folder of its own.
set -eu
home=${FLOWBASE_HOME:-/opt/flowbase}
data=${FLOWBASE_DATA:-/var/lib/flowbase/data}

if [ $# -eq 0 ]; then
    set -- serve
fi
case "$1" in
    -*) set -- serve "$@" ;;
esac

# Without a database setting, Flowbase uses SQLite under ./data: that must be the writable volume.
# A volume owned by another user is the usual first failure, so it is named before Java starts.
if [ -z "${DATABASE_URL:-}${DB_HOST:-}${POSTGRES_HOST:-}" ] && [ -d "$data" ] && [ ! -w "$data" ]; then
    echo "flowbase: the data folder $data is not writable by user $(id -u)." >&2
    echo "          Give it to that user (chown -R $(id -u) on the volume), or set DATABASE_URL." >&2
    exit 73
fi

exec "$home/bin/flowbase" "$@"
