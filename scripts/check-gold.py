#!/usr/bin/env python3
"""check-gold.py: checks a gold set against its articles before anyone scores on it.

    scripts/check-gold.py [ARTICLES_DIR GOLD_DIR]    (default: eval/heldout/articles eval/heldout/gold)

For every article NAME.txt there must be a gold file NAME.tsv and the other way
round. Each article must be in seed format (" date YYYY-MM-DD Title", a blank
line, paragraphs). Each gold line (eval/FORMAT.md) must have seven tab-separated
fields and:

  * evidence: at least 12 characters, an exact substring of exactly one
    sentence of the article (sentences are cut the way a careful reader cuts
    them: after . ! ? and a closing quote, unless the word before the stop is
    an abbreviation or an initial);
  * source, target: actor codes built from an ISO 3166-1 alpha-3 country
    (Debian's iso-codes data, plus XKX Kosovo and CAMEO regions) and role
    codes from dict/FORMAT.md, or IGO/NGO/IMG codes; target may be "-";
    source and target differ;
  * code: a 3- or 4-digit code present in dict/cameo.tsv;
  * date: YYYY, YYYY-MM or YYYY-MM-DD, a real date, not after the article;
  * place: a name or "-";
  * casualties: "-" or key=count pairs with keys killed, wounded, displaced,
    arrested, abducted, missing.

The same (evidence, source, code, target) twice is an error. Prints one line
per problem as FILE:LINE: message, then a summary; exits 1 on any problem.
"""

import datetime
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ISO_3166 = "/usr/share/iso-codes/json/iso_3166-1.json"

# Codes that are not ISO 3166-1 but that our dictionaries and conventions use:
# Kosovo (XKX) and CAMEO's regions (dict/countries-extra.txt).
EXTRA_COUNTRIES = {"XKX", "WST", "AFR", "ASA", "EUR", "LAM", "MEA", "NAF", "SAF",
                   "WAF", "EAF", "CAF", "SAM", "CAS", "SEA", "SAS", "EEU", "WEU",
                   "BLK", "BALT", "CRB", "NMR", "PGS", "SCN"}
# Role codes listed in dict/FORMAT.md (CAMEO actor codebook, chapter 3).
ROLES = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "INS", "CVL", "MED",
         "BUS", "EDU", "HLH", "LAB", "REF", "REL", "ELI", "SPY", "CRM", "UAF",
         "AGR", "ENV", "IGO", "NGO", "SET", "MOD", "RAD", "PKO"}
CASUALTY_KEYS = {"killed", "wounded", "displaced", "arrested", "abducted", "missing"}

# Words after which a full stop does not end a sentence.
ABBREVIATIONS = {"u.s", "u.n", "u.k", "e.u", "jan", "feb", "mar", "apr", "jun", "jul",
                 "aug", "sep", "sept", "oct", "nov", "dec", "gen", "lt", "col", "maj",
                 "capt", "sgt", "adm", "mr", "mrs", "ms", "dr", "st", "no", "vs", "rep",
                 "sen", "gov", "prof", "rev", "sr", "jr", "mt", "ft", "corp", "inc",
                 "co", "ltd", "approx", "est", "d.c"}


def load_countries():
    with open(ISO_3166, encoding="utf-8") as f:
        data = json.load(f)
    return {entry["alpha_3"] for entry in data["3166-1"]} | EXTRA_COUNTRIES


