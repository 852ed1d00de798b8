#!/usr/bin/env bash
# Writes a valid plans CSV (';', UTF-8, the template's columns, form 1: homes per segment) of N plans, one row each,
# spread round-robin over the 342 real municipalities of data/reference/gemeenten-2025.csv. Deterministic: plan i of
# municipality m gets code BENCH-<i>, status from a fixed cycle, delivery years 2026-2030 and 1-60 homes.
# Usage: bench/import/generate.sh [N=150000] > plans.csv
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-150000}
awk -F, -v n="$N" '
  NR > 1 { codes[m++] = $1 }
  END {
    split("1a 1b 1c 2a 2b 3 4a 4b", status, " ")
    print "gemeentecode;plancode;naam;planstatus;opleverjaar_van;opleverjaar_tot;sociale_huur;middenhuur;betaalbare_koop;vrije_huur;vrije_koop;segment_onbekend"
    for (i = 0; i < n; i++) {
      from = 2026 + (i % 3)
      printf "%s;BENCH-%06d;Benchmarkplan %d;%s;%d;%d;%d;%d;%d;%d;%d;%d\n", codes[i % m], i, i, status[(i % 8) + 1], from, from + (i % 3), i % 13, i % 7, i % 11, i % 5, 1 + (i % 17), i % 3
    }
  }' data/reference/gemeenten-2025.csv
