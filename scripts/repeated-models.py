#!/usr/bin/env python3
"""How much of a generated model package repeats itself: files whose text equals another file's once each file's own
class name is replaced by a placeholder (structurally identical schemas generated under different names).
Usage: scripts/repeated-models.py MODEL_DIR   (e.g. target/bench/sw/src/main/java/com/example/githubv3rest/model,
after scripts/bench-generate.sh)"""
import collections
import os
import re
import sys

folder = sys.argv[1]
by_text = collections.defaultdict(list)
for name in sorted(os.listdir(folder)):
    if name.endswith(".java"):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            text = f.read()
        by_text[re.sub(r"\b" + re.escape(name[:-5]) + r"\b", "X", text)].append(len(text.splitlines()))
files = sum(len(lines) for lines in by_text.values())
repeats = files - len(by_text)
repeated_lines = sum(sum(lines[1:]) for lines in by_text.values())
print(f"{files} model files, {len(by_text)} distinct; {repeats} repeat another's text, holding {repeated_lines} lines")
