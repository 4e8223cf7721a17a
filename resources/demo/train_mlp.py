"""A small multi-layer perceptron on scikit-learn's digits.

Reports to Cairn through the JSON-lines file named by $CAIRN_METRICS_FILE (the high-rate
channel; see docs/logging.md), falling back to stdout lines when run outside Cairn.
"""
import argparse
import json
import os
import time

import numpy as np
from sklearn.datasets import load_digits
from sklearn.metrics import log_loss
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import StandardScaler

from card_report import declare_data, evaluation_metrics, save_model


class Logger:
    def __init__(self):
        path = os.environ.get("CAIRN_METRICS_FILE")
        self.file = open(path, "a", buffering=1) if path else None

    def log(self, record):
        if self.file:
            self.file.write(json.dumps(record) + "\n")
        elif "metrics" in record:
            pairs = " ".join(f"{k}={v}" for k, v in record["metrics"].items())
            print(f"cairn:metric step={record['step']} {pairs}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hidden", type=int, default=64)
    ap.add_argument("--lr", type=float, default=0.001)
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    X, y = load_digits(return_X_y=True)
    X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.25, random_state=args.seed, stratify=y)
    scaler = StandardScaler().fit(X_train)
    X_train, X_val = scaler.transform(X_train), scaler.transform(X_val)
    classes = np.unique(y)
    declare_data(X_train, y_train, X_val, y_val)

    log = Logger()
    log.log({"params": {"model": "mlp", "optimizer": "adam", "train_rows": len(X_train)}})
    log.log({"tags": {"family": "neural"}})
    clf = MLPClassifier(hidden_layer_sizes=(args.hidden,), learning_rate_init=args.lr, batch_size=64,
                        random_state=args.seed)
    start = time.time()
    for epoch in range(args.epochs):
        clf.partial_fit(X_train, y_train, classes=classes)
        val_loss = log_loss(y_val, clf.predict_proba(X_val), labels=classes)
        val_acc = float((clf.predict(X_val) == y_val).mean())
        log.log({"step": epoch, "metrics": {"train_loss": clf.loss_, "val_loss": val_loss, "val_acc": val_acc}})
        print(f"epoch {epoch:3d}  train_loss {clf.loss_:.4f}  val_loss {val_loss:.4f}  val_acc {val_acc:.4f}")
    log.log({"metrics": {"final_val_acc": val_acc, "train_seconds": time.time() - start}, "step": 0})
    log.log({"metrics": evaluation_metrics(y_val, clf.predict(X_val), seed=args.seed), "step": 0})
    save_model(clf)


if __name__ == "__main__":
    main()
