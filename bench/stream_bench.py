#!/usr/bin/python3
"""Continual learning over the embedded Kafka broker on a generated 25M-shaped file.

1. Ingest: a topic of about 600,000 ratings (the embedded broker keeps about 170,000
   messages a partition; older ones go, as retention does on a real cluster) is read by
   `ncf stream` into one buffer, and by kcat for reference; ratings/s of reading only.
2. A whole run: the initial model is trained on the continual split's first 1,000,000
   ratings; the producer replays the other ~23 million at --rate while `ncf stream`
   fine-tunes on every 100,000-rating buffer; time per step and in total, and no rating lost.

Usage: bench/stream_bench.py [--build build] [--shape 25m] [--model mf] [--rate 100000]
"""
import argparse
import json
import os
import statistics
import subprocess
import tempfile
import time


def run_json(cmd):
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)


def total_ratings(path):
    with open(path, "rb") as f:
        return sum(1 for _ in f) - (1 if path.endswith(".csv") else 0)


def main():
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--build", default=os.path.join(top, "build"))
    p.add_argument("--shape", default="25m")
    p.add_argument("--initial", type=int, default=1000000)
    p.add_argument("--model", default="mf")
    p.add_argument("--epochs", type=int, default=3, help="initial training epochs")
    p.add_argument("--buffer", type=int, default=100000)
    p.add_argument("--partitions", type=int, default=4)
    p.add_argument("--max-steps", type=int, default=0, help="0: the whole stream")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--rate", type=int, default=100000, help="producer ratings/s in the run")
    a = p.parse_args()

    ncf = os.path.join(a.build, "bin", "ncf")
    name = {"100k": "u.data", "1m": "ratings.dat", "25m": "ratings.csv"}[a.shape]
    data_dir = os.path.join(a.build, "bench-data", "ml-" + a.shape)
    data = os.path.join(data_dir, name)
    if not os.path.exists(data):
        print("generating the %s-shaped file..." % a.shape, flush=True)
        subprocess.run([ncf, "synth", "--shape", a.shape, "--out", data_dir, "--seed", "1"],
                       check=True, capture_output=True)
    work = tempfile.mkdtemp(prefix="ncf-stream-bench-")
    model = os.path.join(work, "model")
    split = ["--initial", str(a.initial)]

    t = time.time()
    trained = run_json([ncf, "train", "--data", data, "--protocol", "continual", "--model",
                        a.model, "--epochs", str(a.epochs), "--threads", str(a.threads),
                        "--save", model, "--json"] + split)
    train_seconds = time.time() - t

    broker = subprocess.Popen([ncf, "broker", "--partitions", str(a.partitions)],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        brokers = broker.stdout.readline().strip()

        # 1. Ingest: a stream the broker keeps whole, read into one buffer.
        ingest_initial = str(max(a.initial, total_ratings(data) - 625000))
        small = run_json([ncf, "produce", "--data", data, "--brokers", brokers, "--topic",
                          "ingest", "--initial", ingest_initial, "--json"])
        t = time.time()
        subprocess.run(["kcat", "-C", "-b", brokers, "-t", "ingest", "-e", "-q", "-o",
                        "beginning", "-f", "%s\n"], check=True, stdout=subprocess.DEVNULL)
        kcat_seconds = time.time() - t
        ingest_out = subprocess.run(
            [ncf, "stream", "--brokers", brokers, "--topic", "ingest", "--model", model,
             "--state", os.path.join(work, "ingest-state"), "--data", data, "--initial",
             str(a.initial), "--buffer", "100000000", "--until-end", "--json"],
            check=True, capture_output=True, text=True).stdout
        ingest = json.loads(ingest_out.splitlines()[-1])["summary"]

        # 2. The whole stream, produced at --rate while the consumer fine-tunes.
        producer = subprocess.Popen([ncf, "produce", "--data", data, "--brokers", brokers,
                                     "--rate", str(a.rate), "--json"] + split,
                                    stdout=subprocess.PIPE, text=True)
        cmd = [ncf, "stream", "--brokers", brokers, "--model", model, "--data", data,
               "--buffer", str(a.buffer), "--threads", str(a.threads), "--json",
               "--db", os.path.join(work, "stream.sqlite"), "--until-end", "--end-idle", "5s"]
        if a.max_steps:
            cmd += ["--max-steps", str(a.max_steps)]
        t = time.time()
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        stream_seconds = time.time() - t
        producer.terminate()
        produced_out, _ = producer.communicate()
        produced = json.loads(produced_out) if produced_out.strip() else {}
    finally:
        broker.terminate()
        broker.wait()

    lines = [json.loads(line) for line in out.splitlines() if line.strip()]
    summary = lines[-1]["summary"]
    steps = [s for s in lines[:-1] if s["step"] > 0]
    full = [s for s in steps if s["ratings"] == a.buffer] or steps
    first, last = steps[0], steps[-1]

    print("data: %s (%s-shaped), model %s, initial %d ratings (train %.1f s, test RMSE %.4f)"
          % (data, a.shape, a.model, a.initial, train_seconds, trained["test_rmse"]))
    if produced:
        print("produced: %d ratings in %.1f s at --rate %d"
              % (produced["produced"] + produced["skipped"], produced["seconds"], a.rate))
    rate = ingest["messages"] / max(ingest["consume_seconds"], 1e-9)
    kcat_rate = (small["produced"] + small["skipped"]) / kcat_seconds
    print("ingest: ncf stream %.0f ratings/s (%d messages in %.2f s of reading), kcat %.0f "
          "ratings/s (to /dev/null, start-up included): %.2fx"
          % (rate, ingest["messages"], ingest["consume_seconds"], kcat_rate, rate / kcat_rate))
    print("steps: %d of %d ratings; per step median %.2f s (fine-tune %.2f s, evaluation "
          "%.2f s, checkpoint %.2f s), max %.2f s"
          % (len(full), a.buffer, statistics.median(s["step_seconds"] for s in full),
             statistics.median(s["fine_tune_seconds"] for s in full),
             statistics.median(s["eval_seconds"] for s in full),
             statistics.median(s["checkpoint_seconds"] for s in full),
             max(s["step_seconds"] for s in full)))
    print("whole run: %d steps, %d ratings applied, %d lost, %.1f s (%.1f s in steps)"
          % (len(steps), summary["applied"], summary["lost"], stream_seconds,
             sum(s["step_seconds"] for s in steps)))
    print("test MSE (stars^2): step 0 %.4f -> step %d %.4f; old distribution %.4f -> %.4f; "
          "new users %d, new movies %d"
          % (lines[0]["test_mse_true"], last["step"], last["test_mse_true"],
             lines[0]["old_mse_true"], last["old_mse_true"],
             sum(s["new_users"] for s in steps), sum(s["new_items"] for s in steps)))


if __name__ == "__main__":
    main()
