#!/usr/bin/env python3
"""Shows which real replies change when a lexicon folder changes.

usage: lexicon_diff.py AMENDS SHARED DIR [--base DIR0] [--held-out K] [--texts]

Audits every reply of SHARED/corpora/{dev,dev2,dev3,pool} twice, with the
built-in lexicon (or --base DIR0) and with --lexicons DIR, each with the
customer's message and from the reply alone, and prints the replies whose
checklist differs: id, the checks whose status moved (old > new) and the
rules that hit in one run and not the other. --texts adds each reply's text.

Replies of the held-out fold (default 0; see eval_folds.py) are left out,
and so are pool replies whose text is one of them: the fold is scored, never
read. Use it to look for false alarms before a rule change lands.
"""
import os
import sys

from evalkit import audit_records, fold_of, option, read_jsonl

SETS = ("dev", "dev2", "dev3", "pool")


def readable_replies(shared, held_out):
    replies, held_texts = [], set()
    for name in SETS:
        for r in read_jsonl(os.path.join(shared, "corpora", name, "replies.jsonl")):
            if name != "pool" and fold_of(r["id"]) == held_out:
                held_texts.add(r["text"])
            else:
                replies.append(dict(r, id=f"{name}/{r['id']}"))
    return [r for r in replies if r["text"] not in held_texts]


def summary(out):
    status = {c["id"]: c["status"] for c in out["checklist"]}
    rules = {f.get("rule") for c in out["checklist"] for f in c["findings"]} - {None}
    return status, rules, out["situation"]["value"]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    base, held = option("--base", usage=__doc__), option("--held-out", "0", usage=__doc__)
    args = [a for a in args if a not in (base, held)]
    if len(args) != 3:
        sys.exit(__doc__)
    amends, shared, folder = args
    records = readable_replies(shared, int(held))
    alone = [{k: v for k, v in r.items() if k != "customer_message"} for r in records]
    texts = {r["id"]: r["text"] for r in records}
    changed = 0
    for label, recs in (("with the message", records), ("reply alone", alone)):
        old = audit_records(amends, ["--lexicons", base] if base else [], recs, "lexicon_diff")
        new = audit_records(amends, ["--lexicons", folder], recs, "lexicon_diff")
        for rid in (r["id"] for r in recs):
            (s0, r0, sit0), (s1, r1, sit1) = summary(old[rid]), summary(new[rid])
            if s0 == s1 and r0 == r1 and sit0 == sit1:
                continue
            changed += 1
            moves = [f"{c} {s0.get(c)}>{s1.get(c)}" for c in sorted(s1) if s0.get(c) != s1.get(c)]
            if sit0 != sit1:
                moves.insert(0, f"situation {sit0}>{sit1}")
            hits = [f"+{r}" for r in sorted(r1 - r0)] + [f"-{r}" for r in sorted(r0 - r1)]
            print(f"{label:16} {rid:14} {'; '.join(moves) or '(same statuses)'}  {' '.join(hits)}")
            if "--texts" in sys.argv:
                print(f"{'':16} {texts[rid][:300]!r}")
    print(f"{changed} changed of {len(records)} replies x 2 runs (held-out fold {held} left out)")


if __name__ == "__main__":
    main()
