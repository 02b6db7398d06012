#!/usr/bin/env python3
"""Scores amends on the labeled corpora, whole and fold by fold.

usage: eval_folds.py AMENDS SHARED [--held-out K [--read K,K,...]] [--json] [--checks]

Runs `AMENDS audit` on dev/, dev2/ and dev3/ of SHARED/corpora (those that
exist), with and without the customers' messages, and scores the output
with SHARED/tools/eval_facts.py. The three sets are pooled and split into
five folds by id (the first byte of the id's SHA-1, modulo 5), so a fold is
the same whatever the set holds.

Rules are written from some folds and scored on another that nobody read
for them (docs/accuracy.md): with --held-out K, the table adds "written
from" (every fold but K: the fit) and "held out" (fold K), side by side.
"""
import json
import os
import subprocess
import sys
import tempfile

from evalkit import FOLDS, audit_records, fold_of, read_jsonl

SETS = ("dev", "dev2", "dev3")


def score(eval_facts, labels, outputs, ids, tmp):
    lp, op = os.path.join(tmp, "l.jsonl"), os.path.join(tmp, "o.jsonl")
    with open(lp, "w", encoding="utf-8") as lf, open(op, "w", encoding="utf-8") as of:
        for rid in ids:
            lf.write(json.dumps(labels[rid]) + "\n")
            of.write(json.dumps(outputs[rid]) + "\n")
    run = subprocess.run([sys.executable, eval_facts, lp, op, "--json"], capture_output=True,
                         check=True)
    return json.loads(run.stdout)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    held_out = None
    if "--held-out" in sys.argv:
        held_out = int(sys.argv[sys.argv.index("--held-out") + 1])
        args.remove(str(held_out))
    read = None
    if "--read" in sys.argv:
        spec = sys.argv[sys.argv.index("--read") + 1]
        read = sorted({int(k) for k in spec.split(",")})
        args.remove(spec)
    if len(args) != 2:
        sys.exit(__doc__)
    amends, shared = args
    eval_facts = os.path.join(shared, "tools", "eval_facts.py")
    labels, records, set_of = {}, {}, {}
    for s in SETS:
        d = os.path.join(shared, "corpora", s)
        if not os.path.exists(os.path.join(d, "labels.jsonl")):
            continue
        for l in read_jsonl(os.path.join(d, "labels.jsonl")):
            labels[l["id"]] = l
            set_of[l["id"]] = s
        for r in read_jsonl(os.path.join(d, "replies.jsonl")):
            if r["id"] in labels:
                records[r["id"]] = r
    ids = sorted(records)
    groups = [(s, [i for i in ids if set_of[i] == s]) for s in SETS]
    groups = [(s, g) for s, g in groups if g]
    groups.append(("all", ids))
    if held_out is not None:
        written = [k for k in range(FOLDS) if k != held_out] if read is None else read
        name = "written from" if read is None else "written from (" + ",".join(map(str, read)) + ")"
        groups.append((name, [i for i in ids if fold_of(i) in written]))
        groups.append((f"held out (fold {held_out})", [i for i in ids if fold_of(i) == held_out]))
        # dev's replies were read for the rules of earlier rounds, whatever
        # their fold: the held-out fold's newer replies are the cleanest test.
        groups.append((f"  its dev2 and dev3", [i for i in ids if fold_of(i) == held_out
                                                 and set_of[i] != "dev"]))
    groups += [(f"fold {k}", [i for i in ids if fold_of(i) == k]) for k in range(FOLDS)]
    with tempfile.TemporaryDirectory() as tmp:
        with_msg = audit_records(amends, [], [records[i] for i in ids], "eval_folds")
        alone = audit_records(amends, [], [dict(records[i], customer_message=None) for i in ids],
                              "eval_folds")
        rows = []
        for name, g in groups:
            a = score(eval_facts, labels, with_msg, g, tmp)
            b = score(eval_facts, labels, alone, g, tmp)
            rows.append(dict(name=name, replies=len(g), with_message=a, reply_alone=b))
    if "--json" in sys.argv:
        print(json.dumps(rows, indent=1))
        return
    print(f"{'':24} {'':>7}   {'with the message':^19}   {'reply alone':^19}")
    print(f"{'set':24} {'replies':>7}   {'situation':>9} {'macro F1':>9}   {'situation':>9} {'macro F1':>9}")
    for r in rows:
        a, b = r["with_message"], r["reply_alone"]
        print(f"{r['name']:24} {r['replies']:7}   {a['situation_accuracy']:9.3f} {a['macro_f1']:9.3f}"
              f"   {b['situation_accuracy']:9.3f} {b['macro_f1']:9.3f}")
    if "--checks" in sys.argv:
        for r in rows:
            if r["name"] != "all" and not r["name"].startswith(("written from", "held out", "  its")):
                continue
            print(f"\n== {r['name']}, with the message / reply alone: tp fp fn per check")
            for check, c in r["with_message"]["checks"].items():
                d = r["reply_alone"]["checks"][check]
                print(f"  {check:24} {c['tp']:4} {c['fp']:4} {c['fn']:4}   "
                      f"{d['tp']:4} {d['fp']:4} {d['fn']:4}   F1 {c['f1']:.3f} / {d['f1']:.3f}")


if __name__ == "__main__":
    main()
