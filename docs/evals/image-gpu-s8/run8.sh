#!/usr/bin/env bash
# On the lent GPU (session 8): rebuild the dataset caches, run the roles in parallel against one deadline, pack.
set -u
export T0=$(date +%s.%N) RUNS=${RUNS:-/tmp/runs} MEDCORE_DATA_DIR=${MEDCORE_DATA_DIR:-/tmp/mdata} PYTHONUNBUFFERED=1
export MEDCORE_TORCH_THREADS=${MEDCORE_TORCH_THREADS:-2}
PY=${PY:-python3}
OUT=${OUT:-/tmp/out}; mkdir -p "$RUNS" "$OUT"
if [ -d .whl ]; then $PY -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl && export PYTHONPATH=/tmp/site:$PWD; else export PYTHONPATH=$PWD; fi
nvidia-smi --query-gpu=name,memory.used --format=csv 2>/dev/null
$PY .gpu/unpack.py br35h-128px-v3.npz || exit 1
cp .gpu/br35h-32px-v3.npz "$MEDCORE_DATA_DIR/imaging/datasets/" || exit 1
for r in ${ROLES:-ldm clf gan8 gan1 gan0 vaegen}; do
  timeout $(( ${HARDKILL:-450} )) $PY .gpu/drive8.py $r > "$OUT/$r.log" 2>&1 &
done
wait
nvidia-smi --query-gpu=name,memory.used --format=csv 2>/dev/null
cd "$RUNS" && for d in ldm128 gan8 gan1 gan0 vaegen3 vaegen10; do
  c=$(ls -d $d/ckpt-* 2>/dev/null | sort | tail -1); [ -n "$c" ] && echo "$c"
done > keep.txt
tar cf /tmp/pack.tar $(sed 's|$|/model.safetensors|' keep.txt) $(sed 's|$|/state.json|' keep.txt) \
  $(ls *.result.json 2>/dev/null) $(ls -d */previews 2>/dev/null) $(ls clf128/* dpclf8/* 2>/dev/null)
ls -la /tmp/pack.tar
split -b 15m -d /tmp/pack.tar "$OUT/pack.tar.part"
ls -la "$OUT"
