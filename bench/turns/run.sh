#!/usr/bin/env bash
# One command: builds the host and the driver in Release, then runs every measurement (see README.md here).
# Extra arguments go to the driver, e.g. bench/turns/run.sh --duration 30 --phases hello,work
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build -c Release src/EmpathyBot.Host -v q -nologo
dotnet build -c Release bench/EmpathyBot.Bench.Turns -v q -nologo
# The driver (load client + reply sink) runs on CPU 0; it pins each bot to CPU 1 with taskset (--bot-cpus, --driver-cpus).
exec taskset -c 0 dotnet bench/EmpathyBot.Bench.Turns/bin/Release/net10.0/EmpathyBot.Bench.Turns.dll "$@"
