#!/usr/bin/env python3
"""Scores amends on the coaching-phrase probe in corpora/probe/.

usage: eval_probe.py AMENDS [--lexicons DIR] [--misses]

The probe holds 152 short reply sentences in 8 categories (13 that a coach
would flag and 6 near-misses that must pass, each), written from public
coaching sources (corpora/probe/SOURCES.md) by someone who never saw the
rules. A flag sentence is caught when its category's check says fix or
consider; a near-miss is a false flag when it does. It is scored, never read
for rule writing: that keeps it a measure of how far the families reach.
--lexicons DIR scores the rule files in DIR instead of the built-in lexicon.
"""
import collections
import os
import sys

from evalkit import audit_records, read_jsonl

CHECK = {"non_apology": "apology.non_apology", "apology_but": "apology.undone_by_but",
         "cant": "cant.focus", "policy": "policy.reciting", "excuse": "excuse",
         "blame_customer": "blame.customer", "defensive": "tone.defensive",
         "blame_third_party": "blame.third_party"}


def main():
    lexicons = []
    if "--lexicons" in sys.argv:
        lexicons = ["--lexicons", sys.argv[sys.argv.index("--lexicons") + 1]]
    args = [a for a in sys.argv[1:] if not a.startswith("--") and a not in lexicons]
    if len(args) != 1:
        sys.exit(__doc__)
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpora", "probe")
    items = read_jsonl(os.path.join(here, "probe.jsonl"))
    outs = audit_records(args[0], lexicons, [{"id": it["id"], "text": it["text"]} for it in items],
                         "eval_probe")
    caught, false, wrong = collections.Counter(), collections.Counter(), []
    for it in items:
        status = {c["id"]: c["status"] for c in outs[it["id"]]["checklist"]}
        hit = status.get(CHECK[it["category"]]) in ("fix", "consider")
        if it["expect"] == "flag":
            caught[it["category"]] += hit
        else:
            false[it["category"]] += hit
        if hit != (it["expect"] == "flag"):
            wrong.append(it)
    flags = sum(1 for it in items if it["expect"] == "flag")
    print(f"caught {sum(caught.values())} of {flags}; near-misses flagged "
          f"{sum(false.values())} of {len(items) - flags}")
    for c in CHECK:
        print(f"  {c:18} {caught[c]:2}/13 caught   {false[c]}/6 near-misses flagged")
    if "--misses" in sys.argv:
        for it in wrong:
            print(f"{it['id']} ({it['expect']}): {it['text']}")


if __name__ == "__main__":
    main()
