#!/usr/bin/env bash
# A Docker engine and the local base images for the container and systemd tests, on a machine
# that has no image registry (docs/OPERATIONS.md, "Verified in containers").
#
#   .ci/container-engine.sh start   install docker.io + debootstrap when absent (apt-get update
#                                   first), start dockerd when none answers, build the base images
#                                   that are missing. Exit 0: the engine answers and every image
#                                   exists. Exit 3: no engine can be started here (not root, no
#                                   apt, dockerd does not come up); the container tests then skip.
#                                   Any other non-zero exit: the engine came up but an image could
#                                   not be built.
#   .ci/container-engine.sh stop    stop the dockerd that `start` started (by its pid file) and
#                                   nothing else; an engine that was already running is left alone.
#   .ci/container-engine.sh images  print the base image names, one per line.
#
# The images are built from Debian's own packages (debootstrap from the mirror apt uses, then
# `docker import`), so nothing is pulled from a registry. They are cached by name: a second
# `start` builds nothing. Remove them with `docker rmi` to rebuild.
#   local/debian:bookworm-minbase   debootstrap --variant=minbase
#   local/debian:bookworm-jre17     + openjdk-17-jre-headless   (BASE_IMAGE of the Dockerfile)
#   local/debian:bookworm-systemd   + systemd, dbus, procps, curl; CMD /sbin/init
#
# TRIPLESTORE_ENGINE_DIR: where the pid file, dockerd's log and the debootstrap tree live
# (default /var/tmp/triplestore-engine).
set -euo pipefail

readonly MINBASE_IMAGE=local/debian:bookworm-minbase
readonly JRE_IMAGE=local/debian:bookworm-jre17
readonly SYSTEMD_IMAGE=local/debian:bookworm-systemd
readonly SUITE=bookworm
readonly EXIT_NO_ENGINE=3

state_dir=${TRIPLESTORE_ENGINE_DIR:-/var/tmp/triplestore-engine}
pid_file=$state_dir/dockerd.pid
log_file=$state_dir/dockerd.log

log() { echo "container-engine: $*" >&2; }

engine_answers() { docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

# The first Debian mirror apt is configured with (deb822 or one-line format).
debian_mirror() {
  local mirror
  mirror=$(sed -nE 's/^URIs:[[:space:]]*([^[:space:]]+debian)\/?$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1)
  [[ -n $mirror ]] || mirror=$(sed -nE 's/^deb[[:space:]]+([^[:space:]]+debian)\/?[[:space:]].*/\1/p' /etc/apt/sources.list 2>/dev/null | head -1)
  echo "${mirror:-http://deb.debian.org/debian}"
}

install_packages() {
  local missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
  ((${#missing[@]} == 0)) && return 0
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    log "cannot install ${missing[*]}: needs root and apt-get"
    return 1
  fi
  log "installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

start_dockerd() {
  engine_answers && { log "an engine already answers; using it"; return 0; }
  mkdir -p "$state_dir"
  log "starting dockerd (log: $log_file)"
  # setsid: dockerd outlives this script and is not in the caller's process group.
  # dockerd writes its pid file itself and removes it when it exits.
  setsid dockerd --storage-driver=overlay2 --pidfile "$pid_file" >"$log_file" 2>&1 </dev/null &
  local launched=$!
  for _ in $(seq 1 60); do
    engine_answers && { log "dockerd $(cat "$pid_file") answers"; return 0; }
    kill -0 "$launched" 2>/dev/null || break
    sleep 0.5
  done
  log "dockerd did not answer; last lines of its log:"
  tail -n 20 "$log_file" >&2 || true
  stop_dockerd
  return 1
}

stop_dockerd() {
  [[ -f $pid_file ]] || { log "no dockerd started by this script"; return 0; }
  local pid
  pid=$(cat "$pid_file")
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping dockerd $pid"
    kill -TERM "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && { log "dockerd $pid ignored SIGTERM for 30 s; killing it"; kill -KILL "$pid"; }
  fi
  rm -f "$pid_file"
}

image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

# Installs packages into the debootstrap tree; /proc is mounted because some maintainer
# scripts (the JRE's) read it, and unmounted whatever apt did.
chroot_install() {
  local root=$1 rc=0
  shift
  mount -t proc proc "$root/proc"
  # Maintainer scripts chatter on stderr (no /dev/pts, no runlevel); apt's exit status counts.
  { chroot "$root" apt-get update -qq \
      && DEBIAN_FRONTEND=noninteractive chroot "$root" apt-get install -y -qq --no-install-recommends "$@" \
      && chroot "$root" apt-get clean; } >>"$state_dir/chroot-apt.log" 2>&1 || rc=$?
  umount "$root/proc"
  if ((rc != 0)); then
    tail -n 20 "$state_dir/chroot-apt.log" >&2
    return "$rc"
  fi
  rm -rf "$root"/var/lib/apt/lists/*
}

import_tree() {
  local root=$1 image=$2
  shift 2
  tar -C "$root" -c . | docker import "$@" - "$image" >/dev/null
  log "built $image"
}

build_images() {
  image_exists "$MINBASE_IMAGE" && image_exists "$JRE_IMAGE" && image_exists "$SYSTEMD_IMAGE" && return 0
  local root=$state_dir/rootfs
  # A run killed mid-install may have left /proc mounted in the tree.
  umount "$root/proc" 2>/dev/null || true
  rm -rf --one-file-system "$root"
  log "debootstrap --variant=minbase $SUITE from $(debian_mirror)"
  debootstrap --variant=minbase "$SUITE" "$root" "$(debian_mirror)" >"$state_dir/debootstrap.log" 2>&1 \
    || { tail -n 20 "$state_dir/debootstrap.log" >&2; return 1; }
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  image_exists "$MINBASE_IMAGE" || import_tree "$root" "$MINBASE_IMAGE" --change 'CMD ["/bin/bash"]'
  chroot_install "$root" openjdk-17-jre-headless
  image_exists "$JRE_IMAGE" || import_tree "$root" "$JRE_IMAGE" --change 'CMD ["/bin/bash"]'
  chroot_install "$root" systemd systemd-sysv dbus procps curl
  # Every container boots with a machine id of its own; no console to log in on.
  : >"$root/etc/machine-id"
  rm -f "$root"/etc/systemd/system/getty.target.wants/*
  # `docker import` cannot set STOPSIGNAL: run it with --stop-signal SIGRTMIN+3 (what systemd
  # takes as "halt"), as the tests do.
  image_exists "$SYSTEMD_IMAGE" || import_tree "$root" "$SYSTEMD_IMAGE" --change 'CMD ["/sbin/init"]'
  rm -rf --one-file-system "$root"
}

case ${1:-} in
  start)
    install_packages || exit "$EXIT_NO_ENGINE"
    start_dockerd || exit "$EXIT_NO_ENGINE"
    build_images
    ;;
  stop) stop_dockerd ;;
  images) printf '%s\n' "$MINBASE_IMAGE" "$JRE_IMAGE" "$SYSTEMD_IMAGE" ;;
  *)
    echo "usage: $0 start|stop|images" >&2
    exit 64
    ;;
esac
