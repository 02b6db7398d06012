#!/usr/bin/env python3
"""Prints hyperfine --export-json results as a table with ratios.

    bench/summarize.py RESULT.json [MORE.json ...] [--base NAME] [--bytes N]

Each row: command name, median, mean ± stddev, min..max, runs, and the
ratio of its median to the base command's median (default: the first
command). With --bytes, also MB/s (10^6 bytes) of the median.
"""
import argparse
import json
import statistics


def fmt(seconds):
    if seconds >= 1:
        return "%.2f s" % seconds
    if seconds >= 1e-3:
        return "%.1f ms" % (seconds * 1e3)
    return "%.0f µs" % (seconds * 1e6)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("result", nargs="+")
    ap.add_argument("--base")
    ap.add_argument("--bytes", type=int)
    args = ap.parse_args()
    results = []
    for path in args.result:
        with open(path) as f:
            results += json.load(f)["results"]
    base = results[0]
    if args.base:
        base = next(r for r in results if r["command"] == args.base)
    width = max(len(r["command"]) for r in results)
    head = "%-*s  %10s  %20s  %22s  %4s  %10s" % (width, "command", "median", "mean ± σ", "min … max", "runs", "× " + base["command"][:12])
    if args.bytes:
        head += "  %9s" % "MB/s"
    print(head)
    for r in results:
        times = r["times"]
        med = statistics.median(times)
        ratio = med / statistics.median(base["times"])
        line = "%-*s  %10s  %20s  %22s  %4d  %10s" % (
            width, r["command"], fmt(med), "%s ± %s" % (fmt(r["mean"]), fmt(r["stddev"] or 0)),
            "%s … %s" % (fmt(min(times)), fmt(max(times))), len(times),
            ("%.2f" % ratio) if ratio < 10 else ("%.0f" % ratio))
        if args.bytes:
            line += "  %9.1f" % (args.bytes / med / 1e6)
        print(line)


if __name__ == "__main__":
    main()
