#!/usr/bin/env bash
# Rewrites corpora/drafts/*.json from the current build. Review the diff
# before committing: the golden files are the expected behaviour.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${AMENDS:-build/amends}
for draft in corpora/drafts/*.txt; do
  args=()
  # .args holds shell words, as the golden test passes them to the shell.
  if [[ -f ${draft%.txt}.args ]]; then eval "args=($(<"${draft%.txt}.args"))"; fi
  status=0
  "$bin" check --format json "${args[@]}" "$draft" >"${draft%.txt}.json.tmp" || status=$?
  if ((status > 1)); then echo "$draft: amends failed ($status)" >&2; exit 1; fi
  python3 -m json.tool --indent 1 "${draft%.txt}.json.tmp" >"${draft%.txt}.json"
  rm -f "${draft%.txt}.json.tmp"
done
git --no-pager diff --stat -- corpora/drafts
