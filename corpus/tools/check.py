#!/usr/bin/env python3
"""Checks the real-article gold files and their cached texts, and sums the corpus up.

usage: python3 corpus/tools/check.py [--stamp]
       python3 corpus/tools/check.py --excluded URL...   (is an address one of the project's blind ones?)

--stamp  writes each cached text's length and SHA-256 into its gold file when it has none yet (after annotating a
         new article); a gold file already stamped keeps its hash, so a rebuilt cache is checked, never re-stamped.
Exits 1 when a gold file breaks the conventions of corpus/README.md or uses an excluded address.
"""
import hashlib, json, os, re, sys
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXCLUDE = os.path.join(ROOT, "..", "..", "shared", "corpus", "holdout-exclude.txt")
TYPES = {"INVESTS_IN", "COMMITS_SPEND_TO", "MAKES_CHIP", "USES_CHIP", "OPERATES"}
FROM_TYPES = {"Company", "Fund", "Person", "Government", "Cloud"}
TO_TYPES = {"Company", "Cloud", "Chip", "Fund"}
QUALIFIERS = {"exact", "up_to", "at_least", "about", "unknown", "cumulative"}
STATUSES = {"completed", "announced", "planned", "reported", None}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def address(url):
    u = re.sub(r"^https?://", "", (url or "").strip().lower())
    u = re.sub(r"^www\.", "", u)
    return u.split("#")[0].split("?")[0].rstrip("/")


def excluded():
    path = os.path.normpath(EXCLUDE)
    if not os.path.exists(path):
        return set()
    return {address(l) for l in open(path, encoding="utf-8") if l.strip() and not l.startswith("#")}


def body(path):
    text = open(path, encoding="utf-8").read()
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end > 0:
            text = text[end + 5:]
    return text


def main():
    if "--excluded" in sys.argv:
        # usage: check.py --excluded URL...: prints each address and whether it is off limits
        blind = excluded()
        for url in sys.argv[sys.argv.index("--excluded") + 1:]:
            print(("EXCLUDED " if address(url) in blind else "ok       ") + url)
        return
    stamp = "--stamp" in sys.argv
    bad = []
    blind_addresses = excluded()
    seen_urls = {}
    stats = Counter()
    outlets, sectors, currencies, series = Counter(), Counter(), Counter(), Counter()
    for split in ("study", "blind"):
        folder = os.path.join(ROOT, split)
        for fn in sorted(os.listdir(folder)):
            if not fn.endswith(".gold.json"):
                continue
            path = os.path.join(folder, fn)
            g = json.load(open(path, encoding="utf-8"))
            where = f"{split}/{fn}"
            for key in ("doc", "url", "outlet", "published", "sector", "entities", "facts"):
                if key not in g:
                    bad.append(f"{where}: no '{key}'")
            if g.get("split") != split:
                bad.append(f"{where}: split is {g.get('split')!r}, folder is {split}")
            a = address(g.get("url"))
            if a in blind_addresses:
                bad.append(f"{where}: {g.get('url')} is in holdout-exclude.txt")
            if a in seen_urls:
                bad.append(f"{where}: same address as {seen_urls[a]}")
            seen_urls[a] = where
            if g.get("published") and not DATE.match(g["published"]):
                bad.append(f"{where}: published {g['published']!r}")
            names = set()
            for e in g.get("entities", []):
                names.add(e["name"])
                names.update(e.get("aliases", []))
            for i, f in enumerate(g.get("facts", [])):
                w = f"{where} fact {i}"
                if f.get("type") not in TYPES:
                    bad.append(f"{w}: type {f.get('type')!r}")
                for side in ("from", "to"):
                    if f.get(side) not in names:
                        bad.append(f"{w}: {side} {f.get(side)!r} is not among the entities")
                if f.get("type") == "INVESTS_IN":
                    if f.get("from_type") not in FROM_TYPES:
                        bad.append(f"{w}: from_type {f.get('from_type')!r}")
                    if f.get("round") and f.get("role") not in ("lead", "participant"):
                        bad.append(f"{w}: a round fact needs role lead or participant")
                    if f.get("round") and f.get("amount_usd") is not None and f.get("amount_usd") == f.get("round_usd") \
                            and not f.get("optional"):
                        stats["round size given as a share (check)"] += 1
                if f.get("to_type") and f.get("to_type") not in TO_TYPES:
                    bad.append(f"{w}: to_type {f.get('to_type')!r}")
                if f.get("qualifier") not in QUALIFIERS:
                    bad.append(f"{w}: qualifier {f.get('qualifier')!r}")
                if f.get("status") not in STATUSES:
                    bad.append(f"{w}: status {f.get('status')!r}")
                if f.get("date") and not DATE.match(str(f["date"])):
                    bad.append(f"{w}: date {f.get('date')!r}")
                if "evidence" in f:
                    bad.append(f"{w}: evidence sentences stay out of git")
                if f.get("type") in ("INVESTS_IN", "COMMITS_SPEND_TO") and not f.get("optional") \
                        and f.get("qualifier") != "cumulative" and not f.get("event"):
                    bad.append(f"{w}: no event id")
                if f.get("currency"):
                    currencies[f["currency"]] += 1
                if f.get("round_currency"):
                    currencies[f["round_currency"]] += 1
                if f.get("series"):
                    series[f["series"]] += 1
                stats[f"{f.get('type')}{' (optional)' if f.get('optional') else ''}"] += 1
                if f.get("round"):
                    stats["round facts"] += 1
            cache = os.path.join(ROOT, "cache", split, g.get("doc", ""))
            if os.path.exists(cache):
                text = body(cache)
                digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
                if stamp and not g.get("sha256"):
                    g["chars"], g["sha256"] = len(text), digest
                    json.dump(g, open(path, "w", encoding="utf-8"), indent=1, ensure_ascii=False)
                    open(path, "a", encoding="utf-8").write("\n")
                elif g.get("sha256") and g["sha256"] != digest:
                    bad.append(f"{where}: cached text differs from the annotated one (sha256)")
                stats["cached texts"] += 1
            else:
                stats["texts missing from the cache"] += 1
            scored = [f for f in g.get("facts", []) if f.get("type") in ("INVESTS_IN", "COMMITS_SPEND_TO")
                      and not f.get("optional") and f.get("qualifier") != "cumulative"]
            if not scored:
                stats["articles without a deal (negative controls)"] += 1
            stats[f"articles in {split}"] += 1
            outlets[g.get("outlet")] += 1
            sectors[g.get("sector")] += 1
    for k in sorted(stats):
        print(f"{k}: {stats[k]}")
    print(f"outlets: {len(outlets)}  sectors: {len(sectors)} {dict(sectors)}")
    print(f"currencies: {dict(currencies)}")
    print(f"series: {dict(series)}")
    for b in bad:
        print("BAD", b)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
