#!/usr/bin/env python3
"""Exports the literal phrases of amends' lexicon for the comparison tools.

    bench/export_prh.py [--lexicons lexicons/en] [--out DIR] [--max-per-pattern N]

Writes DIR/prh.yml (textlint-rule-prh) and DIR/phrases.txt (`rg -i -F -f`),
and prints what it exported and what it left out to stderr.

What is exported, and what is not (so the comparison stays honest):
  * Only `kind: phrase` rules that apply to the draft (`applies: customer`
    rules read the customer's message; the other tools have no such input).
  * Each `match:` pattern is expanded into the literal word sequences it
    stands for: alternatives `a|b`, groups `(a b|c)`, optional `X?` and
    macros `@name` are multiplied out. A pattern is left out entirely when it
    contains a wildcard that no literal list can express: `_` (any word),
    `_{m,n}` (a gap) or a prefix `word*`.
  * A pattern whose expansion exceeds --max-per-pattern literals keeps the
    first N of them (in pattern order) and is counted as truncated.
  * `unless:` antipatterns are dropped: prh and rg cannot express "but not
    where this overlaps". The other tools therefore report more than amends.
  * `kind: regex` rules (links, shouting, emoji, ...) are not exported.
  * amends ignores punctuation between words ("sorry, but" matches `sorry
    but`) and folds curly apostrophes; a literal phrase does neither. Both
    tools get lower-case phrases and match case-insensitively.
  * Checks (require, sequence, late, count, name) have no equivalent at all:
    the other tools only find strings. That is the point of the floor.

prh.yml has one prh rule per amends rule: `patterns` lists one
case-insensitive, word-bounded regex per literal (prh joins them into one
alternation), and `expected` is the amends rule id, so every match is
reported.
"""
import argparse
import os
import re
import sys


class Unexportable(Exception):
    pass


def read_blocks(path):
    """Yields ('define', name, pattern, lineno) and ('rule', id, fields)."""
    defines = []
    rules = []
    current = None
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if not line[0].isspace():
                current = None
                m = re.match(r"define\s+(\w+)\s*=\s*(.*)$", line)
                if m:
                    defines.append((m.group(1), m.group(2).strip(), lineno))
                    rules.append(("define", m.group(1), m.group(2).strip()))
                    continue
                m = re.match(r"rule\s+(\S+)", line)
                if m:
                    current = {"id": m.group(1), "match": [], "kind": "phrase",
                               "applies": "draft", "line": lineno}
                    rules.append(("rule", current))
                continue
            if current is None:
                continue
            m = re.match(r"\s+(\w+):\s?(.*)$", line)
            if not m:
                continue
            key, value = m.group(1), m.group(2).strip()
            if key == "match":
                current["match"].append(value)
            elif key in ("kind", "applies", "tag"):
                current[key] = value
    return rules


def expand_macros(pattern, macros, depth=0):
    if depth > 10:
        raise Unexportable("macro recursion")

    def sub(m):
        name = m.group(1)
        if name not in macros:
            raise Unexportable("unknown macro @" + name)
        return expand_macros(macros[name], macros, depth + 1)

    return re.sub(r"@(\w+)", sub, pattern)


def tokenize(pattern):
    tokens = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c.isspace():
            tokens.append(" ")
            while i < len(pattern) and pattern[i].isspace():
                i += 1
            continue
        if c in "()|?":
            tokens.append(c)
            i += 1
            continue
        j = i
        while j < len(pattern) and not pattern[j].isspace() and pattern[j] not in "()|?":
            j += 1
        tokens.append(("w", pattern[i:j]))
        i = j
    return tokens


class Parser:
    """Patterns as nested lists: a sequence is a list of elements; an element
    is ('alt', [sequence, ...], optional)."""

    def __init__(self, tokens, cap):
        self.t = tokens
        self.i = 0
        self.cap = cap

    def peek(self):
        return self.t[self.i] if self.i < len(self.t) else None

    def skip_space(self):
        while self.peek() == " ":
            self.i += 1

    def sequence(self, in_group):
        elems = []
        while True:
            self.skip_space()
            tok = self.peek()
            if tok is None or tok == ")" or (tok == "|" and in_group):
                return elems
            if tok == "(":
                self.i += 1
                alts = [self.sequence(True)]
                while self.peek() == "|":
                    self.i += 1
                    alts.append(self.sequence(True))
                if self.peek() != ")":
                    raise Unexportable("unbalanced parenthesis")
                self.i += 1
                elem = ["alt", alts, False]
            elif isinstance(tok, tuple):
                # word alternatives a|b|c bind tighter than spaces
                words = [self.word(tok)]
                self.i += 1
                while self.peek() == "|" and isinstance(self.peek_at(1), tuple) and not in_group:
                    self.i += 1
                    words.append(self.word(self.peek()))
                    self.i += 1
                elem = ["alt", [[["lit", w]] for w in words], False]
            else:
                raise Unexportable("unexpected %r" % (tok,))
            if self.peek() == "?":
                self.i += 1
                elem[2] = True
            elems.append(elem)

    def peek_at(self, k):
        j = self.i + k
        return self.t[j] if j < len(self.t) else None

    @staticmethod
    def word(tok):
        w = tok[1]
        if w == "_" or w.startswith("_{"):
            raise Unexportable("gap '%s'" % w)
        if w.endswith("*"):
            raise Unexportable("prefix '%s'" % w)
        return w


