#!/usr/bin/env bash
# Ours against what a user would run instead, in one run on this machine (../shared/peers):
#  - influence: bench_peer_influence against rapidin_way.py (per-sample gradients sketched to K,
#    200 real Dolly rows of the release, stories260K) for the parameter sets all / lora / embed, the
#    peer under PyPI's torch 2.x (build/pyref, what users run today) and under Debian's 1.13 where
#    it is installed; the ratio counts against the faster of the two;
#  - generation: `rapidun generate --json` (its tokens_per_second) against llama2.c's run.c, greedy
#    from BOS, 256 tokens, at batch 1 (the greedy texts must be identical), and bench_generate's
#    batch 8 and 32 beside it.
# Every pair is alternated 3 times (which goes first swaps each round) and the medians are compared:
# identical runs on these VMs differ by up to 4x. Ends with one line per comparison:
#   influence-<set> ours <samples/s> peer <samples/s> ratio <r>
#   generate-b<batch> ours <tok/s> peer <tok/s> ratio <r>
# usage: bash bench/vs-peers.sh   (build folder from $BUILD_DIR, default build; $ROUNDS, default 3;
#        $SETS, default "all lora embed"; $THREADS, default 2)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
ROUNDS=${ROUNDS:-3}
SETS=${SETS:-all lora embed}
THREADS=${THREADS:-2}
SHARED=$(cd .. && pwd)/shared
PEERS=$SHARED/peers
S260=$SHARED/models/stories260K
OUT=$BUILD_DIR/vs-peers
if [ ! -f "$PEERS/rapidin_way.py" ] || [ ! -f "$S260/stories260K.bin" ]; then
  echo "vs-peers: $PEERS or $S260 is absent; nothing to compare" >&2
  exit 1
fi
for b in rapidun bench_peer_influence bench_generate; do
  [ -x "$BUILD_DIR/bin/$b" ] || cmake --build "$BUILD_DIR" -j2 --target "$b" >/dev/null
done
mkdir -p "$OUT"

# The peer's Python: PyPI's torch in build/pyref (scripts/install-python-refs.sh) with numpy and
# sentencepiece; Debian's python3-torch (1.13) beside it when present or installable.
bash scripts/install-python-refs.sh >/dev/null
PYPI=build/pyref/bin/python3
"$PYPI" -c "import sentencepiece, numpy" 2>/dev/null ||
  "$PYPI" -m pip install -q --disable-pip-version-check sentencepiece numpy
PEER_PYS=("$PYPI")
if ! /usr/bin/python3 -c "import torch, sentencepiece, numpy" 2>/dev/null && [ "$(id -u)" = 0 ]; then
  apt-get install -y -qq python3-torch python3-numpy python3-sentencepiece >/dev/null 2>&1 || true
fi
/usr/bin/python3 -c "import torch, sentencepiece, numpy" 2>/dev/null && PEER_PYS+=(/usr/bin/python3)
RUNC=$OUT/run
[ "$RUNC" -nt "$PEERS/llama2c/run.c" ] || cc -O3 -march=native -o "$RUNC" "$PEERS/llama2c/run.c" -lm
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $THREADS threads each"
for py in "${PEER_PYS[@]}"; do echo "peer python $py: torch $("$py" -c 'import torch; print(torch.__version__)')"; done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
field() { python3 -c "import json,sys; print(json.loads(sys.stdin.read().strip().splitlines()[-1])['$1'])"; }

ours_infl() { "$BUILD_DIR/bin/bench_peer_influence" --set "$1" --threads "$THREADS" --shared "$SHARED" | field samples_per_s; }
peer_infl() { OMP_NUM_THREADS=$THREADS "$1" "$PEERS/rapidin_way.py" --model stories260K --param-set "$2" --skip-check \
                --threads "$THREADS" 2>/dev/null | field samples_per_s; }

declare -A RESULT
for set in $SETS; do
  ours=(); declare -A peer=()
  for r in $(seq "$ROUNDS"); do
    run_ours() { ours+=("$(ours_infl "$set")"); }
    run_peers() { for py in "${PEER_PYS[@]}"; do peer[$py]+="$(peer_infl "$py" "$set") "; done; }
    if [ $((r % 2)) = 1 ]; then run_ours; run_peers; else run_peers; run_ours; fi
    line="influence-$set round $r: ours ${ours[-1]} samples/s"
    for py in "${PEER_PYS[@]}"; do line+="; peer ($py) $(echo "${peer[$py]}" | awk '{print $NF}')"; done
    echo "$line"
  done
  m_ours=$(median "${ours[@]}")
  best=0
  for py in "${PEER_PYS[@]}"; do
    # shellcheck disable=SC2086
    m=$(median ${peer[$py]})
    echo "influence-$set peer $py median $m samples/s"
    best=$(awk -v a="$best" -v b="$m" 'BEGIN {print (b > a) ? b : a}')
  done
  RESULT[influence-$set]="ours $m_ours peer $best ratio $(awk -v a="$m_ours" -v b="$best" 'BEGIN {printf "%.2f", a / b}')"
  unset peer
done

# Generation at batch 1: run.c prints the text and "achieved tok/s"; ours the same text in its JSON.
ours_gen=(); runc_gen=()
for r in $(seq "$ROUNDS"); do
  run_ours() {
    OMP_NUM_THREADS=$THREADS "$BUILD_DIR/bin/rapidun" generate --model "$S260/stories260K.bin" --tokenizer "$S260/tok512.model" \
      --prompt "" --max-new-tokens 256 --json > "$OUT/ours-gen.json"
    ours_gen+=("$(python3 -c "import json; print(json.load(open('$OUT/ours-gen.json'))['tokens_per_second'])")")
  }
  run_runc() {
    "$RUNC" "$S260/stories260K.bin" -z "$S260/tok512.bin" -t 0 -n 256 > "$OUT/runc-gen.txt" 2> "$OUT/runc-gen.err"
    runc_gen+=("$(sed -n 's/^achieved tok\/s: //p' "$OUT/runc-gen.err")")
  }
  if [ $((r % 2)) = 1 ]; then run_ours; run_runc; else run_runc; run_ours; fi
  echo "generate-b1 round $r: ours ${ours_gen[-1]} tok/s; run.c ${runc_gen[-1]} tok/s"
done
python3 - "$OUT/ours-gen.json" "$OUT/runc-gen.txt" <<'PY'
import json, sys
ours = json.load(open(sys.argv[1]))["results"][0]
theirs = open(sys.argv[2]).read()
same = ours["text"].strip() == theirs.strip()
print(f"generate-b1 greedy text identical to run.c's: {'yes' if same else 'NO'} ({ours['n_new_tokens']} tokens)")
if not same:
    sys.exit("vs-peers: our greedy text differs from run.c's")
PY
m_ours=$(median "${ours_gen[@]}"); m_runc=$(median "${runc_gen[@]}")
RESULT[generate-b1]="ours $m_ours peer $m_runc ratio $(awk -v a="$m_ours" -v b="$m_runc" 'BEGIN {printf "%.2f", a / b}')"

# Batch 8 and 32: ours only (run.c decodes one stream); bench_generate's aggregate tokens/s.
"$BUILD_DIR/bin/bench_generate" "$S260/stories260K.bin" --threads "$THREADS" --reps "$ROUNDS" | tee "$OUT/bench_generate.txt"

echo
for k in $(printf '%s\n' "${!RESULT[@]}" | sort); do echo "$k ${RESULT[$k]}"; done
for b in 8 32; do
  awk -v b="$b" '$1 == b {print "generate-b" b " ours " $4 " peer - ratio -"}' "$OUT/bench_generate.txt"
done
