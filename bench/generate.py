"""Benchmark inputs, the same bytes for the same seed (numpy's PCG64).

  generate.py labels ROWS SEED OUT    id,label,score: ~20 short labels, Zipf-skewed
  generate.py many-labels ROWS DISTINCT SEED OUT
                                      id,label,score: labels w1..wDISTINCT, uniform
  generate.py numbers ROWS COLS SEED OUT
                                      c1..cCOLS: non-negative numbers, 6 decimals

Run with /usr/bin/python3 (Debian's numpy). Writes in chunks: memory stays small.
"""
import sys

import numpy as np

LABELS = ["cat", "dog", "bird", "fish", "cow", "pig", "ant", "bee", "owl", "fox",
          "yak", "elk", "emu", "gnu", "ape", "bat", "rat", "eel", "hen", "kid"]
CHUNK = 250_000


def labels(rows, seed, out):
    weights = 1.0 / np.arange(1, len(LABELS) + 1)  # Zipf: "cat" ~28%, "kid" ~1.4%
    write_labels(rows, np.array(LABELS), weights / weights.sum(), seed, out)


def many_labels(rows, distinct, seed, out):
    """Many groups: each label is drawn rows/distinct times on average."""
    names = np.array([f"w{k}" for k in range(1, distinct + 1)])
    write_labels(rows, names, None, seed, out)


def write_labels(rows, names, p, seed, out):
    rng = np.random.default_rng(seed)
    with open(out, "w") as f:
        f.write("id,label,score\n")
        for start in range(0, rows, CHUNK):
            n = min(CHUNK, rows - start)
            lab = names[rng.choice(len(names), size=n, p=p)]
            score = rng.integers(0, 10_000, size=n)
            ids = range(start + 1, start + n + 1)
            f.write("".join(f"{i},{l},0.{s:04d}\n" for i, l, s in zip(ids, lab, score)))


def numbers(rows, cols, seed, out):
    """Each cell is "D.dddddd" (an integer part 0-9, six decimals): built as bytes."""
    rng = np.random.default_rng(seed)
    width = 9  # 8 characters and a separator
    with open(out, "wb") as f:
        f.write((",".join(f"c{j + 1}" for j in range(cols)) + "\n").encode())
        for start in range(0, rows, CHUNK):
            n = min(CHUNK, rows - start)
            units = rng.integers(0, 10, size=(n, cols), dtype=np.int64)
            frac = rng.integers(0, 1_000_000, size=(n, cols), dtype=np.int64)
            cells = np.empty((n, cols, width), dtype=np.uint8)
            cells[:, :, 0] = units + ord("0")
            cells[:, :, 1] = ord(".")
            for k in range(6):
                cells[:, :, 2 + k] = (frac // 10 ** (5 - k)) % 10 + ord("0")
            cells[:, :, 8] = ord(",")
            cells[:, -1, 8] = ord("\n")
            f.write(cells.tobytes())


def main(argv):
    if len(argv) == 5 and argv[1] == "labels":
        labels(int(argv[2]), int(argv[3]), argv[4])
    elif len(argv) == 6 and argv[1] == "many-labels":
        many_labels(int(argv[2]), int(argv[3]), int(argv[4]), argv[5])
    elif len(argv) == 6 and argv[1] == "numbers":
        numbers(int(argv[2]), int(argv[3]), int(argv[4]), argv[5])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
