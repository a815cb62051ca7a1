#!/usr/bin/env bash
# Lists the system calls in an strace log that triplestored.service's filter would refuse
# (SystemCallFilter=@system-service, then ~@privileged; refused calls fail with EPERM).
# Exit 0 when there are none, 1 when there are (they are printed), 2 on usage errors.
#
# Record a log of the daemon doing real work, then check it:
#   strace -f -qq -o /tmp/triplestored.strace /opt/triplestored/bin/triplestored   # exercise it, stop it
#   systemd/syscalls-outside-filter.sh /tmp/triplestored.strace
set -euo pipefail

if [[ $# -ne 1 || ! -r $1 ]]; then
  echo "usage: $0 STRACE_LOG (from strace -f -o STRACE_LOG ...)" >&2
  exit 2
fi
command -v systemd-analyze >/dev/null || { echo "skipped: systemd-analyze not found"; exit 0; }

# Expands a syscall group (e.g. @system-service) into its system calls, nested groups included.
expand() {
  local entry
  systemd-analyze syscall-filter "$1" | tail -n +2 | sed -E 's/^ +//; /^#/d; /^$/d' | while read -r entry; do
    if [[ $entry == @* ]]; then expand "$entry"; else echo "$entry"; fi
  done
}

allowed=$(comm -23 <(expand @system-service | sort -u) <(expand @privileged | sort -u))
# strace -f lines: "PID name(args) = result", also "<... name resumed>" for interrupted calls.
used=$(grep -oE '^[0-9]+ +([a-z_0-9]+\(|<\.\.\. [a-z_0-9]+ resumed>)' "$1" \
  | sed -E 's/^[0-9]+ +//; s/^<\.\.\. //; s/ resumed>$//; s/\($//' | sort -u)
[[ -n $used ]] || { echo "no system calls found in $1: is it an strace -f log?" >&2; exit 2; }
# execve starts the launcher before any filter applies in the JVM's own checks; it is in
# @system-service anyway, so nothing is special-cased.
refused=$(comm -23 <(echo "$used") <(echo "$allowed"))
echo "system calls used: $(echo "$used" | wc -l)"
if [[ -n $refused ]]; then
  echo "refused by SystemCallFilter=@system-service ~@privileged (would fail with EPERM):"
  echo "$refused" | sed 's/^/  /'
  exit 1
fi
echo "all allowed by SystemCallFilter=@system-service ~@privileged"
