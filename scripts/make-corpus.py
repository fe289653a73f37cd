#!/usr/bin/env python3
"""Builds the benchmark corpus: our own articles (examples/, eval/articles/,
the texts of tests/cases/) repeated with new ids into one JSON Lines file
of at least the requested size.  Usage: make-corpus.py OUT.jsonl MEGABYTES"""
import json, os, sys, glob

def articles():
    found = []
    for path in sorted(glob.glob("examples/*.txt") + glob.glob("eval/articles/*.txt")):
        with open(path, encoding="utf-8") as f:
            first, _, body = f.read().partition("\n")
        parts = first.strip().split(" ", 2)
        if len(parts) >= 2 and parts[0] == "date":
            found.append((os.path.splitext(os.path.basename(path))[0], parts[1], parts[2] if len(parts) > 2 else "", body.strip()))
    for path in sorted(glob.glob("tests/cases/*.case")):
        date, text, in_text = None, [], False
        for line in open(path, encoding="utf-8"):
            line = line.rstrip("\n")
            if line.startswith(("@expect", "@reject", "@end")):
                in_text = False
            elif in_text:
                text.append(line)
            elif line.startswith("@date "):
                date = line[6:16]
            elif line == "@text":
                in_text = True
        if date and text:
            found.append((os.path.splitext(os.path.basename(path))[0], date, "", "\n".join(text)))
    return found

def main():
    out, megabytes = sys.argv[1], float(sys.argv[2])
    items = articles()
    if not items:
        sys.exit("make-corpus: no articles found (run from the repository root)")
    target = int(megabytes * 1e6)
    written, copy = 0, 0
    with open(out, "w", encoding="utf-8") as f:
        while written < target:
            for name, date, title, text in items:
                line = json.dumps({"id": f"{name}-{copy}", "date": date, "title": title, "text": text}, ensure_ascii=False) + "\n"
                f.write(line)
                written += len(text.encode("utf-8"))
            copy += 1
    print(f"make-corpus: {written / 1e6:.1f} MB of article text, {copy} copies of {len(items)} articles -> {out}")

main()
