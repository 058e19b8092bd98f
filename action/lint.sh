#!/usr/bin/env bash
# The step of the GitHub Action (action.yml): `layerwise lint` with the action's inputs. It runs
# the published bundle through npx (one package, no dependencies); LAYERWISE_BIN points it at a
# local file instead (a checkout's bundle, or the tests' sources).
set -euo pipefail

if [ -n "${LAYERWISE_BIN:-}" ]; then
  layerwise=(node "$LAYERWISE_BIN")
else
  layerwise=(npx --yes "layerwise@${INPUT_VERSION:?}")
fi

args=(lint --fail-on "${INPUT_FAIL_ON:-error}")
if [ -n "${INPUT_CONFIG:-}" ]; then args+=(--config "$INPUT_CONFIG"); fi
# Split on spaces only: `read` does no pathname expansion, so globs reach layerwise as written.
read -r -a paths <<< "${INPUT_PATHS:-.}"

if [ -n "${INPUT_SARIF_FILE:-}" ]; then
  # The report is written whatever the findings; the step's status comes from the run below.
  "${layerwise[@]}" "${args[@]}" --no-fail --format sarif "${paths[@]}" > "$INPUT_SARIF_FILE"
  echo "sarif-file=$INPUT_SARIF_FILE" >> "${GITHUB_OUTPUT:-/dev/null}"
fi

exec "${layerwise[@]}" "${args[@]}" --format "${INPUT_FORMAT:-github}" "${paths[@]}"
