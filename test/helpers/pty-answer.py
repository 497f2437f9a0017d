"""Runs a command at a pseudo-terminal and answers its prompts, one line of stdin per prompt.

    python3 pty-answer.py COMMAND [ARG...] < answers

A prompt is output that ends with ": " (terminal control sequences aside) and then waits; each is
answered with the next line. Everything the command printed goes to stdout, control sequences left
out; the exit code is the command's (124 when it outlives 60 s).
"""
import os
import pty
import re
import select
import sys
import time

CONTROL = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")
answers = sys.stdin.read().split("\n")
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
out = b""
seen = 0
deadline = time.time() + 60
ended = False
while time.time() < deadline:
    ready, _, _ = select.select([fd], [], [], 0.2)
    if ready:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            ended = True
            break
        if not chunk:
            ended = True
            break
        out += chunk
        continue
    # Quiet: a prompt waiting for its answer?
    if len(out) > seen and CONTROL.sub(b"", out[seen:]).endswith(b": "):
        seen = len(out)
        os.write(fd, (answers.pop(0) if answers else "").encode() + b"\r")
if not ended:
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    sys.stdout.write(CONTROL.sub(b"", out).decode("utf-8", "replace"))
    sys.exit(124)
_, status = os.waitpid(pid, 0)
sys.stdout.write(CONTROL.sub(b"", out).decode("utf-8", "replace"))
sys.exit(os.waitstatus_to_exitcode(status))
