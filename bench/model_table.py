#!/usr/bin/python3
"""Validation RMSE of every model with its default settings on generated 100K- and 1M-shaped
sets (same 90/10 holdout, seed 42), next to the global-mean and MF baselines.

Usage: bench/model_table.py [--build build] [--shapes 100k,1m] [--epochs 20] [--threads 2]
"""
import argparse
import json
import os
import subprocess
import sys

MODELS = ["mean", "mf", "nonlinear", "autoencoder", "vae"]


def main():
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--build", default=os.path.join(top, "build"))
    p.add_argument("--shapes", default="100k,1m")
    p.add_argument("--epochs", type=int, default=20)
    p.add_argument("--threads", type=int, default=2)
    a = p.parse_args()
    ncf = os.path.join(a.build, "bin", "ncf")

    rows = []
    for shape in a.shapes.split(","):
        data = os.path.join(a.build, "bench-data", "ml-" + shape)
        if not os.path.isdir(data):
            subprocess.run([ncf, "synth", "--shape", shape, "--out", data, "--seed", "1"],
                           check=True, capture_output=True)
        for model in MODELS:
            out = subprocess.run([ncf, "train", "--data", data, "--model", model, "--epochs",
                                  str(a.epochs), "--threads", str(a.threads), "--json"],
                                 check=True, capture_output=True, text=True).stdout
            r = json.loads(out)
            rows.append((shape, model, r["best_val_rmse"], r["best_epoch"], len(r["epochs"]),
                         r["samples_per_second"], r["seconds"]))
            print(f"{shape:>5} {model:<12} RMSE {r['best_val_rmse']:.4f} (epoch "
                  f"{r['best_epoch']} of {len(r['epochs'])}, {r['seconds']:.0f} s)", flush=True)

    print("\n| shape | model | best val RMSE | vs mean | best epoch | samples/s |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for shape, model, rmse, best, ran, sps, _ in rows:
        mean = next(r[2] for r in rows if r[0] == shape and r[1] == "mean")
        print(f"| {shape} | {model} | {rmse:.4f} | {100 * (rmse / mean - 1):+.1f} % | {best} | "
              f"{sps:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
