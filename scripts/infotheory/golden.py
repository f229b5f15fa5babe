#!/usr/bin/env python3
"""Golden values for the InfoTheory tests, computed with mpmath at 50 digits.

Every input is a Python float (an exact double); mpmath converts it exactly (mpf(float) is
exact), so the expected values are the true values of the functions *at those doubles*,
rounded once to 17 significant digits. Run from the repo root:

    python3 scripts/infotheory/golden.py > Tests/InfoTheoryTests/Fixtures/golden.json
"""
import json
import math
import random
import mpmath as mp

mp.mp.dps = 50
LN = {"nats": mp.mpf(1), "bits": mp.log(2), "bans": mp.log(10)}
cases = []


def mpf(x):
    return mp.mpf(x)  # exact for a Python float


def out(v):
    """17 significant digits as a JSON number; non-finite values as the strings the Swift
    decoder maps back (JSON has no infinity)."""
    if v == mp.inf:
        return "inf"
    if v == -mp.inf:
        return "-inf"
    return float(mp.nstr(v, 17))


def enc(x):
    if isinstance(x, dict):
        return {k: enc(v) for k, v in x.items()}
    if isinstance(x, list):
        return [enc(y) for y in x]
    if isinstance(x, float) and x != x:
        return "nan"
    if isinstance(x, float) and abs(x) == float("inf"):
        return "inf" if x > 0 else "-inf"
    return x


def add(name, fn, expected, vectors=None, matrices=None, scalars=None, ints=None, strings=None):
    if not isinstance(expected, list):
        expected = [expected]
    cases.append({
        "name": name, "fn": fn,
        "vectors": enc(vectors or {}), "matrices": enc(matrices or {}), "scalars": enc(scalars or {}),
        "ints": ints or {}, "strings": strings or {},
        "expected": [out(v) for v in expected],
    })


def xlogy(x, y):
    return mp.mpf(0) if x == 0 else x * mp.log(y)


# ---------- discrete ----------
def H(p):
    return -mp.fsum(xlogy(mpf(x), mpf(x)) for x in p)


def CE(p, q):
    return -mp.fsum(xlogy(mpf(a), mpf(b)) for a, b in zip(p, q))


def KL(p, q):
    return mp.fsum(mpf(a) * mp.log(mpf(a) / mpf(b)) for a, b in zip(p, q) if a > 0)


def JSD(p, q):
    m = [(mpf(a) + mpf(b)) / 2 for a, b in zip(p, q)]
    kp = mp.fsum(mpf(a) * mp.log(mpf(a) / c) for a, c in zip(p, m) if a > 0)
    kq = mp.fsum(mpf(b) * mp.log(mpf(b) / c) for b, c in zip(q, m) if b > 0)
    return (kp + kq) / 2


def rng_dist(seed, n, zeros=0, spread=1.0):
    r = random.Random(seed)
    v = [r.random() ** spread for _ in range(n)]
    for i in range(zeros):
        v[r.randrange(n)] = 0.0
    s = sum(v)
    return [x / s for x in v]


P3, Q3 = [0.5, 0.25, 0.25], [0.4, 0.4, 0.2]
P5 = rng_dist(1, 5)
Q5 = rng_dist(2, 5)
PZ = [0.5, 0.0, 0.25, 0.25, 0.0]
QZ = [0.1, 0.3, 0.2, 0.4, 0.0]
PBIG = rng_dist(3, 1000, spread=3)
QBIG = rng_dist(4, 1000, spread=3)
PTINY = [1e-300, 0.5, 0.5 - 1e-300, 5e-324]
NEAR_P = rng_dist(5, 8)
NEAR_Q = [x * (1 + 1e-7 * ((-1) ** i)) for i, x in enumerate(NEAR_P)]
NEAR_Q = [x / sum(NEAR_Q) for x in NEAR_Q]

