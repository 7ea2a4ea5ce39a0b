#!/usr/bin/python3
"""Continual learning over the embedded Kafka broker on a generated 25M-shaped file: the
initial model is trained on the continual split's first 1,000,000 ratings, the rest of the
stream (about 23 million ratings) is produced into the broker, and `ncf stream` consumes it
all, fine-tuning on every 100,000-rating buffer. Prints the ingest rate (ratings/s read from
the broker into the buffer, fine-tuning time excluded) next to kcat reading the same topic,
the time of a fine-tuning step for a 100k buffer, and the whole run's time.

Usage: bench/stream_bench.py [--build build] [--shape 25m] [--model mf] [--max-steps 0]
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
        produced = run_json([ncf, "produce", "--data", data, "--brokers", brokers, "--json"]
                            + split)

        # The reference reader: kcat through the same broker, the whole topic to /dev/null.
        t = time.time()
        subprocess.run(["kcat", "-C", "-b", brokers, "-t", "movielens", "-e", "-q", "-o",
                        "beginning", "-f", "%s\n"], check=True, stdout=subprocess.DEVNULL)
        kcat_seconds = time.time() - t

        cmd = [ncf, "stream", "--brokers", brokers, "--model", model, "--data", data,
               "--buffer", str(a.buffer), "--threads", str(a.threads), "--json",
               "--db", os.path.join(work, "stream.sqlite")]
        cmd += ["--max-steps", str(a.max_steps)] if a.max_steps else ["--until-end"]
        t = time.time()
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        stream_seconds = time.time() - t
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
    print("produced: %d ratings in %.1f s = %.0f ratings/s"
          % (produced["produced"] + produced["skipped"], produced["seconds"],
             produced["produced"] / max(produced["seconds"], 1e-9)))
    ingest = summary["messages"] / max(summary["consume_seconds"], 1e-9)
    kcat_rate = produced["stream"] / kcat_seconds
    print("ingest: ncf stream %.0f ratings/s (%d messages in %.1f s of consuming), "
          "kcat %.0f ratings/s: %.2fx"
          % (ingest, summary["messages"], summary["consume_seconds"], kcat_rate,
             ingest / kcat_rate))
    print("steps: %d of %d ratings; per step median %.2f s (fine-tune %.2f s, evaluation "
          "%.2f s, checkpoint %.2f s), max %.2f s"
          % (len(full), a.buffer, statistics.median(s["step_seconds"] for s in full),
             statistics.median(s["fine_tune_seconds"] for s in full),
             statistics.median(s["eval_seconds"] for s in full),
             statistics.median(s["checkpoint_seconds"] for s in full),
             max(s["step_seconds"] for s in full)))
    print("whole run: %d steps, %d ratings applied, %.1f s (%.1f s in steps)"
          % (len(steps), summary["applied"], stream_seconds,
             sum(s["step_seconds"] for s in steps)))
    print("test MSE (stars^2): step 0 %.4f -> step %d %.4f; old distribution %.4f -> %.4f; "
          "new users %d, new movies %d"
          % (lines[0]["test_mse_true"], last["step"], last["test_mse_true"],
             lines[0]["old_mse_true"], last["old_mse_true"],
             sum(s["new_users"] for s in steps), sum(s["new_items"] for s in steps)))


if __name__ == "__main__":
    main()
