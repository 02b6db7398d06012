#!/usr/bin/env python3
"""Builds the whole-process benchmark inputs in a scratch folder (never in
the repository: most of the shared corpus may not be copied into it).

    bench/make_corpus.py [--out /tmp/amends-bench] [--big-mb 210]

From ../shared/corpora/{dev,pool}/replies.jsonl (or $AMENDS_BENCH_CORPORA;
the repository's corpora/drafts/*.txt when neither exists) it writes:
  draft-2k.txt    whole replies joined by blank lines, the first >= 2048 bytes
  empty.txt       an empty draft (start-up + lexicon load, nothing to analyse)
  replies.jsonl   every reply once, as audit records
  replies.txt     the same replies as plain text, one blank line between
  big.jsonl       replies.jsonl repeated with fresh ids up to --big-mb MB
Files that already exist with the same content are left alone.
"""
import argparse
import glob
import json
import os
import sys


def load(here):
    shared = os.environ.get("AMENDS_BENCH_CORPORA",
                            os.path.join(here, "..", "..", "shared", "corpora"))
    records = []
    for part in ("dev", "pool"):
        path = os.path.join(shared, part, "replies.jsonl")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        r = json.loads(line)
                        records.append({"id": r["id"], "text": r["text"],
                                        "customer_message": r.get("customer_message")})
    if records:
        return os.path.abspath(shared), records
    for i, path in enumerate(sorted(glob.glob(os.path.join(here, "..", "corpora", "drafts", "*.txt")))):
        with open(path, encoding="utf-8") as f:
            records.append({"id": "f%d" % i, "text": f.read(), "customer_message": None})
    return "corpora/drafts (fallback)", records


def write_if_changed(path, data):
    if os.path.exists(path):
        with open(path, "rb") as f:
            if f.read() == data:
                return
    with open(path, "wb") as f:
        f.write(data)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="/tmp/amends-bench")
    ap.add_argument("--big-mb", type=int, default=210)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    origin, records = load(here)

    draft = ""
    i = 0
    while len(draft.encode()) < 2048:
        draft += ("\n\n" if draft else "") + records[i % len(records)]["text"]
        i += 1
    write_if_changed(os.path.join(args.out, "draft-2k.txt"), (draft + "\n").encode())
    write_if_changed(os.path.join(args.out, "empty.txt"), b"")

    def line(r, rid):
        o = {"id": rid, "text": r["text"]}
        if r["customer_message"]:
            o["customer_message"] = r["customer_message"]
        return json.dumps(o, ensure_ascii=False) + "\n"

    once = "".join(line(r, r["id"]) for r in records).encode()
    write_if_changed(os.path.join(args.out, "replies.jsonl"), once)
    write_if_changed(os.path.join(args.out, "replies.txt"),
                     ("\n\n".join(r["text"] for r in records) + "\n").encode())

    big = os.path.join(args.out, "big.jsonl")
    target = args.big_mb * 1000 * 1000
    if not os.path.exists(big) or os.path.getsize(big) < target:
        with open(big, "wb") as f:
            size, rep = 0, 0
            while size < target:
                chunk = "".join(line(r, "%s-%d" % (r["id"], rep)) for r in records).encode()
                f.write(chunk)
                size += len(chunk)
                rep += 1
    print("make_corpus: %s: %d replies -> %s (draft-2k.txt %d B, replies.jsonl %d B, big.jsonl %.0f MB)"
          % (origin, len(records), args.out, len(draft.encode()) + 1, len(once),
             os.path.getsize(big) / 1e6), file=sys.stderr)


if __name__ == "__main__":
    main()
