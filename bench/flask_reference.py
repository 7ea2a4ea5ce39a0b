#!/usr/bin/python3
"""The reference for bench/serve_bench.py: the same saved MF model (weights.pt, the id maps,
the scaler from model.json) served by Flask on Debian's python3-flask and python3-torch, with
the same routes and JSON as `ncf serve`: POST /predict {"userId", "movieId"} -> {"rating"}.

Usage: bench/flask_reference.py --model DIR --port PORT
"""
import argparse
import json
import os
import struct

import torch
from flask import Flask, jsonify, request


def read_idmap(path):
    with open(path, "rb") as f:
        data = f.read()
    count = struct.unpack_from("<Q", data, 8)[0]
    raw = struct.unpack_from("<%dI" % count, data, 16)
    return {r: i for i, r in enumerate(raw)}


class MF(torch.nn.Module):
    """Biased matrix factorisation, as core/models/torchnets.cpp evaluates it."""

    def __init__(self, weights):
        super().__init__()
        params = dict(weights.named_parameters())
        buffers = dict(weights.named_buffers())
        self.p = torch.nn.Embedding.from_pretrained(params["user_factors.weight"])
        self.q = torch.nn.Embedding.from_pretrained(params["item_factors.weight"])
        self.bu = torch.nn.Embedding.from_pretrained(params["user_bias.weight"])
        self.bi = torch.nn.Embedding.from_pretrained(params["item_bias.weight"])
        self.mean = buffers["mean"]

    def forward(self, users, items):
        out = (self.mean + self.bu(users).squeeze(1) + self.bi(items).squeeze(1)
               + (self.p(users) * self.q(items)).sum(1))
        return out.clamp(0.0, 1.0)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--model", required=True)
    p.add_argument("--port", type=int, required=True)
    a = p.parse_args()
    torch.set_num_threads(1)

    with open(os.path.join(a.model, "model.json")) as f:
        meta = json.load(f)
    if meta["kind"] != "mf":
        raise SystemExit("the reference serves mf models only")
    model = MF(torch.jit.load(os.path.join(a.model, "weights.pt"))).eval()
    users = read_idmap(os.path.join(a.model, "users.idmap"))
    items = read_idmap(os.path.join(a.model, "items.idmap"))
    low, high = meta["scaler"]["min"], meta["scaler"]["max"]
    fallback = meta["mean_rating"]

    app = Flask(__name__)

    @app.post("/predict")
    def predict():
        body = request.get_json(force=True, silent=True)
        if not isinstance(body, dict) or "userId" not in body or "movieId" not in body:
            return jsonify(error="expected userId and movieId"), 400
        u, i = users.get(body["userId"]), items.get(body["movieId"])
        if u is None or i is None:
            return jsonify(rating=fallback, cold_start=True)
        with torch.no_grad():
            scaled = model(torch.tensor([u]), torch.tensor([i])).item()
        return jsonify(rating=low + scaled * (high - low), cold_start=False)

    @app.get("/health")
    def health():
        return jsonify(status="ok")

    app.run(host="127.0.0.1", port=a.port, threaded=True)


if __name__ == "__main__":
    main()