def load_codes():
    codes = set()
    with open(os.path.join(ROOT, "dict", "cameo.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            codes.add(line.split("\t", 1)[0])
    return codes


def valid_actor(code, countries):
    """A CAMEO actor code: COUNTRY[ROLE...], or IGO/NGO/IMG followed by 3-letter parts."""
    if not re.fullmatch(r"[A-Z]{3,}", code):
        return False
    if code[:3] in ("IGO", "NGO", "IMG"):
        return len(code) % 3 == 0
    if code[:3] not in countries or len(code) % 3 != 0:
        return False
    return all(code[i:i + 3] in ROLES for i in range(3, len(code), 3))


def split_sentences(body):
    """Sentences of an article body: paragraphs cut at stops that end a sentence."""
    sentences = []
    for paragraph in re.split(r"\n\s*\n", body):
        paragraph = " ".join(paragraph.split())
        if not paragraph:
            continue
        start = 0
        for stop in re.finditer(r"[.!?][\"')\u201d\u2019]*(?=\s+[\"'(\u201c\u2018]?[A-Z0-9])", paragraph):
            before = paragraph[start:stop.start() + 1]
            word = re.search(r"(\S+)\.$", before)
            if word:
                token = word.group(1).lower().lstrip("\"'(\u201c\u2018")
                if token in ABBREVIATIONS or re.fullmatch(r"[a-z]", token):
                    continue
            sentences.append(paragraph[start:stop.end()].strip())
            start = stop.end()
        if paragraph[start:].strip():
            sentences.append(paragraph[start:].strip())
    return sentences


def parse_date(text):
    for fmt, pattern in (("%Y-%m-%d", r"\d{4}-\d{2}-\d{2}"), ("%Y-%m", r"\d{4}-\d{2}"), ("%Y", r"\d{4}")):
        if re.fullmatch(pattern, text):
            try:
                return datetime.datetime.strptime(text, fmt).date()
            except ValueError:
                return None
    return None


def check_article(path, problems):
    """Returns (publication date, sentences) or (None, []) after reporting a problem."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    header, sep, body = text.partition("\n\n")
    match = re.fullmatch(r" date (\d{4}-\d{2}-\d{2}) \S.*", header)
    if not sep or not match or parse_date(match.group(1)) is None:
        problems.append(f"{path}:1: not seed format (' date YYYY-MM-DD Title', blank line, text)")
        return None, []
    return parse_date(match.group(1)), split_sentences(body)


def check_gold(path, published, sentences, countries, codes, problems):
    seen = set()
    events = 0
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"{path}:{number}"
        fields = line.split("\t")
        if len(fields) != 7:
            problems.append(f"{where}: {len(fields)} fields, want 7")
            continue
        evidence, source, code, target, date, place, casualties = fields
        events += 1
        if len(evidence) < 12:
            problems.append(f"{where}: evidence shorter than 12 characters")
        holders = [s for s in sentences if evidence in s]
        if len(holders) != 1:
            problems.append(f"{where}: evidence in {len(holders)} sentences, want 1: {evidence!r}")
        if not valid_actor(source, countries):
            problems.append(f"{where}: bad source actor code {source!r}")
        if target != "-" and not valid_actor(target, countries):
            problems.append(f"{where}: bad target actor code {target!r}")
        if source == target:
            problems.append(f"{where}: source and target are the same ({source})")
        if not re.fullmatch(r"\d{3,4}", code) or code not in codes:
            problems.append(f"{where}: code {code!r} is not a full code in dict/cameo.tsv")
        day = parse_date(date)
        if day is None:
            problems.append(f"{where}: bad date {date!r}")
        elif published is not None and day > published:
            problems.append(f"{where}: date {date} is after the article's {published}")
        if not place.strip():
            problems.append(f"{where}: empty place (use -)")
        if casualties != "-":
            for pair in casualties.split(","):
                key, _, count = pair.partition("=")
                if key not in CASUALTY_KEYS or not count.isdigit():
                    problems.append(f"{where}: bad casualties {casualties!r}")
                    break
        key = (evidence, source, code, target)
        if key in seen:
            problems.append(f"{where}: duplicate line")
        seen.add(key)
    return events


def main(argv):
    if len(argv) not in (1, 3):
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    articles_dir, gold_dir = (argv[1], argv[2]) if len(argv) == 3 else (
        os.path.join(ROOT, "eval", "heldout", "articles"), os.path.join(ROOT, "eval", "heldout", "gold"))
    countries, codes = load_countries(), load_codes()
    problems = []
    articles = {n[:-4] for n in os.listdir(articles_dir) if n.endswith(".txt")}
    golds = {n[:-4] for n in os.listdir(gold_dir) if n.endswith(".tsv")}
    for name in sorted(articles ^ golds):
        problems.append(f"{name}: article without gold or gold without article")
    total = 0
    for name in sorted(articles & golds):
        published, sentences = check_article(os.path.join(articles_dir, name + ".txt"), problems)
        total += check_gold(os.path.join(gold_dir, name + ".tsv"), published, sentences,
                            countries, codes, problems)
    for problem in problems:
        print(problem)
    print(f"{len(articles & golds)} articles, {total} gold events, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