for nm, p in [("seed", P3), ("random5", P5), ("zeros", PZ), ("big1000", PBIG), ("tiny", PTINY), ("onehot", [0.0, 1.0, 0.0])]:
    add(f"entropy {nm}", "entropy", H(p), vectors={"p": p})
for b in ["bits", "bans"]:
    add(f"entropy seed {b}", "entropy", H(P3) / LN[b], vectors={"p": P3}, strings={"base": b})
add("entropy big1000 bits", "entropy", H(PBIG) / LN["bits"], vectors={"p": PBIG}, strings={"base": "bits"})

for nm, p, q in [("seed", P3, Q3), ("random5", P5, Q5), ("zeros", PZ, QZ), ("big1000", PBIG, QBIG), ("nearlyEqual", NEAR_P, NEAR_Q)]:
    add(f"crossEntropy {nm}", "crossEntropy", CE(p, q), vectors={"p": p, "q": q})
    add(f"kl {nm}", "kl", KL(p, q), vectors={"p": p, "q": q})
    add(f"js {nm}", "js", JSD(p, q), vectors={"p": p, "q": q})
add("kl seed reversed", "kl", KL(Q3, P3), vectors={"p": Q3, "q": P3})
add("kl seed bits", "kl", KL(P3, Q3) / LN["bits"], vectors={"p": P3, "q": Q3}, strings={"base": "bits"})
add("js random5 bans", "js", JSD(P5, Q5) / LN["bans"], vectors={"p": P5, "q": Q5}, strings={"base": "bans"})
add("crossEntropy random5 bits", "crossEntropy", CE(P5, Q5) / LN["bits"], vectors={"p": P5, "q": Q5}, strings={"base": "bits"})
add("jsDistance random5", "jsDistance", mp.sqrt(JSD(P5, Q5)), vectors={"p": P5, "q": Q5})
add("jsDistance zeros bits", "jsDistance", mp.sqrt(JSD(PZ, QZ) / LN["bits"]), vectors={"p": PZ, "q": QZ}, strings={"base": "bits"})
add("totalVariation random5", "totalVariation", mp.fsum(abs(mpf(a) - mpf(b)) for a, b in zip(P5, Q5)) / 2, vectors={"p": P5, "q": Q5})
add("totalVariation zeros", "totalVariation", mp.fsum(abs(mpf(a) - mpf(b)) for a, b in zip(PZ, QZ)) / 2, vectors={"p": PZ, "q": QZ})

for x in [0.5, 0.1, 1e-12, 0.999]:
    px = mpf(x)
    add(f"binaryEntropy {x}", "binaryEntropy", -xlogy(px, px) - xlogy(1 - px, 1 - px), scalars={"p": x})
add("binaryEntropy 0.1 bits", "binaryEntropy", (-xlogy(mpf(0.1), mpf(0.1)) - xlogy(1 - mpf(0.1), 1 - mpf(0.1))) / LN["bits"], scalars={"p": 0.1}, strings={"base": "bits"})
for x in [0.25, 1e-10]:
    add(f"informationContent {x}", "informationContent", -mp.log(mpf(x)), scalars={"p": x})


def renyi(p, a):
    a = mpf(a)
    sup = [mpf(x) for x in p if x > 0]
    if a == 0:
        return mp.log(len(sup))
    if a == mp.inf:
        return -mp.log(max(sup))
    # Rényi's form for incomplete distributions: identical when Σp = 1, continuous at α = 1.
    return mp.log(mp.fsum(x ** a for x in sup) / mp.fsum(sup)) / (1 - a)


for a in [0.0, 0.5, 2.0, 0.999999, 1.000001, 50.0, 3000.0]:
    add(f"renyi random5 alpha={a}", "renyi", renyi(P5, a), vectors={"p": P5}, scalars={"alpha": a})
