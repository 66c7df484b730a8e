#!/usr/bin/env bash
# The long run of MutatedModelPropertyTests for nightly use (issue 10): the same property as CI's bounded run, with
# many more random model mutations. A failure prints the mutation and CsCheck's seed to reproduce it
# (CsCheck_Seed=<seed> bash tests/Generator.Tests/run-mutations.sh).
#   bash tests/Generator.Tests/run-mutations.sh [ITERATIONS]   # default 5000, about ten minutes on 2 cores
set -euo pipefail
cd "$(dirname "$0")/../.."
export DZGEN_MUTATION_ITERATIONS="${1:-5000}"
dotnet test tests/Generator.Tests --filter "FullyQualifiedName~MutatedModelPropertyTests" --logger "console;verbosity=normal"
