#!/usr/bin/python3
"""Reference drift scores for tst_drift_reference, computed with scipy and numpy the way
Evidently's legacy stattests compute them (evidently/legacy/calculations/stattests/*.py).

usage: drift_reference.py REF.csv CUR.csv  -> JSON on stdout:
  {"columns": {NAME: {"type": "num"|"cat", "auto": TEST, "n": N, "unique": U,
                      "scores": {TEST: SCORE or null or "inf"}}}}
Exit 3 when scipy or numpy cannot be imported (the test then skips).
"""
import csv
import json
import math
import re
import sys

try:
    import numpy as np
    from scipy import stats
    from scipy.spatial import distance
except Exception as e:  # noqa: BLE001
    print(f"cannot import scipy/numpy: {e}", file=sys.stderr)
    sys.exit(3)

NA = {"", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN",
      "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null"}


def read(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    header, rows = rows[0], [r for r in rows[1:] if r]
    cols = {}
    for i, name in enumerate(header):
        raw = [r[i] for r in rows]
        try:
            cols[name] = ("num", [math.nan if v in NA else float(v) for v in raw],
                          all(re.fullmatch(r"[+-]?[0-9]{1,18}", v) for v in raw) and len(raw) > 0)
        except ValueError:
            cols[name] = ("cat", [None if v in NA else v for v in raw], False)
    return cols


def clean(kind, values):
    if kind == "cat":
        return [v for v in values if v is not None]
    arr = np.array(values, dtype=float)
    if np.isnan(arr).any():  # Evidently: replace +-inf by NaN, then dropna, only if isna().any()
        arr = arr[np.isfinite(arr)]
    return arr


def counts(ref, cur):
    keys = sorted(set(list(ref)) | set(list(cur)))
    rc = {k: 0 for k in keys}
    cc = {k: 0 for k in keys}
    for v in ref:
        rc[v] += 1
    for v in cur:
        cc[v] += 1
    return keys, np.array([rc[k] for k in keys], float), np.array([cc[k] for k in keys], float)


def sturges(values, integer):
    """numpy.histogram_bin_edges(values, bins="sturges"), with numpy >= 2.1's rule for an integer
    array (pandas int64 columns, as Evidently gets them): bins at least 1 wide. Debian's numpy
    predates the rule, so it is applied here."""
    a = np.asarray(values, dtype=float)
    edges = np.histogram_bin_edges(a, bins="sturges")
    first, last = a.min(), a.max()
    width = (last - first) / (np.log2(a.size) + 1.0)
    if integer and width and width < 1:
        edges = np.linspace(first, last, int(np.ceil(last - first)) + 1, endpoint=True)
    return edges


def binned(kind, ref, cur, fill, integer=False):
    if kind == "num" and len(set(ref)) > 20:
        bins = sturges(np.concatenate([ref, cur]), integer)
        rp = np.histogram(ref, bins)[0] / len(ref)
        cp = np.histogram(cur, bins)[0] / len(cur)
    else:
        _, rc, cc = counts(ref, cur)
        rp, cp = rc / len(ref), cc / len(cur)
    if fill:
        for p in (rp, cp):
            m = min(p[p != 0])
            np.place(p, p == 0, m / 10**6 if m <= 0.0001 else 0.0001)
    return rp, cp


def hellinger(kind, ref, cur, integer=False):
    keys = list(set(list(ref)) | set(list(cur)))
    if kind == "cat":
        _, rc, cc = counts(ref, cur)
        h = sum(math.sqrt(a / len(ref) * b / len(cur)) for a, b in zip(rc, cc))
    else:
        bins = sturges(keys, integer)
        h1 = np.histogram(ref, bins=bins, density=True)[0]
        h2 = np.histogram(cur, bins=bins, density=True)[0]
        width = (max(bins) - min(bins)) / (len(bins) - 1)
        h = sum(math.sqrt(a * b) * width for a, b in zip(h1, h2))
    return math.sqrt(1 - np.clip(h, 0, 1))


def ztest(ref, cur):
    keys, rc, cc = counts(ref, cur)
    if len(keys) == 1:
        return 1.0
    n1, n2 = len(ref), len(cur)
    p1, p2 = (n1 - rc[0]) / n1, (n2 - cc[0]) / n2
    P = float(p1 * n1 + p2 * n2) / (n1 + n2)
    z = (p1 - p2) / np.sqrt(P * (1 - P) * (1.0 / n1 + 1.0 / n2))
    return 2 * (1 - stats.norm.cdf(np.abs(z)))


def chisq(ref, cur):
    _, rc, cc = counts(ref, cur)
    k = len(cur) / len(ref)
    with np.errstate(divide="ignore", invalid="ignore"):
        return stats.chisquare(list(cc), [r * k for r in rc])[1]


def auto(kind, n, u):
    if n <= 1000:
        if kind == "num":
            return "ks" if u > 5 else "chisquare" if u > 2 else "z"
        return "chisquare" if u > 2 else "z"
    return "wasserstein" if kind == "num" and u > 5 else "jensenshannon"


def jsonable(v):
    v = float(v)
    if math.isnan(v):
        return None
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v


def main():
    ref, cur = read(sys.argv[1]), read(sys.argv[2])
    out = {}
    for name, (kind, rv, rint) in ref.items():
        ckind, cv, cint = cur[name]
        integer = rint and cint
        if kind != ckind:
            kind = "cat"
            rv = [None if isinstance(v, float) and math.isnan(v) else v for v in rv]
            cv = [None if isinstance(v, float) and math.isnan(v) else v for v in cv]
        r, c = clean(kind, rv), clean(kind, cv)
        u = len(set(list(r)) | set(list(c)))
        scores = {}
        if kind == "num":
            scores["ks"] = stats.ks_2samp(r, c).pvalue
            scores["wasserstein"] = stats.wasserstein_distance(r, c) / max(np.std(r), 0.001)
        scores["chisquare"] = chisq(r, c)
        scores["z"] = ztest(r, c)
        scores["jensenshannon"] = distance.jensenshannon(*binned(kind, r, c, False, integer))
        rp, cp = binned(kind, r, c, True, integer)
        scores["psi"] = np.sum((rp - cp) * np.log(rp / cp))
        scores["kl_div"] = stats.entropy(rp, cp)
        scores["hellinger"] = hellinger(kind, r, c, integer)
        out[name] = {"type": kind, "auto": auto(kind, len(r), u), "n": len(r), "unique": u,
                     "scores": {k: jsonable(v) for k, v in scores.items()}}
    json.dump({"columns": out}, sys.stdout)


if __name__ == "__main__":
    main()
