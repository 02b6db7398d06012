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
# The audit of each export fixture, in the full and the compact form (the
# CSV one with the column mapping tests/audit_test.cc gives it).
mkdir -p corpora/exports/golden
for export in corpora/exports/*.*; do
  name=$(basename "$export")
  args=()
  if [[ $name == *.csv ]]; then
    args=(--text-col body --id-col comment_id --role-col author_role --name-col author_name
          --ticket-col ticket_id --agent-col agent --date-col created_at)
  fi
  for form in full compact; do
    flag=()
    [[ $form == compact ]] && flag=(--compact)
    status=0
    "$bin" audit --no-config "${flag[@]}" "${args[@]}" "$export" \
      >"corpora/exports/golden/$name.$form.jsonl" 2>/dev/null || status=$?
    if ((status > 2)); then echo "$export: amends audit failed ($status)" >&2; exit 1; fi
  done
done
git --no-pager diff --stat -- corpora/drafts corpora/exports/golden
