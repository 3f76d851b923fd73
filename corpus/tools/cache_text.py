#!/usr/bin/env python3
"""Puts one article's text into the git-ignored cache, next to its gold file, and checks it against the gold.

usage: python3 corpus/tools/cache_text.py corpus/study/p05.gold.json TEXT_FILE
       python3 corpus/tools/cache_text.py --missing [study|blind]   (lists the gold files whose text is not cached)

TEXT_FILE holds the page's opening exactly as the stored-pages search returned it. The cache file gets a front
matter (url, title, published) from the gold file; the title is the text's first line when that line is short.
Some stored pages end in blank lines and some annotated texts kept them, and some annotators cut page furniture off
the top: the text is written in the form that matches the gold hash (zero to three trailing newlines, the opening or
the end cut to the gold length), or as given when none does. Exits 0 when the text's length and
SHA-256 match the gold file's `chars` and `sha256`, 2 when they do not (the file is written all the same, so that
a page that changed a little can still be looked at), 1 on bad arguments.
"""
import hashlib, json, os, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def cache_path(gold_path, gold):
    split = os.path.basename(os.path.dirname(os.path.abspath(gold_path)))
    return os.path.join(ROOT, "cache", split, gold["doc"])


def missing(splits):
    for split in splits:
        folder = os.path.join(ROOT, split)
        for fn in sorted(os.listdir(folder)):
            if fn.endswith(".gold.json"):
                path = os.path.join(folder, fn)
                gold = json.load(open(path, encoding="utf-8"))
                if not os.path.exists(cache_path(path, gold)):
                    print(os.path.relpath(path, os.path.dirname(ROOT)), gold["url"])


def annotated(text, gold):
    """The form of the page's opening that the annotator hashed, or None.

    Annotators kept the article from its headline on: some texts lost a line of page furniture at the top (a menu,
    a dateline) or a few characters at the end, and some kept the page's trailing blank lines."""
    want, chars = gold.get("sha256"), gold.get("chars") or 0
    for newlines in range(4):
        body = text + "\n" * newlines
        candidates = [body]
        if chars and len(body) > chars:
            candidates += [body[len(body) - chars:], body[:chars]]
        for candidate in candidates:
            if hashlib.sha256(candidate.encode("utf-8")).hexdigest() == want:
                return candidate
    return None


def main(argv):
    if argv and argv[0] == "--missing":
        missing(argv[1:] or ["study", "blind"])
        return 0
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 1
    gold_path, text_path = argv
    gold = json.load(open(gold_path, encoding="utf-8"))
    text = open(text_path, encoding="utf-8").read().rstrip("\n")
    text = annotated(text, gold) or text
    first = text.split("\n", 1)[0].strip()
    title = first if 0 < len(first) <= 200 else ""
    out = cache_path(gold_path, gold)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        f.write("---\n")
        f.write("url: " + gold["url"] + "\n")
        f.write("title: " + json.dumps(title, ensure_ascii=False) + "\n")
        if gold.get("published"):
            f.write("published: " + gold["published"] + "\n")
        f.write("---\n")
        f.write(text)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if gold.get("sha256") == digest:
        print("ok       " + out)
        return 0
    print(f"DIFFERS  {out}: {len(text)} chars, the gold file says {gold.get('chars')}")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
