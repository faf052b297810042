#!/usr/bin/env bash
# The check step of action.yml, kept in a file so that it runs as written, here and in the
# tests (tests/test_ci_recipes.py). Inputs come through the environment, never pasted in:
#   COPYDESK                the copydesk command (the action's own virtual environment)
#   COPYDESK_PATHS          files or directories, one per line; a path may hold spaces
#   COPYDESK_FAIL_ON        error | warning | info | never
#   COPYDESK_BASELINE       a baseline file, or empty
#   COPYDESK_CHANGED_SINCE  a git revision, or empty
#   COPYDESK_CHANGED_LINES  true | false
#   COPYDESK_SARIF          true | false; the SARIF report goes to COPYDESK_SARIF_FILE
#   COPYDESK_ARGS           more options, split on white space
#   GITHUB_STEP_SUMMARY     the job summary: every finding, as a table (annotations are capped)
#   GITHUB_OUTPUT           the step's outputs: sarif=FILE when one was written
set -uo pipefail

paths=()
while IFS= read -r line || [ -n "$line" ]; do
    line="${line#"${line%%[![:space:]]*}"}"   # trim, so that YAML's indentation is no part
    line="${line%"${line##*[![:space:]]}"}"
    if [ -n "$line" ]; then paths+=("$line"); fi
done <<< "${COPYDESK_PATHS:-.}"
if [ "${#paths[@]}" -eq 0 ]; then paths=(.); fi

args=(check --format github --fail-on "${COPYDESK_FAIL_ON:-warning}")
if [ -n "${COPYDESK_BASELINE:-}" ]; then args+=(--baseline "$COPYDESK_BASELINE"); fi
if [ -n "${COPYDESK_CHANGED_SINCE:-}" ]; then args+=(--changed-since "$COPYDESK_CHANGED_SINCE"); fi
if [ "${COPYDESK_CHANGED_LINES:-false}" = true ]; then args+=(--changed-lines); fi
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then args+=(--also "markdown:$GITHUB_STEP_SUMMARY"); fi
sarif="${COPYDESK_SARIF_FILE:-copydesk.sarif}"
if [ "${COPYDESK_SARIF:-false}" = true ]; then
    rm -f "$sarif"
    args+=(--also "sarif:$sarif")
fi
if [ -n "${COPYDESK_ARGS:-}" ]; then
    read -r -a extra <<< "$COPYDESK_ARGS"
    args+=("${extra[@]}")
fi

"${COPYDESK:-copydesk}" "${args[@]}" -- "${paths[@]}"
status=$?
if [ "${COPYDESK_SARIF:-false}" = true ] && [ -f "$sarif" ] && [ -n "${GITHUB_OUTPUT:-}" ]; then
    echo "sarif=$sarif" >> "$GITHUB_OUTPUT"
fi
exit "$status"
