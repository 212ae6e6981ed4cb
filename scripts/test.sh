#!/usr/bin/env bash
# Runs every test on a fresh Debian machine: installs what the tests need (Chromium, redis-server,
# npm packages), builds, runs all test projects, and prints one closing line "N passed, N failed".
# Without Chromium, Node or redis-server, run the rest directly (the build then skips the Web Chat bundle):
#   dotnet test EmpathyBot.sln --filter "Category!=EndToEnd"
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

scripts/install-test-deps.sh

log=$(mktemp)
status=0
dotnet test EmpathyBot.sln --nologo "$@" 2>&1 | tee "$log" || status=$?

# One total over all test assemblies, in the plain form CI reads.
awk '/^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) {
         gsub(",", "", $(i + 1));
         if ($i == "Failed:") f += $(i + 1);
         if ($i == "Passed:") p += $(i + 1);
         if ($i == "Skipped:") s += $(i + 1);
       }
     }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s; if (p == 0) exit 1 }' "$log" || status=1
rm -f "$log"
exit $status
