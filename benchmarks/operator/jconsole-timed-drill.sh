#!/bin/bash
# Timed JConsole-only leak drill (OPERATIONS.md 6.2 and 7), clicks replayed from the calibration run.
#   usage: timed-drill.sh <daemon pid> <run name>
# Display :94 (Xvfb :94 -screen 0 1400x900x24), JConsole of JDK 17, Metal look and feel.
# Clock: from just before `jconsole <pid>` to the Store attributes on screen after reclaim + Refresh.
# Waits: xdotool search --sync on real X windows (main window, result dialogs "Operation return value"
# and "Info"); where JConsole draws inside its main window (internal "Secure connection failed"
# dialog, tabs, tree nodes, operation buttons, attribute table) the script polls ONE pixel of the
# element it is about to click until it turns the text colour #333333 (every 0.05 s, ~35 ms a probe).
# Results are read from the result dialogs' text through the clipboard (click in the text, ctrl+a,
# ctrl+c, xclip -o), not by a person or model looking at a screenshot.
# Fixed delays: 0.3 s after Refresh (nothing to wait on: the table is already shown); none elsewhere.
set -u
PID=$1
RUN=${2:-run}
OUT=/tmp/jcdrill
export DISPLAY=:94
LOG=$OUT/$RUN.log
: > "$LOG"

now() { date +%s.%N; }
T0=$(now)
LAST=$T0
mark() { # mark "step name": per-step and cumulative times
  local t; t=$(now)
  awk -v a="$LAST" -v b="$t" -v z="$T0" -v s="$1" 'BEGIN { printf "%-58s step %6.2f s  total %6.2f s\n", s, b - a, b - z }' | tee -a "$LOG"
  LAST=$t
}
fail() { echo "FAIL: $*" | tee -a "$LOG"; import -window root "$OUT/$RUN-fail.png"; exit 1; }
click() { xdotool mousemove "$1" "$2" click 1; }
pixel() { import -window root -crop "1x1+$1+$2" -depth 8 txt:- 2>/dev/null | awk 'NR == 2 { print $3 }'; }
wait_dark() { # wait_dark X Y TIMEOUT-S: until pixel (X,Y) is #333333 (text of the element)
  local end; end=$(awk -v t="$(now)" -v d="${3:-30}" 'BEGIN { printf "%.3f\n", t + d }')
  until [ "$(pixel "$1" "$2")" = "#333333" ]; do
    awk -v t="$(now)" -v e="$end" 'BEGIN { exit !(t > e) }' && fail "pixel $1,$2 not dark after ${3:-30} s"
    sleep 0.05
  done
}
wait_window() { # wait_window NAME [TIMEOUT-S] -> prints its id (xdotool search --sync, visible only)
  local w; w=$(timeout "${2:-120}" xdotool search --sync --onlyvisible --name "^$1\$" | head -1)
  [ -n "$w" ] && echo "$w"
}
wait_gone() { # wait_gone ID: until that window is no longer viewable
  while xwininfo -id "$1" 2>/dev/null | grep -q 'IsViewable'; do sleep 0.05; done
}
geom() { # geom ID -> "X Y W H"
  xdotool getwindowgeometry --shell "$1" | awk -F= '{ v[$1] = $2 } END { print v["X"], v["Y"], v["WIDTH"], v["HEIGHT"] }'
}
read_text() { # read_text ID: the text of a result dialog (click in its text, ctrl+a, ctrl+c)
  local x y w h; read -r x y w h < <(geom "$1")
  click $((x + w / 2)) $((y + 20))
  xdotool key ctrl+a ctrl+c
  sleep 0.05
  timeout 5 xclip -o -selection clipboard
}
ok() { # ok ID: click the dialog's OK button (centred, 26 px above its bottom) and wait until it is gone
  local x y w h; read -r x y w h < <(geom "$1")
  click $((x + w / 2)) $((y + h - 26))
  wait_gone "$1"
}
field() { click "$1" "$2"; xdotool key ctrl+a; xdotool type --delay 12 "$3"; }

