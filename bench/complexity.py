#!/usr/bin/env python3
"""Fits the exponent of `amends check --format json` time against input size
for pathological drafts, for any build (so a before and an after can be
compared in one run):

    bench/complexity.py BIN [BIN...] [--sizes 64,256,1024] [--runs 3]

Sizes are in KB. For each shape and binary it prints the median seconds at
each size and the exponent k of time ~ size^k (least squares on log-log):
1 is linear, 2 quadratic. Process start-up is subtracted (the median time
of an empty draft), so small sizes are not flattened by it.
"""
import math, os, statistics, subprocess, sys, tempfile, time

SHAPES = {
    "finding per word": "sorry for any inconvenience ",
    "endless sentence": "we will send you a new one and check the order with the courier today ",
    "findings per sentence": "Sorry for any inconvenience. But it is our policy. ",
    "every line quoted": "> quoted line, sorry for any inconvenience\n",
    "quote pairs": "\"sorry for any inconvenience\" ",
    "deep lists": "- item we cannot do that\n  - sub item, sorry but no\n    - and another\n",
    "many buts": "sorry but ",
    "CJK": "我们很抱歉给您带来不便",
    "emoji": "😀👍🏽🎉 ",
    "tiny sentences": "Ok. ",
    "long non-ASCII line": "Désolé, sorry for any inconvenience — but it is our policy 😀 ",
}


def timed(binary, path, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([binary, "check", "--format", "json", path], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main():
    args = sys.argv[1:]
    sizes, runs = [64, 256, 1024], 3
    if "--sizes" in args:
        sizes = [int(s) for s in args[args.index("--sizes") + 1].split(",")]
    if "--runs" in args:
        runs = int(args[args.index("--runs") + 1])
    bins = [a for i, a in enumerate(args) if not a.startswith("--")
            and (i == 0 or args[i - 1] not in ("--sizes", "--runs"))]
    with tempfile.TemporaryDirectory() as tmp:
        empty = os.path.join(tmp, "empty.txt")
        open(empty, "w").close()
        start = {b: timed(b, empty, 5) for b in bins}
        print(f"{'shape':24} {'build':28} " + " ".join(f"{s:>7}K" for s in sizes) + "  exponent")
        for name, unit in SHAPES.items():
            for b in bins:
                row = []
                for kb in sizes:
                    path = os.path.join(tmp, "draft.txt")
                    # Whole units, so a character is never cut in two.
                    data = unit.encode() * max(1, kb * 1024 // len(unit.encode()))
                    open(path, "wb").write(data)
                    row.append(max(timed(b, path, runs) - start[b], 1e-4))
                xs = [math.log(s) for s in sizes]
                ys = [math.log(t) for t in row]
                mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
                k = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
                print(f"{name:24} {os.path.basename(b)[:28]:28} " +
                      " ".join(f"{t:8.3f}" for t in row) + f"  {k:8.2f}")


if __name__ == "__main__":
    main()
