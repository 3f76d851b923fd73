#!/usr/bin/env python3
"""Draws each split's gold timeline from its gold files: one event per real-world deal (the facts' "event" ids),
one per investor for a round, tranches under their deal, running totals left out.

usage: python3 corpus/tools/timeline.py        (writes corpus/study-timeline.json and corpus/blind-timeline.json)

The format is that of ../shared/corpus/seeds-timeline.json, scored by score_timeline.py or
`java -jar target/dealgraph.jar evaluate --timeline corpus/study-timeline.json --gold corpus/study --corpus corpus/cache/study`.
Where the articles of one event disagree on its figure, the figure most of them give is the event's and the others
are its alternatives; its date is the most precise one; an event is optional only when every fact of it is.
"""
import json, os
from collections import Counter, OrderedDict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def build(split):
    groups = OrderedDict()
    folder = os.path.join(ROOT, split)
    for fn in sorted(os.listdir(folder)):
        if not fn.endswith(".gold.json"):
            continue
        g = json.load(open(os.path.join(folder, fn), encoding="utf-8"))
        for f in g["facts"]:
            if f.get("type") not in ("INVESTS_IN", "COMMITS_SPEND_TO") or f.get("qualifier") == "cumulative":
                continue
            event = f.get("event") or (g["doc"] + ":" + f["from"] + ":" + f["to"])
            key = (event, f["type"], f["from"], f["to"])
            groups.setdefault(key, []).append((g["doc"], f))
    events = []
    for (event, typ, frm, to), facts in groups.items():
        deals = [f for _, f in facts if f.get("tranche_of_usd") is None]
        tranches = [f for _, f in facts if f.get("tranche_of_usd") is not None]
        if not deals:  # only tranches were annotated: the whole is the event
            deals = tranches
            tranches = []
        figures = Counter(f.get("amount_usd") for f in deals if f.get("amount_usd") is not None)
        amount = figures.most_common(1)[0][0] if figures else None
        alts = sorted(a for a in figures if a != amount)
        quals = Counter(f.get("qualifier") for f in deals if f.get("amount_usd") == amount)
        dates = [f.get("date") for f in deals if f.get("date")]
        date = max(dates, key=len) if dates else None
        seen = set()
        tr = []
        for f in tranches:
            k = (f.get("amount_usd"), f.get("date"))
            if k not in seen:
                seen.add(k)
                tr.append({"amount_usd": f.get("amount_usd"), "date": f.get("date")})
        events.append({
            "id": event if not any(x["id"] == event for x in events) else event + "/" + frm,
            "type": typ, "from": frm, "to": to, "amount_usd": amount,
            "qualifier": quals.most_common(1)[0][0] if quals else "unknown", "date": date,
            "tranches": tr, "alt_amounts_usd": alts,
            "docs": sorted({d for d, _ in facts}),
            "optional": all(f.get("optional") for _, f in facts),
        })
    note = ("Drawn by corpus/tools/timeline.py from the " + split + " gold files: one event per real-world deal "
            "(one per investor for a round), tranches under their deal, running totals left out.")
    out = os.path.join(ROOT, split + "-timeline.json")
    with open(out, "w", encoding="utf-8") as o:
        json.dump({"note": note, "events": events}, o, indent=1, ensure_ascii=False)
        o.write("\n")
    scored = [e for e in events if not e["optional"]]
    multi = [e for e in scored if len(e["docs"]) > 1]
    print(f"{split}: {len(events)} events ({len(scored)} scored, {len(multi)} reported by more than one article), "
          f"{sum(len(e['tranches']) for e in events)} tranches")


if __name__ == "__main__":
    build("study")
    build("blind")
