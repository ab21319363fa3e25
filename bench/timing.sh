# Sourced by the benchmark scripts. best_time N CMD...: the best wall time of N runs of CMD, in
# seconds with millisecond resolution (output discarded).
best_time() {
  local runs=$1 best="" start end
  shift
  for ((i = 0; i < runs; ++i)); do
    start=$(date +%s.%N)
    "$@" > /dev/null 2> /dev/null
    end=$(date +%s.%N)
    best=$(awk -v b="$best" -v s="$start" -v e="$end" \
      'BEGIN { t = e - s; if (b == "" || t < b) printf "%.3f", t; else print b }')
  done
  echo "$best"
}
