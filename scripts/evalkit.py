"""What the evaluation scripts share: options, folds, and running an audit.

Imported by eval_folds.py, eval_probe.py, eval_sentences.py and lexicon_diff.py (run from
any directory: Python puts the script's folder on the path).
"""
import hashlib
import json
import os
import subprocess
import sys
import tempfile

FOLDS = 5


def fold_of(rid):
    """The fold of a labeled reply: the first byte of its id's SHA-1, modulo 5."""
    return hashlib.sha1(rid.encode("utf-8")).digest()[0] % FOLDS


def read_jsonl(path):
    """The JSON objects of a file with one a line (blank lines skipped)."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def option(name, default=None, usage=None):
    """The value after NAME on the command line, or DEFAULT when it is absent."""
    if name in sys.argv:
        i = sys.argv.index(name)
        if i + 1 >= len(sys.argv):
            sys.exit(usage or f"{name} needs a value")
        return sys.argv[i + 1]
    return default


def audit_records(amends, args, records, who):
    """`amends audit --no-config ARGS` over RECORDS (dicts with an id): checklists by id."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    try:
        run = subprocess.run([amends, "audit", "--no-config"] + args + [fh.name], capture_output=True)
    finally:
        os.unlink(fh.name)
    if run.returncode > 1:
        sys.exit(f"{who}: amends audit failed:\n" + run.stderr.decode(errors="replace"))
    return {o["id"]: o for o in map(json.loads, run.stdout.decode().splitlines())}
