#!/usr/bin/env bash
# HeartGuard test command: installs what is missing, builds everything, runs every test project, and
# prints one closing line "N passed, N failed, N skipped". Exits non-zero on any failure.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
scripts/ensure-deps.sh --test || exit 1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# libtorch spin-waits on OpenMP threads and crawls when tests share the cores; it must be set before start.
export OMP_WAIT_POLICY=PASSIVE
results="$root/.test-results"
rm -rf "$results"
if ! dotnet build HeartGuard.sln -c Release -nologo -v quiet -clp:ErrorsOnly; then
  echo "0 passed, 1 failed, 0 skipped"
  echo "Build failed." >&2
  exit 1
fi
status=0
dotnet test HeartGuard.sln -c Release --no-build --nologo --logger "trx" --logger "console;verbosity=normal" \
  --results-directory "$results" || status=$?
passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [[ -f "$trx" ]] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  total=$(get total); executed=$(get executed)
  passed=$((passed + $(get passed))); failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + total - executed))
done
if ((files == 0)); then failed=$((failed + 1)); echo "No test results were written." >&2; fi
echo "$passed passed, $failed failed, $skipped skipped"
if ((status != 0 || failed > 0)); then exit 1; fi