add("renyi zeros alpha=inf", "renyi", renyi(PZ, mp.inf), vectors={"p": PZ}, scalars={"alpha": float("inf")})
for qq in [2.0, 0.5, 1.0000001]:
    sup = [mpf(x) for x in P5 if x > 0]
    # S_q = Σ p·ln_q(1/p) = Σ p (p^(q−1) − 1)/(1 − q)
    add(f"tsallis random5 q={qq}", "tsallis", mp.fsum(x * (x ** (mpf(qq) - 1) - 1) for x in sup) / (1 - mpf(qq)), vectors={"p": P5}, scalars={"q": qq})
add("perplexity random5", "perplexity", mp.exp(H(P5)), vectors={"p": P5})

# ---------- joint tables ----------
J1 = [[0.3, 0.2], [0.1, 0.4]]
J2 = [[x for x in rng_dist(7, 12)[i * 4:(i + 1) * 4]] for i in range(3)]
JI = [[a * b for b in [0.25, 0.75]] for a in [0.2, 0.3, 0.5]]  # independent (products rounded)


def joint(t):
    px = [mp.fsum(mpf(x) for x in row) for row in t]
    py = [mp.fsum(mpf(row[j]) for row in t) for j in range(len(t[0]))]
    hxy = -mp.fsum(xlogy(mpf(x), mpf(x)) for row in t for x in row)
    hx = -mp.fsum(xlogy(x, x) for x in px)
    hy = -mp.fsum(xlogy(y, y) for y in py)
    mi = mp.fsum(mpf(t[i][j]) * mp.log(mpf(t[i][j]) / (px[i] * py[j]))
                 for i in range(len(t)) for j in range(len(t[0])) if t[i][j] > 0)
    return px, py, hxy, hx, hy, mi


for nm, t in [("2x2", J1), ("3x4", J2), ("independent", JI)]:
    px, py, hxy, hx, hy, mi = joint(t)
    add(f"jointEntropy {nm}", "jointEntropy", hxy, matrices={"pxy": t})
    add(f"H(X|Y) {nm}", "conditionalEntropyGivenY", hxy - hy, matrices={"pxy": t})
    add(f"H(Y|X) {nm}", "conditionalEntropyGivenX", hxy - hx, matrices={"pxy": t})
    add(f"mutualInformation {nm}", "mutualInformation", mi, matrices={"pxy": t})
    add(f"marginalX {nm}", "marginalX", px, matrices={"pxy": t})
    add(f"marginalY {nm}", "marginalY", py, matrices={"pxy": t})
px, py, hxy, hx, hy, mi = joint(J2)
add("nmi 3x4 arithmetic", "nmiArithmetic", mi / ((hx + hy) / 2), matrices={"pxy": J2})
add("nmi 3x4 geometric", "nmiGeometric", mi / mp.sqrt(hx * hy), matrices={"pxy": J2})
add("nmi 3x4 joint", "nmiJoint", mi / hxy, matrices={"pxy": J2})
add("mutualInformation 3x4 bits", "mutualInformationBits", mi / LN["bits"], matrices={"pxy": J2})
add("nmi 3x4 min", "nmiMin", mi / min(hx, hy), matrices={"pxy": J2})
add("nmi 3x4 max", "nmiMax", mi / max(hx, hy), matrices={"pxy": J2})
add("productOfMarginals 2x2", "productOfMarginals", [a * b for a in joint(J1)[0] for b in joint(J1)[1]], matrices={"pxy": J1})

# ---------- logits ----------
Z = [1.0, 2.0, 3.0, -1.5, 0.25]
ZB = [1000.0, 999.0, -1000.0, 998.5]
ZM = [2.0, float("-inf"), 0.5, 1.0]


def lse(z, T=1.0):
    zs = [mpf(x) / mpf(T) for x in z if x != float("-inf")]
    return mp.log(mp.fsum(mp.exp(x) for x in zs))


def logsoftmax(z, T=1.0):
    l = lse(z, T)
    return [mpf(x) / mpf(T) - l if x != float("-inf") else -mp.inf for x in z]


