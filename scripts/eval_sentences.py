#!/usr/bin/env python3
"""Scores amends on the sentence sets in corpora/sentences/.

usage: eval_sentences.py AMENDS [--lexicons DIR] [--set NAME] [--file F] [--wrong]

Each line of a set is {"id", "set", "category", "expect": "fire"|"pass",
"text", "customer_message"?}. The category says what is looked at:

  a check id (blame.third_party, policy.reciting, ...)
      caught when that check says fix or consider;
  flag.any
      caught when any flag check does (a "pass" item of it is a sentence
      that uses the flags' words well and must raise none);
  fact.TAG (fact.solution, fact.ask_fix_works, ...)
      seen when a rule with that tag hits, the reply read as a recovery
      (--situation recovery), so recovery-only facts are looked for. A
      check-back on the fix shows only where the reply has a fix, so a
      fact.ask_fix_works item is scored after one ("I've sorted that for
      you."): what is measured is the check-back, not the fix;
  situation
      right when the reply is called a recovery: from the reply alone, or
      with the customer's message when the item has one.

A "fire" item is right when it is caught or seen, a "pass" item when it is
not. Prints, per set and category, right of all, then the totals for flags,
facts and the situation. --file scores one set file (default: both files of
corpora/sentences); --set keeps the lines of one set; --lexicons DIR scores
the rule files in DIR instead of the built-in lexicon (the tags of fact.*
are read from DIR, or from lexicons/en). --wrong also prints each item
scored wrong, to write rules from; it refuses to on held-out.jsonl.

held-out.jsonl is scored, never read for rule writing (corpora/sentences/
README.md): print counts, not its sentences.
"""
import collections
import glob
import json
import os
import re
import sys

import evalkit

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")


# The checks that flag a fault in what the reply says (lexicons/en/checks.def).
FLAG_CHECKS = ("apology.non_apology", "apology.undone_by_but", "blame.third_party", "blame.customer",
               "excuse", "policy.reciting", "cant.focus", "tone.defensive")


# Said before a fact.ask_fix_works item, so that the check that shows a
# check-back (solution.check, which needs a fix) applies to it.
FIX_BEFORE_ASK = "I've sorted that for you. "


def option(name):
    return evalkit.option(name, usage=__doc__)


def rule_tags(folder):
    """rule id -> tag, read from the rule files of FOLDER."""
    tags, rule = {}, None
    for path in glob.glob(os.path.join(folder, "*.rules")):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                m = re.match(r"rule (\S+)", line)
                if m:
                    rule = m.group(1)
                m = re.match(r"  tag: (\S+)", line)
                if m and rule:
                    tags[rule] = m.group(1)
    return tags


def audit(amends, lexicons, items, extra):
    records = []
    for it in items:
        text = it["text"]
        if it["category"] == "fact.ask_fix_works":
            text = FIX_BEFORE_ASK + text
        record = {"id": it["id"], "text": text}
        if it.get("customer_message"):
            record["customer_message"] = it["customer_message"]
        records.append(record)
    return evalkit.audit_records(amends, lexicons + extra, records, "eval_sentences")


def kind(category):
    if category == "situation":
        return "situation"
    return "fact" if category.startswith("fact.") else "flag"


def main():
    lexdir, only_set, one_file = option("--lexicons"), option("--set"), option("--file")
    args = [a for a in sys.argv[1:] if not a.startswith("--") and a not in (lexdir, only_set, one_file)]
    if len(args) != 1:
        sys.exit(__doc__)
    amends = args[0]
    files = [one_file] if one_file else sorted(glob.glob(os.path.join(ROOT, "corpora", "sentences", "*.jsonl")))
    items = []
    for path in files:
        with open(path, encoding="utf-8") as fh:
            items += [json.loads(line) for line in fh if line.strip()]
    if only_set:
        items = [it for it in items if it["set"] == only_set]
    if not items:
        sys.exit("eval_sentences: no sentences to score")
    show_wrong = "--wrong" in sys.argv
    if show_wrong and any(os.path.basename(p) == "held-out.jsonl" for p in files):
        sys.exit("eval_sentences: --wrong reads sentences; held-out.jsonl is scored, never read "
                 "(pass --file corpora/sentences/written-from.jsonl)")
    wrong = []
    lexicons = ["--lexicons", lexdir] if lexdir else []
    tags = rule_tags(lexdir or os.path.join(ROOT, "lexicons", "en"))
    outs = audit(amends, lexicons, items, [])
    forced = audit(amends, lexicons, items, ["--situation", "recovery"])
    right, total = collections.Counter(), collections.Counter()
    for it in items:
        cat = it["category"]
        if cat == "situation":
            hit = outs[it["id"]]["situation"]["value"] == "recovery"
        elif cat.startswith("fact."):
            rules = {f.get("rule") for c in forced[it["id"]]["checklist"] for f in c["findings"]}
            hit = any(tags.get(r) == cat[len("fact."):] for r in rules)
        else:
            status = {c["id"]: c["status"] for c in outs[it["id"]]["checklist"]}
            flagged = FLAG_CHECKS if cat == "flag.any" else (cat,)
            hit = any(status.get(c) in ("fix", "consider") for c in flagged)
        for key in ((it["set"], cat, it["expect"]), ("all", kind(cat), it["expect"])):
            total[key] += 1
            right[key] += hit == (it["expect"] == "fire")
        if hit != (it["expect"] == "fire"):
            wrong.append(it)
    for key in sorted(k for k in total if k[0] != "all"):
        print(f"{key[0]:16} {key[1]:24} {key[2]:4} {right[key]:3}/{total[key]}")
    print()
    for k in ("flag", "fact", "situation"):
        if total[("all", k, "fire")] or total[("all", k, "pass")]:
            print(f"{k:9}: fire {right[('all', k, 'fire')]}/{total[('all', k, 'fire')]} caught, "
                  f"pass {right[('all', k, 'pass')]}/{total[('all', k, 'pass')]} left alone")
    if show_wrong:
        print()
        for it in wrong:
            print(f"{it['id']:10} {it['category']:22} {it['expect']:4} {it['text']}")
            if it.get("customer_message"):
                print(f"{'':10} {'':22} {'':4} (customer: {it['customer_message']})")


if __name__ == "__main__":
    main()
