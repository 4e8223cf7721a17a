"""Pipeline stage `train`: one model on the features (the matrix of pipelines/digits.yaml
runs it once per model: logreg, svm, forest).

Logs its training curve as cairn:metric lines and saves the fitted model with pickle.
"""
import argparse
import os
import pickle

import numpy as np
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
from sklearn.svm import SVC


def make(model, seed, size):
    if model == "logreg":
        return LogisticRegression(C=size, max_iter=2000)
    if model == "svm":
        return SVC(C=size, gamma="scale", probability=False, random_state=seed)
    if model == "forest":
        return RandomForestClassifier(n_estimators=int(20 * size), random_state=seed, n_jobs=1)
    raise SystemExit(f"unknown model {model!r}: expected logreg, svm or forest")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("features")
    ap.add_argument("out")
    args = ap.parse_args()

    train = np.load(os.path.join(args.features, "train.npz"))
    X, y = train["X"], train["y"]
    print(f"cairn:param model={args.model}")
    # A small curve: 3-fold accuracy as the model grows.
    for step, size in enumerate((0.25, 0.5, 1.0, 2.0)):
        acc = float(cross_val_score(make(args.model, args.seed, size), X, y, cv=3).mean())
        print(f"cairn:metric step={step} cv_acc={acc:.6f}")
        print(f"{args.model} size {size}: cross-validated accuracy {acc:.4f}")
    clf = make(args.model, args.seed, 1.0).fit(X, y)
    os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
    with open(args.out, "wb") as f:
        pickle.dump(clf, f)
    print(f"cairn:metric train_acc={float(clf.score(X, y)):.6f}")


if __name__ == "__main__":
    main()
