#!/usr/bin/env python3
"""Write the hostile inputs of the cross-tool suite into a folder.

Deterministic (no randomness, no clock), so a failure reproduces byte for byte;
made at test time so no big file is ever committed. Each file holds one
hostile thing; where a tool needs columns, numeric files are headed x,y so
that `mlm-grad 'x*y'` reaches its rows. The good fixtures (good_*) are what
the fault checks (FIFO, /dev/full, closed pipe) feed the tools.

usage: generate.py DIR
"""
import os
import sys

DEPTH = 100_000  # deep enough to overflow any recursive parser's stack


def main() -> None:
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)

    def put(name: str, data) -> None:
        if isinstance(data, str):
            data = data.encode("utf-8")
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)

    # Deep nesting: JSON arrays, JSON objects, one deep JSON Lines line.
    put("levels_array.json", "[" * DEPTH + "]" * DEPTH + "\n")
    put("levels_object.json", '{"a":' * DEPTH + "1" + "}" * DEPTH + "\n")
    put("levels_unclosed.json", "[" * DEPTH + "\n")
    put("levels_line.jsonl", '{"x":1,"y":2}\n' + '{"x":' + "[" * DEPTH + "]" * DEPTH + ',"y":2}\n')

    # Ragged rows, both ways.
    put("ragged_short.csv", "x,y\n1,2\n3\n5,6\n")
    put("ragged_long.csv", "x,y\n1,2\n3,4,5\n5,6\n")

    # NUL bytes in a numeric cell, in a label cell and in the header.
    put("nul_cell.csv", b"x,y\n1,2\n3\x004,5\n")
    put("nul_label.csv", b"label,x\na,1\nb\x00c,2\n")
    put("nul_header.csv", b"x\x00z,y\n1,2\n3,4\n")

    # Invalid UTF-8: a lone continuation byte and a truncated sequence, in the
    # header and in a label cell.
    put("utf8_header.csv", b"x\x80,y\xe2\x82\n1,2\n3,4\n")
    put("utf8_label.csv", b"label,x\n\x80bad,1\nok,2\n\xe2\x82,3\n")

    # One cell of 1 MB: a numeric column (digits: a number too large for a
    # double) and a label column.
    mb = 1 << 20
    put("big_number_cell.csv", "x,y\n1,2\n" + "9" * mb + ",3\n")
    put("big_label_cell.csv", "label,x\n" + "a" * mb + ",1\nb,2\n")
    put("big_junk_cell.csv", "x,y\n1,2\n" + "z" * mb + ",3\n")

    # 10,000 columns: 5 data rows, and 2 data rows.
    cols = 10_000
    header = ",".join(f"c{i}" for i in range(1, cols + 1)) + "\n"

    def wide(rows: int) -> str:
        body = ""
        for r in range(rows):
            body += ",".join(str((r * 7 + c * 3) % 11 + 1) for c in range(cols)) + "\n"
        return header + body

    put("wide_5rows.csv", wide(5))
    put("wide_2rows.csv", wide(2))

    # A headerless text column: a coin. Its first H is data.
    put("coin.txt", "H\nH\nT\nH\nT\nT\nH\nH\n")

    # TSV with numbers (fed on stdin by the runner).
    put("numbers.tsv", "x\ty\n0.5\t0.25\n0.5\t0.75\n")

    # Empty-ish files.
    put("empty.csv", "")
    put("header_only.csv", "x,y\n")
    put("whitespace_only.csv", "  \n\t\n \n\n")
    put("cr_only.csv", "x,y\r0.5,0.25\r0.5,0.75\r")
    put("bom_only.csv", b"\xef\xbb\xbf")

    # Numbers at and past the edge of a double.
    put("overflow.csv", "x,y\n1,2\n1e400,3\n")
    put("huge_values.csv", "x,y\n1e300,-1e300\n-1e300,1e308\n1e308,1e300\n1,2\n")
    put("nan_inf.csv", "x,y\nnan,1\ninf,2\n-inf,3\n1,4\n")

    # JSON that is not a table, duplicate keys, a quote that never closes.
    put("bare_string.json", '"hello"\n')
    put("bare_number.json", "42\n")
    put("dup_keys.json", '[{"twice":1,"y":2,"twice":3},{"twice":4,"y":5}]\n')
    put("dup_keys_gauss.json", '{"mean":[0,0],"mean":[1,1],"cov":[[1,0],[0,1]]}\n')
    put("open_quote.csv", 'x,y\n"1,2\n3,4\n')
    put("open_string.json", '[{"x":"1, "y":2}]\n')

    # Expressions for mlm-grad and mlm-gd, which take them as arguments: deep
    # parentheses and a long flat sum, each under the kernel's 128 KiB limit
    # for one argument.
    put("levels_expr.txt", "(" * 50_000 + "x" + ")" * 50_000)
    put("long_expr.txt", "x" + "+x" * 40_000)

    # Good inputs for the fault checks.
    put("good_weights.csv", "x,y\n0.5,0.25\n0.5,0.75\n")
    put("good_rows.csv", "a,b\n0.5,0.5\n0.25,0.75\n")
    put("good_xent.csv", "y,p\n1,0.9\n0,0.2\n1,0.6\n")
    put("good_labels.csv", "a,b\nH,x\nT,y\nH,x\nH,y\n")
    put("good_gauss.json", '{"mean":[0,0],"cov":[[1,0],[0,1]]}\n')
    put("good_points.csv", "x,y\n1,2\n3,4\n0.5,-1\n")

    # Big inputs for the closed-pipe check: far more output than a pipe holds.
    n = 50_000
    rows = [f"{(i * 37) % 1000 / 1000 + 0.0005:.4f}" for i in range(n)]
    put("big_points.csv", "x,y\n" + "".join(f"{v},{(i % 13) + 1}\n" for i, v in enumerate(rows)))
    put("big_rows.csv", "a,b\n" + "".join(f"{v},{1 - float(v):.4f}\n" for v in rows))
    put("big_xent.csv", "y,p\n" + "".join(f"{i % 2},{v}\n" for i, v in enumerate(rows)))


if __name__ == "__main__":
    main()
