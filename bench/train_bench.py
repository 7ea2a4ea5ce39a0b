#!/usr/bin/python3
"""Training throughput of `ncf train` (non-linear NCF, embedding 512, dropout 0.2,
lr 0.001089, batch 1024) against the same model in Python (bench/reference_ncf.py, Debian's
python3-torch = the same LibTorch), same rows, same threads, one after the other in one run.
Also runs `ncf train --dense` (dense Adam on the embeddings) to show what the row-wise Adam
buys and that accuracy is unchanged.

Usage: bench/train_bench.py [--build build] [--shape 1m] [--epochs 2] [--threads 2]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

PARAMS = {"embedding_dim": 512, "dropout": 0.2, "lr": 0.001089, "batch_size": 1024,
          "hidden": "256,64", "patience": 0}


def ncf_train(ncf, data, epochs, threads, seed, dense=False):
    cmd = [ncf, "train", "--data", data, "--model", "nonlinear", "--epochs", str(epochs),
           "--threads", str(threads), "--seed", str(seed), "--json"]
    for k, v in PARAMS.items():
        cmd += ["--param", f"{k}={v}"]
    if dense:
        cmd.append("--dense")
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)


def main():
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--build", default=os.path.join(top, "build"))
    p.add_argument("--shape", default="1m")
    p.add_argument("--epochs", type=int, default=2)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--skip-dense", action="store_true")
    p.add_argument("--skip-dataloader", action="store_true")
    a = p.parse_args()

    ncf = os.path.join(a.build, "bin", "ncf")
    data_dir = os.path.join(a.build, "bench-data", "ml-" + a.shape)
    name = {"100k": "u.data", "1m": "ratings.dat", "25m": "ratings.csv"}[a.shape]
    data = os.path.join(data_dir, name)
    if not os.path.exists(data):
        subprocess.run([ncf, "synth", "--shape", a.shape, "--out", data_dir, "--seed", "1"],
                       check=True, capture_output=True)
    split = tempfile.mkdtemp(prefix="ncf-split-")
    subprocess.run([ncf, "split", "--data", data, "--out", split, "--seed", str(a.seed)],
                   check=True, capture_output=True)

    runs = [("ncf train (lazy Adam)", ncf_train(ncf, data, a.epochs, a.threads, a.seed))]
    if not a.skip_dense:
        runs.append(("ncf train --dense", ncf_train(ncf, data, a.epochs, a.threads, a.seed,
                                                    dense=True)))
    for loader in ["index"] + ([] if a.skip_dataloader else ["dataloader"]):
        ref = subprocess.run(
            ["/usr/bin/python3", os.path.join(top, "bench", "reference_ncf.py"), "--data", data,
             "--split-dir", split, "--epochs", str(a.epochs), "--threads", str(a.threads),
             "--seed", str(a.seed), "--embedding-dim", str(PARAMS["embedding_dim"]),
             "--dropout", str(PARAMS["dropout"]), "--lr", str(PARAMS["lr"]),
             "--batch-size", str(PARAMS["batch_size"]), "--hidden", PARAMS["hidden"],
             "--loader", loader],
            check=True, capture_output=True, text=True)
        runs.append((f"python3-torch ({loader})", json.loads(ref.stdout)))

    print(f"data: {data} ({a.shape} shape), {a.epochs} epochs, {a.threads} threads, "
          f"embedding 512, dropout 0.2, lr 0.001089, batch 1024")
    print(f"{'run':<26} {'samples/s':>10} {'best val RMSE':>14} {'per-epoch val RMSE'}")
    for label, r in runs:
        per_epoch = " ".join(f"{e['val_rmse']:.4f}" for e in r["epochs"])
        print(f"{label:<26} {r['samples_per_second']:>10.0f} {r['best_val_rmse']:>14.4f} "
              f"{per_epoch}")
    ours = runs[0][1]
    for label, reference in runs:
        if not label.startswith("python3-torch"):
            continue
        ratio = ours["samples_per_second"] / reference["samples_per_second"]
        print(f"ratio vs {label}: ncf trains {ratio:.2f}x its samples/s; best RMSE difference "
              f"{ours['best_val_rmse'] - reference['best_val_rmse']:+.4f} stars")
    return 0


if __name__ == "__main__":
    sys.exit(main())