# --- 1. attach ---------------------------------------------------------------------------------
jconsole -J-Dswing.defaultlaf=javax.swing.plaf.metal.MetalLookAndFeel "$PID" > "$OUT/$RUN-jconsole.log" 2>&1 &
echo $! > "$OUT/$RUN-jconsole.pid"
wait_window "Java Monitoring & Management Console" > /dev/null || fail "no main window"
mark "1a jconsole <pid>: main window up"
wait_dark 575 144 60                      # "Secure" of "Secure connection failed. Retry insecurely?"
mark "1b dialog 'Secure connection failed' shown"
click 612 277                             # Insecure connection
wait_dark 722 133 60                      # MBeans tab present = connected
mark "1c Insecure connection -> connected (MBeans tab)"

# --- 2. the oldest lease and its owner ----------------------------------------------------------
click 722 133                             # MBeans tab
wait_dark 298 192                         # io.triplestore in the tree
click 266 192                             # expand io.triplestore
wait_dark 319 210                         # SnapshotRegistry
click 287 210                             # expand SnapshotRegistry
wait_dark 338 227                         # store
click 306 227                             # expand store
wait_dark 338 257                         # Operations
click 370 257                             # SnapshotRegistry/store Operations
wait_dark 603 736                         # leaseTable button
mark "2a MBeans -> io.triplestore -> SnapshotRegistry -> store -> Operations"
click 622 736                             # leaseTable (limit left at 0)
W=$(wait_window "Operation return value") || fail "no leaseTable result"
mark "2b leaseTable -> result window"
import -window "$W" "$OUT/$RUN-leaseTable.png"      # evidence only, not looked at during the run
TABLE=$(read_text "$W")
printf '%s\n' "$TABLE" >> "$LOG"
ID=$(printf '%s\n' "$TABLE" | awk 'NR == 2 { print $1 }')
OWNER=$(printf '%s\n' "$TABLE" | awk 'NR == 2 { print $2 }')
case "$ID" in '' | *[!0-9]*) fail "no id in leaseTable: $TABLE" ;; esac
ok "$W"
mark "2c read oldest lease: id $ID owner $OWNER; OK"

# --- 3. force-release ---------------------------------------------------------------------------
field 788 460 "$ID"                        # forceRelease id
click 630 460                             # forceRelease
W=$(wait_window "Operation return value") || fail "no forceRelease result"
R=$(read_text "$W"); ok "$W"
mark "3a forceRelease $ID -> $R"
[ "$R" = true ] || fail "forceRelease answered '$R'"
field 866 644 report                      # forceReleaseOwner owner
click 653 644                             # forceReleaseOwner
W=$(wait_window "Operation return value") || fail "no forceReleaseOwner result"
R=$(read_text "$W"); ok "$W"
mark "3b forceReleaseOwner report -> $R"
[ "$R" = 1 ] || fail "forceReleaseOwner answered '$R'"

# --- 4. reclaim ---------------------------------------------------------------------------------
click 287 288                             # expand Store
wait_dark 318 318                         # Store/Operations
click 350 318                             # Store Operations
wait_dark 590 665                         # reclaim button
mark "4a Store -> Operations"
click 602 665                             # reclaim
W=$(wait_window "Info" 300) || fail "no reclaim result"      # "Method successfully invoked"
ok "$W"
mark "4b reclaim -> Info 'Method successfully invoked'; OK"

# --- 5. Store attributes ------------------------------------------------------------------------
click 347 303                             # Store Attributes
wait_dark 436 303                         # SstBytesSummary row of the table
click 784 799                             # Refresh
sleep 0.3
mark "5 Store -> Attributes, Refresh"
T1=$(now)
awk -v a="$T0" -v b="$T1" 'BEGIN { printf "TOTAL %.2f s (jconsole <pid> to Store attributes after reclaim)\n", b - a }' | tee -a "$LOG"
import -window root "$OUT/$RUN-store-after-reclaim.png"
