#!/usr/bin/python3
"""Prediction serving: `ncf serve` against the same MF model served by Flask
(bench/flask_reference.py on python3-flask + python3-torch), measured side by side with wrk:
requests/s and p50/p99 latency at 64 connections. Each server is pinned to one core and wrk to
the other, so the client never steals the server's CPU on a two-core machine.

Usage: bench/serve_bench.py [--build build] [--seconds 10] [--connections 64]
"""
import argparse
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url + "/health", timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("server at %s did not come up" % url)


def post(url, body):
    req = urllib.request.Request(url + "/predict", data=json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=5) as r:
        return json.loads(r.read())


def to_ms(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 1e-3, "ms": 1.0, "s": 1e3}[unit]


def run_wrk(url, body, seconds, connections, core):
    script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
    lua_string = json.dumps(json.dumps(body))  # the JSON body as a quoted Lua string
    script.write('wrk.method = "POST"\nwrk.body = %s\n'
                 'wrk.headers["Content-Type"] = "application/json"\n' % lua_string)
    script.close()
    out = subprocess.run(["taskset", "-c", str(core), "wrk", "-t1", "-c%d" % connections,
                          "-d%ds" % seconds, "--latency", "-s", script.name, url + "/predict"],
                         check=True, capture_output=True, text=True).stdout
    os.unlink(script.name)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "p50": to_ms(re.search(r"50%\s+(\S+)", out).group(1)),
            "p99": to_ms(re.search(r"99%\s+(\S+)", out).group(1)),
            "errors": int(errors.group(1)) if errors else 0,
            "socket_errors": socket_errors.group(1) if socket_errors else ""}


def serve(cmd, url, core):
    proc = subprocess.Popen(["taskset", "-c", str(core)] + cmd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    wait_until_up(url)
    return proc


def main():
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--build", default=os.path.join(top, "build"))
    p.add_argument("--seconds", type=int, default=10)
    p.add_argument("--connections", type=int, default=64)
    a = p.parse_args()
    if subprocess.run(["which", "wrk"], capture_output=True).returncode != 0:
        raise SystemExit("wrk is not installed (packaging/install-deps.sh installs it)")

    ncf = os.path.join(a.build, "bin", "ncf")
    work = tempfile.mkdtemp(prefix="ncf-serve-bench-")
    data_dir = os.path.join(a.build, "bench-data", "ml-100k")
    data = os.path.join(data_dir, "u.data")
    if not os.path.exists(data):
        subprocess.run([ncf, "synth", "--shape", "100k", "--out", data_dir, "--seed", "1"],
                       check=True, capture_output=True)
    model = os.path.join(work, "model")
    subprocess.run([ncf, "train", "--data", data, "--model", "mf", "--epochs", "5",
                    "--save", model, "--json"], check=True, capture_output=True)
    # A pair the model knows: the first rating of the file.
    with open(data) as f:
        user, movie = (int(x) for x in f.readline().split()[:2])
    body = {"userId": user, "movieId": movie}

    results = {}
    port = free_port()
    url = "http://127.0.0.1:%d" % port
    proc = serve([ncf, "serve", "--model", model, "--port", str(port)], url, 1)
    ours = post(url, body)
    results["ncf serve"] = run_wrk(url, body, a.seconds, a.connections, 0)
    proc.terminate()
    proc.wait()

    port = free_port()
    url = "http://127.0.0.1:%d" % port
    proc = serve(["/usr/bin/python3", os.path.join(top, "bench", "flask_reference.py"),
                  "--model", model, "--port", str(port)], url, 1)
    theirs = post(url, body)
    results["Flask + python3-torch"] = run_wrk(url, body, a.seconds, a.connections, 0)
    proc.terminate()
    proc.wait()

    if abs(ours["rating"] - theirs["rating"]) > 1e-4:
        print("warning: the servers disagree: %s vs %s" % (ours, theirs), file=sys.stderr)
    print("POST /predict, %d connections, %d s, wrk on core 0, server on core 1" %
          (a.connections, a.seconds))
    print("same prediction from both: %.6f vs %.6f" % (ours["rating"], theirs["rating"]))
    print("%-24s %12s %9s %9s %8s" % ("server", "requests/s", "p50 ms", "p99 ms", "errors"))
    for name, r in results.items():
        print("%-24s %12.0f %9.2f %9.2f %8d %s" % (name, r["rps"], r["p50"], r["p99"],
                                                  r["errors"], r["socket_errors"]))
    ratio = results["ncf serve"]["rps"] / results["Flask + python3-torch"]["rps"]
    print("ncf serve / Flask requests/s: %.1fx" % ratio)


if __name__ == "__main__":
    main()