for nm, z in [("small", Z), ("big", ZB), ("masked", ZM)]:
    add(f"logSumExp {nm}", "logSumExp", lse(z), vectors={"z": z})
    add(f"softmax {nm}", "softmax", [mp.exp(v) for v in logsoftmax(z)], vectors={"z": z}, scalars={"temperature": 1.0})
    ent = -mp.fsum(mp.exp(v) * v for v in logsoftmax(z) if v != -mp.inf)
    add(f"entropyFromLogits {nm}", "entropyFromLogits", ent, vectors={"z": z}, scalars={"temperature": 1.0})
for T in [0.5, 3.0]:
    add(f"softmax small T={T}", "softmax", [mp.exp(v) for v in logsoftmax(Z, T)], vectors={"z": Z}, scalars={"temperature": T})
    add(f"logSoftmax small T={T}", "logSoftmax", logsoftmax(Z, T), vectors={"z": Z}, scalars={"temperature": T})
    add(f"entropyFromLogits small T={T}", "entropyFromLogits", -mp.fsum(mp.exp(v) * v for v in logsoftmax(Z, T)), vectors={"z": Z}, scalars={"temperature": T})
add("logSoftmax masked T=1", "logSoftmax", logsoftmax(ZM), vectors={"z": ZM}, scalars={"temperature": 1.0})
add("entropyFromLogits masked T=0.25", "entropyFromLogits", -mp.fsum(mp.exp(v) * v for v in logsoftmax(ZM, 0.25) if v != -mp.inf), vectors={"z": ZM}, scalars={"temperature": 0.25})
ZQ = [0.5, 2.5, 2.0, -1.0, 0.0]
for T in [1.0, 2.0]:
    lp, lq = logsoftmax(Z, T), logsoftmax(ZQ, T)
    kl = mp.fsum(mp.exp(a) * (a - b) for a, b in zip(lp, lq))
    add(f"klFromLogits T={T}", "klFromLogits", kl, vectors={"p": Z, "q": ZQ}, scalars={"temperature": T})
    if T == 2.0:
        add("distillation T=2", "distillation", T * T * kl, vectors={"teacher": Z, "student": ZQ}, scalars={"temperature": T})
        hard = -logsoftmax(ZQ)[1]
        add("distillation T=2 alpha=0.7 hard=1", "distillationHard", mpf(0.7) * T * T * kl + (1 - mpf(0.7)) * hard,
            vectors={"teacher": Z, "student": ZQ}, scalars={"temperature": T, "alpha": 0.7}, ints={"hardTarget": [1]})

LOGITS = [[1.0, 2.0, 3.0], [1.0, -1.0, 0.0], [0.5, 0.5, -2.0], [3.0, 0.0, 1.0]]
TARGETS = [2, 0, -100, 1]
W = [1.0, 2.0, 3.0]


def ce_indices(logits, targets, weights, eps, reduction, ignore=-100):
    C = len(logits[0])
    w = [mpf(x) for x in (weights or [1.0] * C)]
    losses, den = [], mp.mpf(0)
    for row, y in zip(logits, targets):
        lp = logsoftmax(row)
        if y == ignore:
            losses.append(mp.mpf(0))
            continue
        nll = -w[y] * lp[y]
        smooth = -mp.fsum(w[c] * lp[c] for c in range(C))
        losses.append((1 - mpf(eps)) * nll + mpf(eps) / C * smooth)
        den += w[y]
    if reduction == "none":
        return losses
    if reduction == "sum":
        return mp.fsum(losses)
    return mp.fsum(losses) / den


for eps in [0.0, 0.1]:
    for red in ["mean", "sum", "none"]:
        for w in [None, W]:
            nm = f"crossEntropyLoss indices eps={eps} {red} {'weighted' if w else 'unweighted'}"
            add(nm, "crossEntropyLossIndices", ce_indices(LOGITS, TARGETS, w, eps, red),
                matrices={"logits": LOGITS}, vectors={"weights": w} if w else {},
                ints={"targets": TARGETS}, scalars={"labelSmoothing": eps}, strings={"reduction": red})
