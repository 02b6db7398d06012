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
import hashlib
import json
import os
import subprocess
import sys
import tempfile

FOLDS = 5
SETS = ("dev", "dev2", "dev3", "pool")


def option(name, default=None):
    if name in sys.argv:
        i = sys.argv.index(name)
        if i + 1 >= len(sys.argv):
            sys.exit(__doc__)
        return sys.argv[i + 1]
    return default


def fold_of(rid):
    return hashlib.sha1(rid.encode("utf-8")).digest()[0] % FOLDS


def readable_replies(shared, held_out):
    replies, held_texts = [], set()
    for name in SETS:
        path = os.path.join(shared, "corpora", name, "replies.jsonl")
        with open(path, encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
        for r in rows:
            if name != "pool" and fold_of(r["id"]) == held_out:
                held_texts.add(r["text"])
            else:
                replies.append(dict(r, id=f"{name}/{r['id']}"))
    return [r for r in replies if r["text"] not in held_texts]


def audit(amends, lexicons, records):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    try:
        run = subprocess.run([amends, "audit", "--no-config"] + lexicons + [fh.name],
                             capture_output=True)
    finally:
        os.unlink(fh.name)
    if run.returncode > 1:
        sys.exit("lexicon_diff: amends audit failed:\n" + run.stderr.decode(errors="replace"))
    return {o["id"]: o for o in map(json.loads, run.stdout.decode().splitlines())}


def summary(out):
    status = {c["id"]: c["status"] for c in out["checklist"]}
    rules = {f.get("rule") for c in out["checklist"] for f in c["findings"]} - {None}
    return status, rules, out["situation"]["value"]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    base, held = option("--base"), option("--held-out", "0")
    args = [a for a in args if a not in (base, held)]
    if len(args) != 3:
        sys.exit(__doc__)
    amends, shared, folder = args
    records = readable_replies(shared, int(held))
    alone = [{k: v for k, v in r.items() if k != "customer_message"} for r in records]
    texts = {r["id"]: r["text"] for r in records}
    changed = 0
    for label, recs in (("with the message", records), ("reply alone", alone)):
        old = audit(amends, ["--lexicons", base] if base else [], recs)
        new = audit(amends, ["--lexicons", folder], recs)
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
