"""Logistic regression on scikit-learn's digits, trained epoch by epoch with SGD.

Reports to Cairn through stdout lines (no import needed): see docs/logging.md.
"""
import argparse

import numpy as np
from sklearn.datasets import load_digits
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import log_loss
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

from card_report import declare_data, evaluation_metrics, save_model


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lr", type=float, default=0.01)
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    X, y = load_digits(return_X_y=True)
    X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.25, random_state=args.seed, stratify=y)
    scaler = StandardScaler().fit(X_train)
    X_train, X_val = scaler.transform(X_train), scaler.transform(X_val)
    classes = np.unique(y)
    declare_data(X_train, y_train, X_val, y_val)

    print(f"cairn:param model=logreg optimizer=sgd train_rows={len(X_train)}")
    print("cairn:tag family=linear")
    clf = SGDClassifier(loss="log_loss", learning_rate="constant", eta0=args.lr, alpha=1e-4, random_state=args.seed)
    rng = np.random.default_rng(args.seed)
    for epoch in range(args.epochs):
        order = rng.permutation(len(X_train))
        clf.partial_fit(X_train[order], y_train[order], classes=classes)
        train_loss = log_loss(y_train, clf.predict_proba(X_train), labels=classes)
        val_loss = log_loss(y_val, clf.predict_proba(X_val), labels=classes)
        val_acc = float((clf.predict(X_val) == y_val).mean())
        print(f"cairn:metric step={epoch} train_loss={train_loss:.6f} val_loss={val_loss:.6f} val_acc={val_acc:.6f}")
        print(f"epoch {epoch:3d}  train_loss {train_loss:.4f}  val_loss {val_loss:.4f}  val_acc {val_acc:.4f}")
    print(f"cairn:metric final_val_acc={val_acc:.6f}")
    report = evaluation_metrics(y_val, clf.predict(X_val), seed=args.seed)
    print("cairn:metric " + " ".join(f"{k}={v:.6f}" for k, v in report.items()))
    save_model(clf)


if __name__ == "__main__":
    main()
