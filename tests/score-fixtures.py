#!/usr/bin/env python3
# score-fixtures.py — score `casebook-cli extract` on our own annotated articles
#
# Copyright 2026 The Casebook developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# usage: score-fixtures.py [--verbose] [--min-FIGURE=X ...] CLI ARTICLES_DIR
#
# For every ARTICLES_DIR/gold/NAME.json, runs
#     CLI extract --date DCT ARTICLES_DIR/NAME.txt
# and compares its JSON with the gold annotation (format: see README.md beside the
# articles).  Five figures, summed over all articles (micro-averaged):
#
#   timex_value_f1     a gold date and a found date pair up when one text contains the
#                      other (case and spacing ignored, each found date used once, gold
#                      in text order); the pair counts when the found value is one of
#                      the gold "values".  Unpaired gold dates are misses, unpaired found
#                      dates are false alarms; "optional" gold dates count neither way.
#   person_f1          a found person is right when its name is one of the surface forms
#                      (name or aliases) of a gold person not already claimed.
#   quote_f1           a gold quote and a found quote pair up when the first 60
#                      characters of one are contained in the other.
#   speaker_acc        over paired quotes: the found speaker is one of the gold speaker's
#                      surface forms (or both are null).
#   case_event_recall  a gold case event is found when some found case event has a
#                      subject among the gold subject's surface forms and a value among
#                      the gold values.
#
# Exits 1 when the CLI fails on any article, when there is nothing to score, or when a
# figure is below its threshold (0.90 unless overridden, e.g. --min-quote_f1=0.8).
# Python 3 standard library only.

import json
import os
import re
import subprocess
import sys

FIGURES = ("timex_value_f1", "person_f1", "quote_f1", "speaker_acc", "case_event_recall")
DEFAULT_MIN = 0.90
QUOTE_PREFIX = 60
TIMEOUT_SECONDS = 60

_QUOTE_MARKS = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
})


def canon(text):
    """Lower case, straight quote marks, single spaces: what comparisons look at."""
    if not isinstance(text, str):
        return ""
    return " ".join(text.translate(_QUOTE_MARKS).split()).lower()


def contains_either(a, b):
    a, b = canon(a), canon(b)
    if not a or not b:
        return False
    return a in b or b in a


def surface_forms(person):
    forms = {canon(person.get("name"))}
    for alias in person.get("aliases") or []:
        forms.add(canon(alias))
    forms.discard("")
    return forms


class Tally:
    """Counts for one article or for the whole set."""

    FIELDS = ("tx_tp", "tx_fp", "tx_fn", "pe_tp", "pe_fp", "pe_fn",
              "qu_tp", "qu_fp", "qu_fn", "sp_ok", "ev_found", "ev_total")

    def __init__(self):
        for f in self.FIELDS:
            setattr(self, f, 0)
        self.notes = []

    def add(self, other):
        for f in self.FIELDS:
            setattr(self, f, getattr(self, f) + getattr(other, f))

    @staticmethod
    def _f1(tp, fp, fn):
        if tp == 0:
            return 0.0 if (fp or fn) else 1.0
        precision = tp / (tp + fp)
        recall = tp / (tp + fn)
        return 2 * precision * recall / (precision + recall)

    def figures(self):
        return {
            "timex_value_f1": self._f1(self.tx_tp, self.tx_fp, self.tx_fn),
            "person_f1": self._f1(self.pe_tp, self.pe_fp, self.pe_fn),
            "quote_f1": self._f1(self.qu_tp, self.qu_fp, self.qu_fn),
            "speaker_acc": self.sp_ok / self.qu_tp if self.qu_tp else (1.0 if not self.qu_fn else 0.0),
            "case_event_recall": self.ev_found / self.ev_total if self.ev_total else 1.0,
        }


def list_of_dicts(value):
    if not isinstance(value, list):
        return []
    return [v for v in value if isinstance(v, dict)]


