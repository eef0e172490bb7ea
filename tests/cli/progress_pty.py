"""Runs a shell command with stderr on a pseudo-terminal (stdout on a pipe)
and prints what the progress meter wrote: "meter" and "erased" when a line
with rows, MB and MB/s was shown, and erased before anything else was written, else "no meter"; then stdout.
Used by tests/cli/progress.cases.   progress_pty.py 'COMMAND'"""
import os
import pty
import re
import subprocess
import sys

master, slave = pty.openpty()
proc = subprocess.Popen(["sh", "-c", sys.argv[1]], stdout=subprocess.PIPE, stderr=slave)
os.close(slave)
err = b""
while True:
    try:
        chunk = os.read(master, 4096)
    except OSError:  # EIO: the child closed the terminal
        break
    if not chunk:
        break
    err += chunk
out = proc.stdout.read()
proc.wait()
text = err.decode("utf-8", "replace")
lines = list(re.finditer(r"\r\S+: \d+ MB, \d+ rows, \d+ MB/s(, \d+%)?\x1b\[K", text))
shown = bool(lines)
# Erased: the last meter line is followed by the erase, before any note.
erased = shown and text[lines[-1].end():].startswith("\r\x1b[K")
print("meter" if shown else "no meter", "erased" if erased else "not erased")
sys.stdout.write(out.decode())
sys.exit(proc.returncode)
