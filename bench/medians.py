"""Medians of alternated hyperfine rounds, for bench/lib.sh.

  medians.py ROUND.json...   (each file: one hyperfine run of the same commands)

Prints one line per command, in order: its index, its median time in seconds
over all rounds, and the median over rounds of (time of command 0 / its time),
the ratio of ours (command 0) to this peer measured in the same round.
"""
import json
import statistics
import sys


def main(paths):
    rounds = []
    for path in paths:
        with open(path) as f:
            rounds.append([r["times"] for r in json.load(f)["results"]])
    commands = len(rounds[0])
    for i in range(commands):
        times = [t for r in rounds for t in r[i]]
        ratios = [statistics.median(r[0]) / statistics.median(r[i]) for r in rounds]
        print(i, f"{statistics.median(times):.4f}", f"{statistics.median(ratios):.4f}")


if __name__ == "__main__":
    main(sys.argv[1:])