SOFT = [[0.1, 0.2, 0.7], [1.0, 0.0, 0.0], [0.25, 0.25, 0.5], [0.0, 0.5, 0.5]]
for eps, red, w in [(0.0, "mean", None), (0.2, "sum", W), (0.05, "mean", W)]:
    C = 3
    ww = [mpf(x) for x in (w or [1.0] * C)]
    losses = []
    for row, t in zip(LOGITS, SOFT):
        lp = logsoftmax(row)
        losses.append(-mp.fsum(ww[c] * ((1 - mpf(eps)) * mpf(t[c]) + mpf(eps) / C) * lp[c] for c in range(C)))
    val = mp.fsum(losses) / (len(losses) if red == "mean" else 1)
    add(f"crossEntropyLoss probabilities eps={eps} {red}", "crossEntropyLossProbabilities", val,
        matrices={"logits": LOGITS, "targets": SOFT}, vectors={"weights": w} if w else {},
        scalars={"labelSmoothing": eps}, strings={"reduction": red})

# PyTorch's F.kl_div(input, target, reduction, log_target): input holds log-probabilities;
# pointwise target*(log target - input) (log_target: exp(target)*(target - input)), 0 where the
# target's probability is 0; "batchmean" divides the sum by the first dimension.
def kldiv(inp, tgt, reduction, log_target=False, batch=None):
    terms = []
    for x, t in zip(inp, tgt):
        X, T = mpf(x), mpf(t)
        if log_target:
            terms.append(mp.mpf(0) if T == -mp.inf else mp.exp(T) * (T - X))
        else:
            terms.append(mp.mpf(0) if T == 0 else T * (mp.log(T) - X))
    if reduction == "none":
        return terms
    total = mp.fsum(terms)
    if reduction == "sum":
        return total
    if reduction == "mean":
        return total / len(terms)
    return total / batch


def flat(m):
    return [x for row in m for x in row]


KL_INPUT = [[math.log(v) for v in row] for row in [[0.2, 0.3, 0.5], [0.6, 0.3, 0.1], [0.25, 0.5, 0.25], [0.1, 0.1, 0.8]]]
KL_LOG_TARGET = [[math.log(v) if v > 0 else float("-inf") for v in row] for row in SOFT]
for red in ["mean", "batchmean", "sum", "none"]:
    add(f"klDivLoss batch {red}", "klDivLoss", kldiv(flat(KL_INPUT), flat(SOFT), red, batch=len(SOFT)),
        matrices={"input": KL_INPUT, "target": SOFT}, strings={"reduction": red})
    add(f"klDivLoss batch log_target {red}", "klDivLoss",
        kldiv(flat(KL_INPUT), flat(KL_LOG_TARGET), red, log_target=True, batch=len(SOFT)),
        matrices={"input": KL_INPUT, "target": KL_LOG_TARGET}, strings={"reduction": red, "logTarget": "true"})
    add(f"klDivLoss vector {red}", "klDivLossVector", kldiv([math.log(q) for q in Q5], P5, red, batch=len(P5)),
        vectors={"input": [math.log(q) for q in Q5], "target": P5}, strings={"reduction": red})
# Edge values: -inf input under mass (an infinite loss) and under none (0), an unnormalised
# target and positive inputs (PyTorch accepts both), a tiny target.
KL_EDGE_IN = [float("-inf"), float("-inf"), 0.5, -2.0, -745.0]
KL_EDGE_T = [0.0, 0.3, 2.0, 1e-300, 0.25]
for red in ["none", "sum"]:
    add(f"klDivLoss vector edge {red}", "klDivLossVector", kldiv(KL_EDGE_IN, KL_EDGE_T, red),
        vectors={"input": KL_EDGE_IN, "target": KL_EDGE_T}, strings={"reduction": red})
