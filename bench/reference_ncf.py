#!/usr/bin/python3
"""The non-linear NCF model in Python with Debian's python3-torch (the same LibTorch 1.13 as
the workbench): the reference that bench/train_bench.py measures `ncf train` against.

Same architecture and initialisation as core/models/torchnets.cpp (embeddings N(0, 0.05),
Kaiming-normal ReLU layers with zero bias, dropout, sigmoid output), standard dense
nn.Embedding + torch.optim.Adam, MSE on min-max scaled ratings, the same training and
validation rows (from `ncf split`), batch 1024 from a randperm each epoch.

Prints one JSON object: epochs (train_mse, val_mse, val_rmse, seconds), samples_per_second.
"""
import argparse
import json
import time

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import torch.nn.functional as F


def read_ratings(path):
    if path.endswith(".csv"):
        df = pd.read_csv(path)
        return df.iloc[:, 0].to_numpy(), df.iloc[:, 1].to_numpy(), df.iloc[:, 2].to_numpy()
    if path.endswith(".dat"):
        # '::' read as ':' with empty fields in between keeps pandas' fast C parser.
        df = pd.read_csv(path, sep=":", header=None, usecols=[0, 2, 4])
    else:
        df = pd.read_csv(path, sep="\t", header=None, usecols=[0, 1, 2])
    return df.iloc[:, 0].to_numpy(), df.iloc[:, 1].to_numpy(), df.iloc[:, 2].to_numpy()


class NonLinear(nn.Module):
    def __init__(self, users, items, dim, hidden, dropout):
        super().__init__()
        self.user = nn.Embedding(users, dim)
        self.item = nn.Embedding(items, dim)
        nn.init.normal_(self.user.weight, 0.0, 0.05)
        nn.init.normal_(self.item.weight, 0.0, 0.05)
        layers, width = [], 2 * dim
        for h in hidden:
            linear = nn.Linear(width, h)
            nn.init.kaiming_normal_(linear.weight, nonlinearity="relu")
            nn.init.zeros_(linear.bias)
            layers += [linear, nn.ReLU()] + ([nn.Dropout(dropout)] if dropout > 0 else [])
            width = h
        self.mlp = nn.Sequential(*layers)
        self.out = nn.Linear(width, 1)

    def forward(self, u, i):
        x = torch.cat([self.user(u), self.item(i)], 1)
        return torch.sigmoid(self.out(self.mlp(x))).squeeze(1)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", required=True)
    p.add_argument("--split-dir", required=True)
    p.add_argument("--embedding-dim", type=int, default=512)
    p.add_argument("--hidden", default="256,64")
    p.add_argument("--dropout", type=float, default=0.2)
    p.add_argument("--lr", type=float, default=0.001089)
    p.add_argument("--batch-size", type=int, default=1024)
    p.add_argument("--epochs", type=int, default=2)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--loader", choices=["index", "dataloader"], default="index",
                   help="index: slices of a randperm index tensor, as ncf does; dataloader: "
                        "torch.utils.data.DataLoader over a TensorDataset, as most Python NCF "
                        "code is written")
    a = p.parse_args()

    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    users, items, ratings = read_ratings(a.data)
    u_codes, _ = pd.factorize(users, sort=False)
    i_codes, _ = pd.factorize(items, sort=False)
    lo, hi = ratings.min(), ratings.max()
    scaled = ((ratings - lo) / (hi - lo if hi > lo else 1.0)).astype(np.float32)
    train = np.fromfile(f"{a.split_dir}/train.u32", dtype="<u4").astype(np.int64)
    val = np.fromfile(f"{a.split_dir}/validation.u32", dtype="<u4").astype(np.int64)

    U = torch.from_numpy(u_codes.astype(np.int64))
    I = torch.from_numpy(i_codes.astype(np.int64))
    Y = torch.from_numpy(scaled)
    tu, ti, ty = U[train], I[train], Y[train]
    vu, vi, vy = U[val], I[val], Y[val]

    model = NonLinear(int(u_codes.max()) + 1, int(i_codes.max()) + 1, a.embedding_dim,
                      [int(h) for h in a.hidden.split(",")], a.dropout)
    opt = torch.optim.Adam(model.parameters(), lr=a.lr)
    gen = torch.Generator().manual_seed(a.seed)
    n, trained, train_seconds, epochs = len(train), 0, 0.0, []
    for epoch in range(a.epochs):
        start = time.perf_counter()
        model.train()
        loss_sum = 0.0
        if a.loader == "dataloader":
            batches = torch.utils.data.DataLoader(
                torch.utils.data.TensorDataset(tu, ti, ty), batch_size=a.batch_size,
                shuffle=True, generator=gen)
        else:
            order = torch.randperm(n, generator=gen)
            batches = ((tu[idx], ti[idx], ty[idx])
                       for idx in (order[s:s + a.batch_size] for s in range(0, n, a.batch_size)))
        for bu, bi, by in batches:
            opt.zero_grad()
            loss = F.mse_loss(model(bu, bi), by)
            loss.backward()
            opt.step()
            loss_sum += loss.item() * len(by)
        train_seconds += time.perf_counter() - start
        trained += n
        model.eval()
        with torch.no_grad():
            pred = torch.cat([model(vu[s:s + 65536], vi[s:s + 65536])
                              for s in range(0, len(val), 65536)])
            val_mse = F.mse_loss(pred, vy).item()
        epochs.append({"epoch": epoch + 1, "train_mse": loss_sum / n, "val_mse": val_mse,
                       "val_rmse": (val_mse ** 0.5) * float(hi - lo),
                       "seconds": time.perf_counter() - start})
    best = min(epochs, key=lambda e: e["val_rmse"])
    print(json.dumps({"epochs": epochs, "best_epoch": best["epoch"],
                      "best_val_rmse": best["val_rmse"],
                      "samples_per_second": trained / train_seconds}))


if __name__ == "__main__":
    main()
