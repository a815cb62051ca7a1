#!/bin/sh
# The LeakDrillTest recipe: two leases held while 20,000 triples are overwritten twice, against a
# daemon on HTTP port 18480 and Jolokia port 18778 with user ops, password drill-secret (see
# docs/BENCHMARKS.md, Part 4). The three files of 20,000 triples each are made once with:
#   mkdir -p /tmp/jcdrill/nt && for r in first second third; do seq 0 19999 |
#     awk -v r=$r '{ print "<http://ex/s" $1 "> <http://ex/p> \"value " $1 " " r "\" ." }' > /tmp/jcdrill/nt/$r.nt; done
set -eu
API=http://127.0.0.1:18480
NT=/tmp/jcdrill/nt
ct='Content-Type: application/n-triples'
bulk() { code=$(curl -s -o /dev/null -w '%{http_code}' -X "$1" -H "$ct" --data-binary @"$NT/$2.nt" "$API/triples?mode=bulk"); echo "$1 $2 -> $code"; [ "$code" = 200 ]; }
bulk POST first
curl -s -X POST "$API/snapshots?ttl=1h&owner=nightly-export"; echo
bulk DELETE first
bulk POST second
curl -s -X POST "$API/snapshots?ttl=30m&owner=report"; echo
bulk DELETE second
bulk POST third
curl -s "$API/snapshots"; echo
curl -s -u ops:drill-secret "http://127.0.0.1:18778/jolokia/read/io.triplestore:type=Store/SstBytesSummary,LiveToTotalRatio,Leases"; echo
