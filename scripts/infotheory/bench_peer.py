#!/usr/bin/env python3
"""NumPy/SciPy peer for the InfoTheory benchmark, and its data and 50-digit references.

    bench_peer.py prepare DIR   write the benchmark data (seeded) and mpmath references into DIR
    bench_peer.py time DIR [NAME]  time NumPy/SciPy on the same data; print ns/element; write DIR/NAME
                                   (default peer.json)
    bench_peer.py report DIR    combine DIR/swift*.json and DIR/peer*.json (several interleaved
                                rounds; the best figure of each side is used) into the ratio table

Data are raw little-endian float64 files, so both sides time exactly the same numbers.
References are mpmath sums at 50 digits stored as a double-double (hi, lo), so the Swift side
can measure errors below one ulp without a big-number library.
"""
import json
import os
import sys
import time
from multiprocessing import Pool

import numpy as np

SEED = 20261124
N_BIG = 10_000_000
N_SOFTMAX = 1_000_000
ACCURACY = [(10, 200), (1_000, 50), (1_000_000, 1)]  # (n, trials)


def dd(v):
    import mpmath as mp
    hi = float(v)
    lo = float(v - mp.mpf(hi))
    return [hi, lo]


def entropy_chunk(xs):
    import mpmath as mp
    mp.mp.dps = 50
    return mp.fsum(-mp.mpf(x) * mp.log(mp.mpf(x)) for x in xs if x > 0)


def reference_entropy(p, pool):
    import mpmath as mp
    mp.mp.dps = 50
    chunks = [p[i:i + 50_000].tolist() for i in range(0, len(p), 50_000)]
    return mp.fsum(pool.map(entropy_chunk, chunks))


def reference_sum(x):
    import mpmath as mp
    mp.mp.dps = 50
    return mp.fsum(mp.mpf(v) for v in x.tolist())


def prepare(d):
    os.makedirs(d, exist_ok=True)
    stamp = os.path.join(d, "prepared.json")
    if os.path.exists(stamp) and json.load(open(stamp)).get("seed") == SEED:
        print(f"data in {d} already prepared (seed {SEED})")
        return
    rng = np.random.default_rng(SEED)
    p = rng.random(N_BIG); p /= p.sum()
    q = rng.random(N_BIG); q /= q.sum()
    z = rng.standard_normal(N_SOFTMAX) * 4
    p.astype("<f8").tofile(os.path.join(d, "p.bin"))
    q.astype("<f8").tofile(os.path.join(d, "q.bin"))
    z.astype("<f8").tofile(os.path.join(d, "z.bin"))
    cases = []
    with Pool(2) as pool:
        for n, trials in ACCURACY:
            for t in range(trials):
                # Spiky Dirichlet-like vectors: a wide range of magnitudes stresses the sums.
                v = rng.random(n) ** 4 + 1e-12
                v /= v.sum()
                name = f"acc_{n}_{t}.bin"
                v.astype("<f8").tofile(os.path.join(d, name))
                cases.append({"n": n, "trial": t, "file": name,
                              "entropy": dd(reference_entropy(v, pool)), "sum": dd(reference_sum(v))})
            print(f"references for n = {n} ({trials} trials) done", flush=True)
    json.dump({"seed": SEED, "cases": cases}, open(os.path.join(d, "references.json"), "w"))
    json.dump({"seed": SEED}, open(stamp, "w"))


def best(f, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter(); f(); times.append(time.perf_counter() - t)
    return min(times)


def timing(d, name="peer.json"):
    import scipy
    import scipy.special
    import scipy.stats
    p = np.fromfile(os.path.join(d, "p.bin"), dtype="<f8")
    q = np.fromfile(os.path.join(d, "q.bin"), dtype="<f8")
    z = np.fromfile(os.path.join(d, "z.bin"), dtype="<f8")
    rows = {
        "entropy": [("scipy.stats.entropy(p)", lambda: scipy.stats.entropy(p), len(p)),
                    ("-np.sum(p * np.log(p))", lambda: -np.sum(p * np.log(p)), len(p))],
        "kl": [("scipy.stats.entropy(p, q)", lambda: scipy.stats.entropy(p, q), len(p)),
               ("np.sum(scipy.special.rel_entr(p, q))", lambda: np.sum(scipy.special.rel_entr(p, q)), len(p)),
               ("np.sum(p * np.log(p / q))", lambda: np.sum(p * np.log(p / q)), len(p))],
        "softmax": [("scipy.special.softmax(z)", lambda: scipy.special.softmax(z), len(z)),
                    ("e = np.exp(z - z.max()); e / e.sum()", lambda: (lambda e: e / e.sum())(np.exp(z - z.max())), len(z))],
    }
    out = {"numpy": np.__version__, "scipy": scipy.__version__, "rows": {}}
    for key, peers in rows.items():
        out["rows"][key] = []
        for label, f, n in peers:
            f()
            ns = best(f, 15) / n * 1e9  # best of 15, as the Swift side
            out["rows"][key].append({"peer": label, "ns_per_element": ns})
            print(f"  {key:8s} {label:40s} {ns:7.3f} ns/element", flush=True)
    json.dump(out, open(os.path.join(d, name), "w"), indent=1)


def report(d):
    import glob
    swift_runs = [json.load(open(f)) for f in sorted(glob.glob(os.path.join(d, "swift*.json")))]
    peer_runs = [json.load(open(f)) for f in sorted(glob.glob(os.path.join(d, "peer*.json")))]
    # The machine is shared: keep each side's least disturbed figure over the interleaved rounds.
    s = swift_runs[0]
    s["speed"] = {k: min(r["speed"][k] for r in swift_runs) for k in s["speed"]}
    p = peer_runs[0]
    for key, rows in p["rows"].items():
        for i, row in enumerate(rows):
            row["ns_per_element"] = min(r["rows"][key][i]["ns_per_element"] for r in peer_runs)
    print()
    print(f"{len(swift_runs)} Swift and {len(peer_runs)} NumPy rounds, interleaved; best of 15 runs per round")
    print(f"Speed (NumPy {p['numpy']}, SciPy {p['scipy']}); ratio = Swift / peer, ≤ 1.0 means Swift is as fast or faster")
    print(f"  {'task':8s} {'Swift ns/el':>11s}  {'peer':40s} {'peer ns/el':>10s} {'ratio':>6s}")
    for key in ["entropy", "kl", "softmax"]:
        sw = s["speed"][key]
        for row in p["rows"][key]:
            print(f"  {key:8s} {sw:11.3f}  {row['peer']:40s} {row['ns_per_element']:10.3f} {sw / row['ns_per_element']:6.2f}")
    print()
    print("Accuracy: max |error| in ulps of the result against the mpmath 50-digit reference")
    print(f"  {'quantity':10s} {'n':>9s} {'trials':>6s} {'InfoTheory':>11s} {'reduce(0,+)':>12s}")
    for row in s["accuracy"]:
        print(f"  {row['quantity']:10s} {row['n']:9d} {row['trials']:6d} {row['ours']:11.3f} {row['plain']:12.3f}")


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4) or sys.argv[1] not in ("prepare", "time", "report"):
        sys.exit(__doc__)
    {"prepare": prepare, "time": timing, "report": report}[sys.argv[1]](*sys.argv[2:])