def score_timex(gold, found, t):
    taken = [False] * len(found)
    for g in gold:
        pick = next((i for i, f in enumerate(found)
                     if not taken[i] and contains_either(g.get("text"), f.get("text"))), None)
        optional = bool(g.get("optional"))
        if pick is None:
            if not optional:
                t.tx_fn += 1
                t.notes.append(f"missed date {g.get('text')!r} {g.get('values')}")
            continue
        taken[pick] = True
        if optional:
            continue
        value = found[pick].get("value")
        if value in (g.get("values") or []):
            t.tx_tp += 1
        else:
            # a wrong value is both a miss and a false alarm
            t.tx_fn += 1
            t.tx_fp += 1
            t.notes.append(f"wrong value for {g.get('text')!r}: {value!r}, want one of {g.get('values')}")
    for i, f in enumerate(found):
        if not taken[i]:
            t.tx_fp += 1
            t.notes.append(f"spurious date {f.get('text')!r} = {f.get('value')!r}")


def score_persons(gold, found, t):
    forms = [surface_forms(g) for g in gold]
    claimed = set()
    for f in found:
        name = canon(f.get("name"))
        own = surface_forms(f)
        candidates = [i for i, fs in enumerate(forms) if i not in claimed and name in fs]
        if not candidates:
            t.pe_fp += 1
            t.notes.append(f"not a gold person: {f.get('name')!r}")
            continue
        # when a surname fits several people, take the one whose full name was found too
        best = next((i for i in candidates if canon(gold[i].get("name")) in own), candidates[0])
        claimed.add(best)
        t.pe_tp += 1
    for i, g in enumerate(gold):
        if i not in claimed:
            t.pe_fn += 1
            t.notes.append(f"missed person {g.get('name')!r}")


def quotes_pair(gold_text, found_text):
    return (contains_either((gold_text or "")[:QUOTE_PREFIX], found_text)
            or contains_either((found_text or "")[:QUOTE_PREFIX], gold_text))


def score_quotes(gold, found, persons, t):
    forms_by_name = {canon(p.get("name")): surface_forms(p) for p in persons}
    taken = [False] * len(found)
    for g in gold:
        pick = next((i for i, f in enumerate(found)
                     if not taken[i] and quotes_pair(g.get("text"), f.get("text"))), None)
        if pick is None:
            t.qu_fn += 1
            t.notes.append(f"missed quote {(g.get('text') or '')[:50]!r}")
            continue
        taken[pick] = True
        t.qu_tp += 1
        want = g.get("speaker")
        got = canon(found[pick].get("speaker"))
        if want:
            ok = bool(got) and got in forms_by_name.get(canon(want), {canon(want)})
        else:
            ok = not got
        if ok:
            t.sp_ok += 1
        else:
            t.notes.append(f"speaker of {(g.get('text') or '')[:40]!r}: {found[pick].get('speaker')!r}, want {want!r}")
    for i, f in enumerate(found):
        if not taken[i]:
            t.qu_fp += 1
            t.notes.append(f"spurious quote {(f.get('text') or '')[:50]!r}")


def score_events(gold, found, persons, t):
    forms_by_name = {canon(p.get("name")): surface_forms(p) for p in persons}
    for g in gold:
        subject_forms = forms_by_name.get(canon(g.get("subject")), {canon(g.get("subject"))})
        values = g.get("values") or []
        t.ev_total += 1
        if any(canon(f.get("subject")) in subject_forms and f.get("value") in values for f in found):
            t.ev_found += 1
        else:
            t.notes.append(f"missed event {g.get('subject')!r} {values[:1]} ({g.get('what')})")


