#!/usr/bin/env bash
# Starts N copies of a command as one process group on this machine, the torchrun way: each gets
# MASTER_ADDR=127.0.0.1, a free MASTER_PORT (or yours), RANK 0..N-1, LOCAL_RANK and WORLD_SIZE=N.
# Waits for all of them (a lost rank makes the others fail with their own message, not hang) and
# exits with the first non-zero status. Several machines: set the same variables by hand, or use
# torchrun --nnodes ... --no-python build/bin/rapidun influence ...
#   bash scripts/launch.sh 2 build/bin/rapidun influence --workspace lab --rank-train
set -u
if [ $# -lt 2 ] || ! [[ "$1" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: scripts/launch.sh N COMMAND [ARGS...]" >&2
  exit 2
fi
n=$1
shift
port=${MASTER_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
pids=()
for ((r = 0; r < n; r++)); do
  MASTER_ADDR=127.0.0.1 MASTER_PORT=$port RANK=$r LOCAL_RANK=$r WORLD_SIZE=$n "$@" &
  pids+=($!)
done
status=0
for pid in "${pids[@]}"; do
  wait "$pid"
  rc=$?
  if [ $rc -ne 0 ] && [ $status -eq 0 ]; then status=$rc; fi
done
exit $status
