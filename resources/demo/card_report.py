"""What the demo runs log for their model cards (docs/registry.md#model-cards).

Metric conventions: NAME.ci_low / NAME.ci_high for a confidence interval, NAME/slice/SLICE for
a slice of the evaluation data, fairness.NAME for a fairness metric. Also declares the data a
run read and the model it wrote (cairn:input / cairn:output lines, docs/lineage.md).
"""
import os
import pickle

import numpy as np


def declare_data(X_train, y_train, X_val, y_val):
    """Writes the split once and declares both files as inputs of this run."""
    os.makedirs("data", exist_ok=True)
    for name, X, y in (("digits_train.csv", X_train, y_train), ("digits_holdout.csv", X_val, y_val)):
        path = os.path.join("data", name)
        if not os.path.exists(path):
            np.savetxt(path, np.column_stack([X, y]), delimiter=",", fmt="%.6g",
                       header=",".join([f"p{i}" for i in range(X.shape[1])] + ["digit"]), comments="")
        print(f"cairn:input path={path} type=dataset", flush=True)


def evaluation_metrics(y_true, y_pred, seed=0, resamples=200):
    """Accuracy with a 95% bootstrap interval, accuracy per digit, and the gap between even and
    odd digits (a stand-in for a fairness metric across two groups)."""
    correct = (y_true == y_pred).astype(float)
    rng = np.random.default_rng(seed)
    boots = [correct[rng.integers(0, len(correct), len(correct))].mean() for _ in range(resamples)]
    out = {
        "accuracy": float(correct.mean()),
        "accuracy.ci_low": float(np.percentile(boots, 2.5)),
        "accuracy.ci_high": float(np.percentile(boots, 97.5)),
    }
    for digit in range(10):
        out[f"accuracy/slice/digit_{digit}"] = float(correct[y_true == digit].mean())
    even = correct[y_true % 2 == 0].mean()
    odd = correct[y_true % 2 == 1].mean()
    out["fairness.accuracy_difference_even_odd"] = float(abs(even - odd))
    return out


def save_model(model, path="model.pkl"):
    with open(path, "wb") as f:
        pickle.dump(model, f)
    print(f"cairn:output path={path} type=model", flush=True)
