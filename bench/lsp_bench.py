#!/usr/bin/env python3
"""`amends lsp`: time from didChange to its publishDiagnostics, and RSS.

For a 2 KB and a 50 KB document (the bundled drafts in corpora/drafts,
repeated), sends one small edit at a time as a full-sync didChange and
waits for the diagnostics of that version: the time between writing the
change and reading its diagnostics is one sample (it includes both pipes
and this client's JSON decoding, so it is an upper bound on the server's
part). Python's garbage collector is off while samples are taken: the
diagnostics it decodes (hundreds of objects per edit, no cycles, freed as
they go) set it off every few edits, and each collection added up to 2 ms
to the sample it fell in, time of the client's, not the server's. Then
10,000 edits to the 2 KB document and the server's RSS (VmRSS, /proc).
Prints a Markdown table.

Usage: bench/lsp_bench.py [AMENDS_BINARY] [EDITS_PER_SIZE]
"""
import gc
import glob
import json
import os
import random
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "amends")
EDITS = int(sys.argv[2]) if len(sys.argv) > 2 else 2000


class Client:
    def __init__(self, log=None):
        args = [BIN, "--no-config", "lsp"] + (["--log"] if log else [])
        self.log = log
        self.proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=open(log, "w") if log else None, bufsize=0)
        self.next_id = 1

    def server_ms(self):
        """The server's own time per didChange, from its --log lines."""
        out = []
        with open(self.log) as f:
            for line in f:
                parts = line.split()
                if len(parts) == 5 and parts[2] == "textDocument/didChange":
                    out.append(float(parts[3]))
        return out

    def send(self, message):
        body = json.dumps(dict(message, jsonrpc="2.0")).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def read(self):
        length = None
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise EOFError("the server closed its output")
            line = line.strip()
            if not line:
                break
            name, _, value = line.partition(b":")
            if name.lower() == b"content-length":
                length = int(value)
        data = b""
        while len(data) < length:
            data += self.proc.stdout.read(length - len(data))
        return json.loads(data)

    def request(self, method, params):
        rid = self.next_id
        self.next_id += 1
        self.send({"id": rid, "method": method, "params": params})
        while True:
            m = self.read()
            if m.get("id") == rid:
                return m

    def wait_diagnostics(self, version):
        while True:
            m = self.read()
            if (m.get("method") == "textDocument/publishDiagnostics"
                    and m["params"].get("version") == version):
                return m["params"]["diagnostics"]

    def rss_mb(self):
        with open("/proc/%d/status" % self.proc.pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024.0
        return float("nan")

    def close(self):
        self.request("shutdown", None)
        self.send({"method": "exit"})
        return self.proc.wait(timeout=10)


def document(size):
    text = ""
    files = sorted(glob.glob(os.path.join(ROOT, "corpora", "drafts", "*.txt")))
    while len(text.encode()) < size:
        for f in files:
            with open(f, encoding="utf-8") as fh:
                text += fh.read() + "\n"
    return text.encode()[:size].decode("utf-8", "ignore")


def edit(text, rnd):
    at = rnd.randrange(len(text) + 1)
    if rnd.random() < 0.5 and len(text) > 10:
        return text[:at] + text[at + 1:]
    return text[:at] + rnd.choice(["a", " ", "e", ".", "\n", "sorry ", "per our policy, "]) + text[at:]


def percentile(samples, p):
    s = sorted(samples)
    return s[min(len(s) - 1, int(round(p / 100.0 * (len(s) - 1))))]


def main():
    rnd = random.Random(18)
    rows = []
    gc.disable()  # see the module's docstring
    for size in (2048, 50 * 1024):
        c = Client(log="/tmp/amends-lsp-bench-%d.log" % size)
        c.request("initialize", {"processId": None, "capabilities": {}, "rootUri": None})
        c.send({"method": "initialized", "params": {}})
        uri = "file:///bench/draft-%d.txt" % size
        base = document(size)
        c.send({"method": "textDocument/didOpen",
                "params": {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1,
                                            "text": base}}})
        c.wait_diagnostics(1)
        samples = []
        text = base
        for v in range(2, EDITS + 2):
            text = edit(text, rnd)
            if abs(len(text) - len(base)) > 64:
                text = base
            body = {"method": "textDocument/didChange",
                    "params": {"textDocument": {"uri": uri, "version": v},
                               "contentChanges": [{"text": text}]}}
            t0 = time.perf_counter()
            c.send(body)
            c.wait_diagnostics(v)
            samples.append((time.perf_counter() - t0) * 1000.0)
        rss = c.rss_mb()
        c.close()
        server = c.server_ms()[1:]
        rows.append((size, len(samples), statistics.median(samples), percentile(samples, 99),
                     max(samples), statistics.median(server), percentile(server, 99), rss))

    gc.enable()

    # RSS after 10,000 edits of the 2 KB document.
    c = Client()
    c.request("initialize", {"processId": None, "capabilities": {}, "rootUri": None})
    uri = "file:///bench/rss.txt"
    base = document(2048)
    text = base
    c.send({"method": "textDocument/didOpen",
            "params": {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1,
                                        "text": base}}})
    c.wait_diagnostics(1)
    start_rss = c.rss_mb()
    for v in range(2, 10002):
        text = edit(text, rnd)
        if abs(len(text) - len(base)) > 256:
            text = base
        c.send({"method": "textDocument/didChange",
                "params": {"textDocument": {"uri": uri, "version": v},
                           "contentChanges": [{"text": text}]}})
        c.wait_diagnostics(v)
    end_rss = c.rss_mb()
    c.close()

    print("| document | edits | p50 ms | p99 ms | max ms | server p50 ms | server p99 ms | RSS MB |")
    print("|---|---|---|---|---|---|---|---|")
    for size, n, p50, p99, mx, sp50, sp99, rss in rows:
        print("| %d KB | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f |"
              % (size // 1024, n, p50, p99, mx, sp50, sp99, rss))
    print()
    print("RSS after open: %.1f MB; after 10,000 edits: %.1f MB" % (start_rss, end_rss))


if __name__ == "__main__":
    main()
