#!/bin/bash
# The image's HEALTHCHECK: GET /health on the server's own port; healthy only on HTTP 200 (a
# pending migration or an unreachable database answers 503). Bash's /dev/tcp needs no curl in the image.
set -u
port=${FLOWBASE_PORT:-8080}
exec 3<>"/dev/tcp/127.0.0.1/$port" || { echo "unhealthy: nothing listens on port $port" >&2; exit 1; }
printf 'GET /health HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
IFS= read -r -t 3 status <&3 || { echo "unhealthy: no answer on port $port" >&2; exit 1; }
case "$status" in
    "HTTP/1."?" 200 "*) exit 0 ;;
    *) echo "unhealthy: /health answered ${status%$'\r'}" >&2; exit 1 ;;
esac
