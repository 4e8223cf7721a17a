"""Pipeline stage `prepare`: scikit-learn's digits split into train and test sets.

Writes OUT/train.npz and OUT/test.npz (pixels X, labels y). A stage of the demo pipeline,
pipelines/digits.yaml; its params come from params.yaml (prepare.seed, prepare.test_size).
"""
import argparse
import os

import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--test-size", type=float, default=0.25)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    X, y = load_digits(return_X_y=True)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=args.test_size, random_state=args.seed, stratify=y)
    os.makedirs(args.out, exist_ok=True)
    np.savez(os.path.join(args.out, "train.npz"), X=X_train, y=y_train)
    np.savez(os.path.join(args.out, "test.npz"), X=X_test, y=y_test)
    print(f"cairn:param train_rows={len(X_train)} test_rows={len(X_test)}")
    print(f"prepared {len(X_train)} train and {len(X_test)} test images in {args.out}")


if __name__ == "__main__":
    main()
