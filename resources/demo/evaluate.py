"""Pipeline stage `evaluate`: the test accuracy of every model in MODELS, written to OUT as
JSON (a metrics file: `cache: false` in pipelines/digits.yaml) and logged as cairn:metric lines.
"""
import argparse
import json
import os
import pickle

import numpy as np


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("features")
    ap.add_argument("models")
    ap.add_argument("out")
    args = ap.parse_args()

    test = np.load(os.path.join(args.features, "test.npz"))
    scores = {}
    for name in sorted(os.listdir(args.models)):
        if not name.endswith(".pkl"):
            continue
        with open(os.path.join(args.models, name), "rb") as f:
            clf = pickle.load(f)
        model = name[:-4]
        scores[model] = float(clf.score(test["X"], test["y"]))
        print(f"cairn:metric test_acc_{model}={scores[model]:.6f}")
    best = max(scores, key=scores.get)
    print(f"cairn:metric best_test_acc={scores[best]:.6f}")
    print("cairn:tag best_model=" + best)
    os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
    with open(args.out, "w") as f:
        json.dump({"test_accuracy": scores, "best": best}, f, indent=2)
    for model, acc in sorted(scores.items(), key=lambda kv: -kv[1]):
        print(f"{model:8s} {acc:.4f}")


if __name__ == "__main__":
    main()