KL_FINITE_IN = KL_EDGE_IN[2:]
KL_FINITE_T = KL_EDGE_T[2:]
add("klDivLoss vector unnormalised batchmean", "klDivLossVector", kldiv(KL_FINITE_IN, KL_FINITE_T, "batchmean", batch=3),
    vectors={"input": KL_FINITE_IN, "target": KL_FINITE_T}, strings={"reduction": "batchmean"})

for lq, lp in [(-1.2, -0.9), (-0.5, -0.5000001), (-3.0, -7.5)]:
    lr = mpf(lp) - mpf(lq)
    add(f"k1 {lq} {lp}", "k1", -lr, scalars={"logQ": lq, "logP": lp})
    add(f"k2 {lq} {lp}", "k2", lr * lr / 2, scalars={"logQ": lq, "logP": lp})
    add(f"k3 {lq} {lp}", "k3", mp.exp(lr) - 1 - lr, scalars={"logQ": lq, "logP": lp})

# ---------- continuous ----------
def half_log_2pie():
    return mp.log(2 * mp.pi * mp.e) / 2


for s in [1.0, 0.1, 7.5]:
    add(f"normal entropy sd={s}", "normalEntropy", half_log_2pie() + mp.log(mpf(s)), scalars={"mean": 0.3, "sd": s})
add("normal entropy sd=2 bits", "normalEntropy", (half_log_2pie() + mp.log(2)) / LN["bits"], scalars={"mean": 0.0, "sd": 2.0}, strings={"base": "bits"})
add("uniform entropy", "uniformEntropy", mp.log(mpf(3.5) - mpf(-1.25)), scalars={"lower": -1.25, "upper": 3.5})
add("exponential entropy", "exponentialEntropy", 1 - mp.log(mpf(2.5)), scalars={"rate": 2.5})
add("laplace entropy", "laplaceEntropy", 1 + mp.log(2 * mpf(0.7)), scalars={"location": 1.0, "scale": 0.7})
for k, th in [(2.5, 1.5), (0.5, 2.0), (10.0, 0.1), (1.0, 1.0)]:
    K, TH = mpf(k), mpf(th)
    add(f"gamma entropy k={k} theta={th}", "gammaEntropy", K + mp.log(TH) + mp.loggamma(K) + (1 - K) * mp.digamma(K), scalars={"shape": k, "scale": th})
for a, b in [(2.0, 3.0), (0.5, 0.5), (10.0, 1.5)]:
    A, B = mpf(a), mpf(b)
    add(f"beta entropy a={a} b={b}", "betaEntropy",
        mp.log(mp.beta(A, B)) - (A - 1) * mp.digamma(A) - (B - 1) * mp.digamma(B) + (A + B - 2) * mp.digamma(A + B),
        scalars={"alpha": a, "beta": b})


def kl_normal(m1, s1, m2, s2):
    m1, s1, m2, s2 = map(mpf, (m1, s1, m2, s2))
    return mp.log(s2 / s1) + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s2 ** 2) - mpf(1) / 2


add("kl normal N(0,1)||N(1,sd=2)", "klNormal", kl_normal(0.0, 1.0, 1.0, 2.0), scalars={"m1": 0.0, "s1": 1.0, "m2": 1.0, "s2": 2.0})
add("kl normal nearly equal", "klNormal", kl_normal(0.0, 1.0, 1e-6, 1.000001), scalars={"m1": 0.0, "s1": 1.0, "m2": 1e-6, "s2": 1.000001})
add("kl normal N(0,1)||N(1,var=2)", "klNormalVariance", kl_normal(0.0, 1.0, 1.0, mp.sqrt(2)), scalars={"m1": 0.0, "v1": 1.0, "m2": 1.0, "v2": 2.0})

