"""Fairlearn's own metrics for tst_fairlearn_reference (run with the reference venv's python,
tests/reference/reference_venv.sh).

usage: fairlearn_metrics.py MANIFEST.json  -> JSON on stdout
  MANIFEST: [{"name", "path", "label", "pred", "sensitive", "pos_label": V or null}, ...]
  output:   {NAME: {"groups": {GROUP: {count, selection_rate, accuracy, tpr, fpr}},
                    "demographic_parity_difference", "demographic_parity_ratio",
                    "equalized_odds_difference", "equalized_odds_ratio"}}

With a pos_label the columns become 1 (that value) or 0, which is what Fairlearn's rate
functions need (without pos_label they accept only 0/1 or -1/1). Exit 3 when Fairlearn cannot
be imported.
"""
import json
import math
import sys
import warnings

try:
    import pandas as pd
    from fairlearn.metrics import (MetricFrame, count, demographic_parity_difference, demographic_parity_ratio,
                                   equalized_odds_difference, equalized_odds_ratio, false_positive_rate,
                                   selection_rate, true_positive_rate)
    from sklearn.metrics import accuracy_score
except Exception as e:  # noqa: BLE001
    print(f"cannot import fairlearn: {e}", file=sys.stderr)
    sys.exit(3)

warnings.simplefilter("ignore")


def jsonable(v):
    v = float(v)
    return None if math.isnan(v) else ("inf" if v > 0 else "-inf") if math.isinf(v) else v


def one(item):
    df = pd.read_csv(item["path"], dtype={item["sensitive"]: str}, keep_default_na=False)
    y, p = df[item["label"]], df[item["pred"]]
    if item.get("pos_label") is not None:
        pos = item["pos_label"]
        y = (y.astype(str) == pos).astype(int)
        p = (p.astype(str) == pos).astype(int)
    s = df[item["sensitive"]]
    mf = MetricFrame(metrics={"count": count, "selection_rate": selection_rate, "accuracy": accuracy_score,
                              "tpr": true_positive_rate, "fpr": false_positive_rate},
                     y_true=y, y_pred=p, sensitive_features=s)
    groups = {str(g): {k: jsonable(v) for k, v in row.items()} for g, row in mf.by_group.iterrows()}
    return {"groups": groups,
            "demographic_parity_difference": jsonable(demographic_parity_difference(y, p, sensitive_features=s)),
            "demographic_parity_ratio": jsonable(demographic_parity_ratio(y, p, sensitive_features=s)),
            "equalized_odds_difference": jsonable(equalized_odds_difference(y, p, sensitive_features=s)),
            "equalized_odds_ratio": jsonable(equalized_odds_ratio(y, p, sensitive_features=s))}


def main():
    with open(sys.argv[1]) as f:
        manifest = json.load(f)
    out = {}
    for item in manifest:
        try:
            out[item["name"]] = one(item)
        except Exception as e:  # noqa: BLE001
            out[item["name"]] = {"error": f"{type(e).__name__}: {e}"}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
