#!/usr/bin/env bash
# Lists the system calls in an strace log that triplestored.service's SystemCallFilter= would
# refuse (refused calls fail with EPERM). The filter is read from the unit's SystemCallFilter=
# lines, in order, so this script and the unit cannot disagree: the first line is an allow
# list; each later line adds to it, or with a leading ~ takes away from it, as systemd does.
# Exit 0 when there are none, 1 when there are (they are printed), 2 on usage errors.
#
# Record a log of the daemon doing real work (attach with jcmd too), then check it:
#   strace -f -qq -o /tmp/triplestored.strace /opt/triplestored/bin/triplestored   # exercise it, stop it
#   systemd/syscalls-outside-filter.sh /tmp/triplestored.strace [UNIT]
# UNIT defaults to the triplestored.service next to this script.
set -euo pipefail

script_dir=${BASH_SOURCE[0]%/*}
[[ $script_dir != "${BASH_SOURCE[0]}" ]] || script_dir=.
unit=${2:-"$script_dir/triplestored.service"}
if [[ $# -lt 1 || $# -gt 2 || ! -r $1 ]]; then
  echo "usage: $0 STRACE_LOG [UNIT] (STRACE_LOG from strace -f -o STRACE_LOG ...)" >&2
  exit 2
fi
[[ -r $unit ]] || { echo "unit file not readable: $unit" >&2; exit 2; }
command -v systemd-analyze >/dev/null || { echo "skipped: systemd-analyze not found"; exit 0; }

# Expands a syscall group (e.g. @system-service) into its system calls, nested groups included;
# a plain system call name expands to itself.
expand() {
  local entry
  if [[ $1 != @* ]]; then echo "$1"; return; fi
  systemd-analyze syscall-filter "$1" | tail -n +2 | sed -E 's/^ +//; /^#/d; /^$/d' | while read -r entry; do
    if [[ $entry == @* ]]; then expand "$entry"; else echo "$entry"; fi
  done
}

mapfile -t lines < <(sed -nE 's/^SystemCallFilter=(.*)$/\1/p' "$unit")
if [[ ${#lines[@]} -eq 0 || ${lines[0]} == "~"* ]]; then
  echo "$unit has no SystemCallFilter= allow list (its first SystemCallFilter= line must not start with ~)" >&2
  exit 2
fi
filter="${lines[*]}"
allowed=""
for line in "${lines[@]}"; do
  deny=no
  [[ $line == "~"* ]] && { deny=yes; line=${line#\~}; }
  read -ra names <<<"$line"
  listed=$(for name in "${names[@]}"; do expand "$name"; done | sort -u)
  if [[ $deny == yes ]]; then
    allowed=$(comm -23 <(echo "$allowed") <(echo "$listed"))
  else
    allowed=$(sort -u <(echo "$allowed") <(echo "$listed") | sed '/^$/d')
  fi
done

# strace -f lines: "PID name(args) = result", also "<... name resumed>" for interrupted calls.
used=$(grep -oE '^[0-9]+ +([a-z_0-9]+\(|<\.\.\. [a-z_0-9]+ resumed>)' "$1" \
  | sed -E 's/^[0-9]+ +//; s/^<\.\.\. //; s/ resumed>$//; s/\($//' | sort -u)
[[ -n $used ]] || { echo "no system calls found in $1: is it an strace -f log?" >&2; exit 2; }
# execve starts the launcher before any filter applies in the JVM's own checks; it is in
# @system-service anyway, so nothing is special-cased.
refused=$(comm -23 <(echo "$used") <(echo "$allowed"))
echo "system calls used: $(echo "$used" | wc -l)"
if [[ -n $refused ]]; then
  echo "refused by SystemCallFilter=$filter (would fail with EPERM):"
  echo "$refused" | sed 's/^/  /'
  exit 1
fi
echo "all allowed by SystemCallFilter=$filter"