MU1, S1 = [0.5, -1.0, 2.0], [[2.0, 0.3, 0.1], [0.3, 1.5, -0.2], [0.1, -0.2, 1.0]]
MU2, S2 = [0.0, 0.0, 1.0], [[1.0, 0.0, 0.2], [0.0, 2.0, 0.1], [0.2, 0.1, 0.8]]
M1, M2 = mp.matrix(S1), mp.matrix(S2)
add("mvn entropy", "mvnEntropy", 3 * half_log_2pie() + mp.log(mp.det(M1)) / 2, vectors={"mean": MU1}, matrices={"cov": S1})
d = mp.matrix([mpf(b) - mpf(a) for a, b in zip(MU1, MU2)])
inv2 = M2 ** -1
tr = mp.fsum((inv2 * M1)[i, i] for i in range(3))
quad = (d.T * inv2 * d)[0, 0]
add("kl mvn", "klMVN", (tr + quad - 3 + mp.log(mp.det(M2)) - mp.log(mp.det(M1))) / 2,
    vectors={"mean1": MU1, "mean2": MU2}, matrices={"cov1": S1, "cov2": S2})

for p, q in [(0.3, 0.6), (1e-9, 2e-9), (0.5, 0.5000001), (0.0, 0.25), (1.0, 0.9)]:
    P, Q = mpf(p), mpf(q)
    v = xlogy(P, P / Q) if P > 0 else mp.mpf(0)
    v += (1 - P) * mp.log((1 - P) / (1 - Q)) if P < 1 else 0
    add(f"bernoulliKL {p} {q}", "bernoulliKL", v, scalars={"p": p, "q": q})
add("gaussian capacity S=10 N=2", "capacity", mp.log(1 + mpf(10.0) / mpf(2.0)) / 2, scalars={"signal": 10.0, "noise": 2.0})
add("gaussian capacity bits tiny", "capacity", mp.log(1 + mpf(1e-12) / mpf(1.0)) / 2 / LN["bits"], scalars={"signal": 1e-12, "noise": 1.0}, strings={"base": "bits"})


def binom_entropy(n, p):
    P = mpf(p)
    tot = mp.mpf(0)
    for k in range(n + 1):
        pm = mp.binomial(n, k) * P ** k * (1 - P) ** (n - k)
        if pm > 0:
            tot -= pm * mp.log(pm)
    return tot


for n, p in [(10, 0.3), (1000, 0.3), (50, 0.01)]:
    add(f"binomial entropy n={n} p={p}", "binomialEntropy", binom_entropy(n, p), ints={"trials": [n]}, scalars={"p": p})


def poisson_entropy(lam):
    L = mpf(lam)
    tot = mp.mpf(0)
    for k in range(0, int(lam + 60 * lam ** 0.5 + 80)):
        pm = mp.exp(-L + k * mp.log(L) - mp.loggamma(k + 1))
        tot -= pm * mp.log(pm)
    return tot


for lam in [0.5, 7.5, 300.0]:
    add(f"poisson entropy rate={lam}", "poissonEntropy", poisson_entropy(lam), scalars={"rate": lam})

# ---------- helpers ----------
r = random.Random(11)
ILL = [r.uniform(-1, 1) * 10 ** r.randint(-8, 8) for _ in range(2000)]
add("compensatedSum ill-conditioned", "compensatedSum", mp.fsum(mpf(x) for x in ILL), vectors={"x": ILL})
add("compensatedSum cancellation", "compensatedSum", mp.fsum(mpf(x) for x in [1e16, 1.0, -1e16, 3.0, 1e-5]), vectors={"x": [1e16, 1.0, -1e16, 3.0, 1e-5]})

# One case per line: small diffs when a case is added.
print('{"generator": "scripts/infotheory/golden.py", "dps": 50, "cases": [')
print(",\n".join(json.dumps(c, allow_nan=False) for c in cases))
print("]}")
