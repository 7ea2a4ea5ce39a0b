#!/usr/bin/env bash
# Renders the README's screenshots (resources/screenshots/*.png) with `ncf-workbench --demo
# --screenshot`, after short runs on the demo dataset so that every tab has something to
# show: a training run, an ASHA search, a cross-validation of its best configurations and a
# stream run, all in a fresh experiment database the tabs restore from.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
bin="$top/build/bin"
out=${1:-$top/resources/screenshots}
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
app_dir="$data_home/NCF Workbench/ncf-workbench"
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$tmp"' EXIT

# The demo dataset, generated on first use.
"$bin/ncf-workbench" --demo --screenshot "$tmp/warmup" > /dev/null
demo="$app_dir/demo/ml-100k-synthetic/u.data"
model="$app_dir/stream-model"
db="$app_dir/experiments.sqlite"

rm -f "$db" "$db-wal" "$db-shm"
"$bin/ncf" train --data "$demo" --model nonlinear --epochs 8 --db "$db" > /dev/null
"$bin/ncf" search --data "$demo" --model mf --algo asha --trials 12 --epochs 8 --workers 2 \
    --threads 1 --db "$db" > /dev/null
"$bin/ncf" cv --db "$db" --top 3 --folds 5 --workers 2 --threads 1 > /dev/null

# A stream run where the Stream tab looks: initial model, producer, consumer.
rm -rf "$model"
"$bin/ncf" train --data "$demo" --protocol continual --initial 50000 --model mf --epochs 5 \
    --save "$model" > /dev/null
"$bin/ncf" broker --partitions 2 > "$tmp/broker" &
for _ in $(seq 100); do [ -s "$tmp/broker" ] && break; sleep 0.1; done
brokers=$(head -1 "$tmp/broker")
"$bin/ncf" produce --data "$demo" --brokers "$brokers" --initial 50000 > /dev/null
"$bin/ncf" stream --brokers "$brokers" --model "$model" --data "$demo" --buffer 4000 \
    --until-end --db "$db" > /dev/null

"$bin/ncf-workbench" --demo --screenshot "$out"
