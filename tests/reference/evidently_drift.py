"""Evidently's own drift results for tst_evidently_reference (run with the reference venv's
python, tests/reference/reference_venv.sh).

usage: evidently_drift.py MANIFEST.json  -> JSON on stdout
  MANIFEST: [{"name": N, "ref": PATH, "cur": PATH, "num": [COLS], "cat": [COLS]}, ...]
  output:   {N: {"columns": {COL: {"test", "score", "threshold", "drifted",
                                   "scores": {TEST: SCORE|null|"inf"|"-inf"}}},
                 "drifted_columns", "share", "dataset_drift"}}

Each dataset goes through Evidently's legacy Report with DataDriftTable (which picks, runs and
judges each column's test: evidently/legacy/calculations/data_drift.py), with the column types
Cairn inferred passed in a ColumnMapping. Every other test is then run by name on the column as
get_one_column_drift cleans it. Exit 3 when Evidently cannot be imported.
"""
import json
import math
import sys
import warnings

try:
    import numpy as np
    import pandas as pd
    from evidently.legacy.calculations.stattests import get_stattest
    from evidently.legacy.core import ColumnType
    from evidently.legacy.metrics import DataDriftTable
    from evidently.legacy.pipeline.column_mapping import ColumnMapping
    from evidently.legacy.report import Report
except Exception as e:  # noqa: BLE001
    print(f"cannot import evidently: {e}", file=sys.stderr)
    sys.exit(3)

warnings.simplefilter("ignore")
NUM_TESTS = ["ks", "wasserstein", "chisquare", "z", "jensenshannon", "psi", "kl_div", "hellinger"]
CAT_TESTS = ["chisquare", "z", "jensenshannon", "psi", "kl_div", "hellinger"]


def jsonable(v):
    if v is None:
        return None
    v = float(v)
    if math.isnan(v):
        return None
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v


def cleaned(frame, column):
    # get_one_column_drift: +-inf become NaN and are dropped, but only when the sample holds a NaN.
    s = frame[column]
    return s.replace([-np.inf, np.inf], np.nan).dropna() if frame.isna().any()[column] else s


def one(item):
    ref = pd.read_csv(item["ref"])
    cur = pd.read_csv(item["cur"])
    for c in item["cat"]:  # Cairn reads a categorical column as text: so does the reference
        ref[c] = ref[c].astype("string").astype(object).where(ref[c].notna(), None)
        cur[c] = cur[c].astype("string").astype(object).where(cur[c].notna(), None)
    mapping = ColumnMapping(target=None, prediction=None, datetime=None, id=None,
                            numerical_features=item["num"], categorical_features=item["cat"])
    report = Report(metrics=[DataDriftTable(columns=item["num"] + item["cat"])])
    report.run(reference_data=ref, current_data=cur, column_mapping=mapping)
    result = report.as_dict()["metrics"][0]["result"]
    out = {"columns": {}, "drifted_columns": result["number_of_drifted_columns"],
           "share": result["share_of_drifted_columns"], "dataset_drift": result["dataset_drift"]}
    for name, col in result["drift_by_columns"].items():
        numeric = name in item["num"]
        r, c = cleaned(ref, name), cleaned(cur, name)
        scores = {}
        for test in NUM_TESTS if numeric else CAT_TESTS:
            # Evidently registers chisquare and z for categorical columns only (its default
            # choice still applies them to few-valued numeric ones, as Cairn does).
            kind = ColumnType.Numerical if numeric and test not in ("chisquare", "z") else ColumnType.Categorical
            try:
                scores[test] = jsonable(get_stattest(r, c, kind, test)(r, c, kind, None).drift_score)
            except Exception as e:  # noqa: BLE001  (a test Evidently itself cannot run here)
                scores[test] = {"error": str(e)}
        chosen = get_stattest(r, c, ColumnType.Numerical if numeric else ColumnType.Categorical, None)
        out["columns"][name] = {"test": chosen.name, "stattest_name": col["stattest_name"],
                                "score": jsonable(col["drift_score"]), "threshold": col["stattest_threshold"],
                                "drifted": bool(col["drift_detected"]), "scores": scores}
    return out


def main():
    with open(sys.argv[1]) as f:
        manifest = json.load(f)
    results = {}
    for item in manifest:
        try:
            results[item["name"]] = one(item)
        except Exception as e:  # noqa: BLE001
            results[item["name"]] = {"error": f"{type(e).__name__}: {e}"}
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
