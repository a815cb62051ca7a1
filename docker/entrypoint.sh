#!/bin/sh
# Entrypoint of the triplestored image.
#
# The image binds Jolokia to 0.0.0.0 so that a published port reaches it. Without
# credentials Jolokia would then answer reads (system properties, JVM arguments, every
# attribute of our MBeans) to anyone who can reach the port, so the container refuses to
# serve unless TRIPLESTORE_JOLOKIA_USER and TRIPLESTORE_JOLOKIA_PASSWORD are set, Jolokia is
# bound to loopback, or it is turned off. The check reads the environment only; flags and a
# --config file given as arguments are the operator's explicit choice and are not second-guessed.
#
# `exec` makes the JVM PID 1, so `docker stop` (SIGTERM, see STOPSIGNAL) reaches it directly.
# TRIPLESTORE_HOME (default /opt/triplestored) is where the distribution is unpacked.
set -eu

home=${TRIPLESTORE_HOME:-/opt/triplestored}
jolokia_host=${TRIPLESTORE_JOLOKIA_HOST:-127.0.0.1}
# The daemon reads booleans case-insensitively and trims them; so does this check.
jolokia_enabled=$(printf '%s' "${TRIPLESTORE_JOLOKIA_ENABLED:-true}" | tr -d '[:space:]' | tr '[:upper:]' '[:lower:]')

is_loopback() {
  case "$1" in
    127.*|localhost|::1|\[::1\]) return 0 ;;
    *) return 1 ;;
  esac
}

# Only serving starts Jolokia; `import FILE` and `--help` do not.
serves=true
case "${1:-}" in
  import|--help|-h) serves=false ;;
esac

if [ "$serves" = true ] && [ "$jolokia_enabled" != "false" ] && ! is_loopback "$jolokia_host"; then
  if [ -z "${TRIPLESTORE_JOLOKIA_USER:-}" ] || [ -z "${TRIPLESTORE_JOLOKIA_PASSWORD:-}" ]; then
    echo "triplestored: jolokia.host=$jolokia_host is reachable from outside the container without credentials;" \
      "set TRIPLESTORE_JOLOKIA_USER and TRIPLESTORE_JOLOKIA_PASSWORD," \
      "or TRIPLESTORE_JOLOKIA_HOST=127.0.0.1, or TRIPLESTORE_JOLOKIA_ENABLED=false" >&2
    exit 2
  fi
fi

exec "$home/bin/triplestored" "$@"