def expand(seq, cap):
    """All literal word lists of a sequence, at most `cap` (then truncated)."""
    results = [[]]
    truncated = False
    for elem in seq:
        if elem[0] == "lit":
            choices = [[elem[1]]]
        else:
            choices = []
            for alt in elem[1]:
                sub, t = expand(alt, cap)
                truncated |= t
                choices.extend(sub)
            if elem[2]:
                choices.append([])
        nxt = []
        for r in results:
            for c in choices:
                nxt.append(r + c)
                if len(nxt) >= cap:
                    break
            if len(nxt) >= cap:
                truncated |= len(results) * len(choices) > cap
                break
        results = nxt
    return results, truncated


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--lexicons", default=os.path.join(here, "..", "lexicons", "en"))
    ap.add_argument("--out", default="/tmp/amends-bench")
    ap.add_argument("--max-per-pattern", type=int, default=500)
    args = ap.parse_args()

    os.makedirs(args.out, exist_ok=True)
    stats = dict(rules=0, exported_rules=0, regex_rules=0, customer_rules=0,
                 patterns=0, exported_patterns=0, truncated=0, skipped={})
    prh_rules = []
    all_phrases = []
    seen = set()
    for name in sorted(os.listdir(args.lexicons)):
        if not name.endswith(".rules"):
            continue
        macros = {}
        for block in read_blocks(os.path.join(args.lexicons, name)):
            if block[0] == "define":
                macros[block[1]] = block[2]
                continue
            rule = block[1]
            stats["rules"] += 1
            if rule["kind"] != "phrase":
                stats["regex_rules"] += 1
                continue
            if rule["applies"] != "draft":
                stats["customer_rules"] += 1
                continue
            phrases = []
            for pattern in rule["match"]:
                stats["patterns"] += 1
                try:
                    seq = Parser(tokenize(expand_macros(pattern, macros)), args.max_per_pattern)
                    tree = seq.sequence(False)
                    lits, truncated = expand(tree, args.max_per_pattern)
                except Unexportable as e:
                    why = str(e).split("'")[0].strip()
                    stats["skipped"][why] = stats["skipped"].get(why, 0) + 1
                    continue
                stats["exported_patterns"] += 1
                stats["truncated"] += truncated
                for words in lits:
                    if words:
                        phrases.append(" ".join(w.lower() for w in words))
            phrases = list(dict.fromkeys(phrases))
            if not phrases:
                continue
            stats["exported_rules"] += 1
            prh_rules.append((rule["id"], phrases))
            for p in phrases:
                if p not in seen:
                    seen.add(p)
                    all_phrases.append(p)

    with open(os.path.join(args.out, "phrases.txt"), "w", encoding="utf-8") as f:
        for p in all_phrases:
            f.write(p + "\n")
    with open(os.path.join(args.out, "prh.yml"), "w", encoding="utf-8") as f:
        f.write("# Generated by bench/export_prh.py from amends' lexicon; see its docstring.\n")
        f.write("version: 1\nrules:\n")
        for rule_id, phrases in prh_rules:
            f.write("  - expected: \"amends:%s\"\n    patterns:\n" % rule_id)
            for p in phrases:
                rx = r"\b" + re.sub(r"([\\/.^$*+?()\[\]{}|])", r"\\\1", p) + r"\b"
                f.write("      - '/%s/i'\n" % rx.replace("'", "''"))

    skipped = ", ".join("%d %s" % (n, why) for why, n in sorted(stats["skipped"].items()))
    print("export_prh: %d rules: %d exported, %d regex and %d customer-message rules not; "
          "%d of %d draft phrase patterns exported (%d truncated at %d literals; skipped: %s); "
          "%d distinct phrases -> %s/{prh.yml,phrases.txt}"
          % (stats["rules"], stats["exported_rules"], stats["regex_rules"],
             stats["customer_rules"], stats["exported_patterns"], stats["patterns"],
             stats["truncated"], args.max_per_pattern, skipped or "none", len(all_phrases),
             args.out), file=sys.stderr)


if __name__ == "__main__":
    main()