def run_cli(cli, dct, article):
    cmd = [cli, "extract"]
    if dct:
        cmd += ["--date", dct]
    cmd.append(article)
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=TIMEOUT_SECONDS)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, str(e)
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip()
        return None, f"exit status {proc.returncode}: {err}"
    try:
        data = json.loads(proc.stdout.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        return None, f"output is not JSON: {e}"
    if not isinstance(data, dict):
        return None, "output is not a JSON object"
    return data, None


def parse_args(argv):
    minimum = {f: DEFAULT_MIN for f in FIGURES}
    verbose = False
    rest = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("-h", "--help"):
            print(__doc__ or "usage: score-fixtures.py [--verbose] [--min-FIGURE=X] CLI ARTICLES_DIR")
            print("figures: " + ", ".join(FIGURES))
            sys.exit(0)
        elif a in ("-v", "--verbose"):
            verbose = True
        elif a.startswith("--min-"):
            key, eq, val = a[len("--min-"):].partition("=")
            if not eq:
                i += 1
                val = argv[i] if i < len(argv) else ""
            key = key.replace("-", "_")
            keys = FIGURES if key == "all" else (key,)
            if any(k not in minimum for k in keys):
                sys.exit(f"score-fixtures: unknown figure {key!r} (one of {', '.join(FIGURES)}, all)")
            try:
                for k in keys:
                    minimum[k] = float(val)
            except ValueError:
                sys.exit(f"score-fixtures: {a}: not a number")
        else:
            rest.append(a)
        i += 1
    if len(rest) != 2:
        sys.exit("usage: score-fixtures.py [--verbose] [--min-FIGURE=X ...] CLI ARTICLES_DIR")
    return rest[0], rest[1], minimum, verbose


def fmt(figures):
    return " ".join(f"{k}={figures[k]:.3f}" for k in FIGURES)


def main(argv):
    cli, articles, minimum, verbose = parse_args(argv)
    gold_dir = os.path.join(articles, "gold")
    try:
        names = sorted(n[:-5] for n in os.listdir(gold_dir) if n.endswith(".json"))
    except OSError as e:
        print(f"score-fixtures: cannot list {gold_dir}: {e}")
        return 1
    if not names:
        print(f"score-fixtures: no gold annotations in {gold_dir}")
        return 1

    total = Tally()
    failures = []
    for name in names:
        try:
            with open(os.path.join(gold_dir, name + ".json"), encoding="utf-8") as fh:
                gold = json.load(fh)
        except (OSError, ValueError) as e:
            failures.append(name)
            print(f"{name}: FAILED: cannot read gold: {e}")
            continue
        article = os.path.join(articles, gold.get("article") or name + ".txt")
        found, err = run_cli(cli, gold.get("dct"), article)
        if found is None:
            # score it as finding nothing, so the figures do not flatter a crash
            failures.append(name)
            print(f"{name}: FAILED: {err}")
            found = {}
        t = Tally()
        persons = gold.get("persons") or []
        score_timex(gold.get("timex") or [], list_of_dicts(found.get("timex")), t)
        score_persons(persons, list_of_dicts(found.get("persons")), t)
        score_quotes(gold.get("quotes") or [], list_of_dicts(found.get("quotes")), persons, t)
        score_events(gold.get("case_events") or [], list_of_dicts(found.get("case_events")), persons, t)
        total.add(t)
        print(f"{name}: dates {t.tx_tp}/{t.tx_fp}/{t.tx_fn} persons {t.pe_tp}/{t.pe_fp}/{t.pe_fn} "
              f"quotes {t.qu_tp}/{t.qu_fp}/{t.qu_fn} speakers {t.sp_ok}/{t.qu_tp} "
              f"events {t.ev_found}/{t.ev_total}  (tp/fp/fn)")
        if verbose:
            for note in t.notes:
                print(f"    {note}")

    figures = total.figures()
    low = [k for k in FIGURES if figures[k] < minimum[k]]
    print(f"articles={len(names)} failed={len(failures)} {fmt(figures)}")
    if failures:
        print("FAIL: extract failed on " + ", ".join(failures))
    if low:
        print("FAIL: below threshold: " + ", ".join(f"{k} {figures[k]:.3f} < {minimum[k]:.2f}" for k in low))
    return 1 if failures or low else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
