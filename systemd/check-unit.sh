#!/usr/bin/env bash
# Checks systemd/triplestored.service with systemd-analyze:
#   1. `systemd-analyze security --offline=true` must rate the unit 1.5 or lower ("OK").
#   2. `systemd-analyze verify` must print nothing about the unit. It exits 0 even on
#      "Failed to parse ..., ignoring" and "Unknown key ...", so its output is what counts.
# Where systemd-analyze is missing it says so and exits 0 (the check cannot run there).
#
# verify also checks that ExecStart= is an existing executable, and
# /opt/triplestored/bin/triplestored exists only on an installed host. So verify runs on a
# temporary copy of the unit whose ExecStart= points to a stub executable of the same name;
# every other line is the shipped unit, byte for byte (the script checks that too).
#
# Usage: systemd/check-unit.sh [path/to/unit.service]   (default: the shipped unit)
# SYSTEMD_ANALYZE names the binary to use (default: systemd-analyze from PATH).
set -euo pipefail

analyze=${SYSTEMD_ANALYZE:-systemd-analyze}
if ! command -v "$analyze" >/dev/null 2>&1; then
  echo "skipped: systemd-analyze not found"
  exit 0
fi

script_dir=${BASH_SOURCE[0]%/*}
[[ $script_dir != "${BASH_SOURCE[0]}" ]] || script_dir=.
unit=${1:-"$script_dir/triplestored.service"}
max_exposure=1.5
installed_launcher=/opt/triplestored/bin/triplestored
if [[ ! -r $unit ]]; then
  echo "FAIL: unit file not readable: $unit" >&2
  exit 1
fi
unit_name=$(basename "$unit")
failed=0

# 1. Exposure score.
security_out=$("$analyze" security --offline=true "$unit" 2>&1) || true
score_line=$(grep -E "Overall exposure level for ${unit_name}:" <<<"$security_out" || true)
score=$(sed -nE 's/.*Overall exposure level for [^:]+: ([0-9]+(\.[0-9]+)?).*/\1/p' <<<"$score_line")
if [[ -z $score ]]; then
  echo "FAIL: no exposure score from systemd-analyze security; its output was:" >&2
  echo "$security_out" >&2
  failed=1
elif awk -v s="$score" -v m="$max_exposure" 'BEGIN { exit !(s > m) }'; then
  echo "FAIL: exposure $score > $max_exposure: ${score_line#→ }" >&2
  grep -E '^✗' <<<"$security_out" >&2 || true
  failed=1
else
  echo "ok: ${score_line#→ }"
fi
# Parse warnings are printed by security too; they mean a directive was silently dropped.
security_warnings=$(grep -F "${unit_name}:" <<<"$security_out" | grep -vF 'Overall exposure level' || true)
if [[ -n $security_warnings ]]; then
  echo "FAIL: systemd-analyze security warned about the unit:" >&2
  echo "$security_warnings" >&2
  failed=1
fi

# 2. verify, on a copy whose ExecStart points to a stub launcher.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/unit"
stub="$work/bin/triplestored"
printf '#!/bin/sh\nexit 0\n' >"$stub"
chmod 755 "$stub"
copy="$work/unit/$unit_name"
sed "s|^ExecStart=${installed_launcher}\$|ExecStart=${stub}|" "$unit" >"$copy"
if cmp -s "$unit" "$copy"; then
  echo "FAIL: the unit has no line 'ExecStart=${installed_launcher}'" >&2
  failed=1
elif [[ $(diff "$unit" "$copy" | grep -c '^[<>]') -ne 2 ]]; then
  echo "FAIL: substituting ExecStart changed more than one line" >&2
  failed=1
fi
verify_out=$("$analyze" verify "$copy" 2>&1) || true
verify_warnings=$(grep -E "(^|/)${unit_name}[:]" <<<"$verify_out" || true)
if [[ -n $verify_warnings ]]; then
  echo "FAIL: systemd-analyze verify warned about the unit:" >&2
  echo "${verify_warnings//$copy/$unit}" >&2
  failed=1
else
  echo "ok: systemd-analyze verify printed no warning about ${unit_name}"
  # Lines about other units (e.g. a host without some target) are shown, not judged.
  [[ -z $verify_out ]] || echo "note: verify also printed: $verify_out"
fi

exit "$failed"
