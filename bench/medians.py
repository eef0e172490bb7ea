"""Medians of alternated hyperfine rounds, for bench/lib.sh.

  medians.py ROUND.json...   (each file: one hyperfine run of the same commands)

Prints one line per command, in order: its index, its median time in seconds
over all rounds, the median over rounds of (time of command 0 / its time),
the ratio of ours (command 0) to this peer measured in the same round, and its
median CPU time (user + system) in seconds.

  medians.py --net K S ROUND.json...

Prints one line for a peer K whose start-up is command S (the same program on
an empty task): the median over rounds of K's time less S's, the median over
rounds of (time of command 0 / that difference), and the median of K's CPU
time less S's.
"""
import json
import statistics
import sys


def load(paths, key="times"):
    """Per round, per command: the median of its times, or its mean CPU time
    (hyperfine keeps only the mean user and system times; a round is one run)."""
    rounds = []
    for path in paths:
        with open(path) as f:
            results = json.load(f)["results"]
        if key == "cpu":
            rounds.append([r["user"] + r["system"] for r in results])
        else:
            rounds.append([statistics.median(r["times"]) for r in results])
    return rounds


def net(k, s, paths):
    rounds = load(paths)
    nets = [r[k] - r[s] for r in rounds]
    if min(nets) <= 0:
        sys.exit(f"medians.py: command {k} took no longer than its start-up {s} in a round")
    ratios = [r[0] / d for r, d in zip(rounds, nets)]
    cpu = [r[k] - r[s] for r in load(paths, "cpu")]
    print(f"{statistics.median(nets):.4f}", f"{statistics.median(ratios):.4f}",
          f"{statistics.median(cpu):.4f}")


def main(paths):
    rounds, cpu = load(paths), load(paths, "cpu")
    for i in range(len(rounds[0])):
        times = [r[i] for r in rounds]
        ratios = [r[0] / r[i] for r in rounds]
        print(i, f"{statistics.median(times):.4f}", f"{statistics.median(ratios):.4f}",
              f"{statistics.median(r[i] for r in cpu):.4f}")


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[1] == "--net":
        net(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:])
    else:
        main(sys.argv[1:])
