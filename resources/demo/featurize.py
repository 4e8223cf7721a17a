"""Pipeline stage `featurize`: pixels scaled and projected on their principal components.

Reads IN/train.npz and IN/test.npz, writes OUT/train.npz and OUT/test.npz with the features.
The scaler and the projection are fitted on the train set only.
"""
import argparse
import os

import numpy as np
from sklearn.decomposition import PCA
from sklearn.preprocessing import StandardScaler


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--components", type=int, default=32)
    ap.add_argument("input")
    ap.add_argument("output")
    args = ap.parse_args()

    train = np.load(os.path.join(args.input, "train.npz"))
    test = np.load(os.path.join(args.input, "test.npz"))
    scaler = StandardScaler().fit(train["X"])
    pca = PCA(n_components=args.components, random_state=0).fit(scaler.transform(train["X"]))
    os.makedirs(args.output, exist_ok=True)
    for name, part in (("train", train), ("test", test)):
        np.savez(os.path.join(args.output, name + ".npz"), X=pca.transform(scaler.transform(part["X"])), y=part["y"])
    kept = float(pca.explained_variance_ratio_.sum())
    print(f"cairn:metric explained_variance={kept:.6f}")
    print(f"{args.components} components keep {kept:.1%} of the variance")


if __name__ == "__main__":
    main()
