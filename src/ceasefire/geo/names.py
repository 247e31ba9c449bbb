"""Place-name normalisation and match keys that survive transliteration.

Reports spell Syrian places in GeoNames, OCHA, French-colonial and ad-hoc forms
(Saraqib / Saraqeb / Saraqab, Maarat al-Naasan / Maaret Elnaasan). A lookup
first tries the normalised name, then looser keys, each level losing a little
confidence:

- ``normalize_name``: lowercase, no diacritics or ayn/hamza marks, hyphens → spaces.
- base key: Arabic articles dropped (also when glued on, as in "Elnaasan"),
  common words unified (kafr/kfar, tal/tell, ayn/ain/ein, deir/dayr…), doubled
  letters collapsed, French "ou" read as u, final -ah/-eh/-e as -a, spaces removed.
- skeleton key: the base key's consonants, with a leading vowel kept as "a",
  digraphs folded (sh→s, kh→k, q→k, ou→u…) and y/w inside a word read as vowels.

``similarity`` scores two spellings with rapidfuzz so key matches can be ranked.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import fuzz

# Characters NFKD does not decompose into a base letter.
_LETTER_MAP = str.maketrans(
    {
        "ø": "o",
        "æ": "ae",
        "œ": "oe",
        "ß": "ss",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "ı": "i",
        "ə": "a",
        "ħ": "h",
        "þ": "th",
        "ŧ": "t",
        "ɣ": "gh",
        "ʃ": "sh",
    }
)
# Ayn, hamza and quote marks vanish; they are spelled in too many ways to keep.
_MARKS = "'`´’‘ʿʾʻʼ′\"“”"
_DROP_MARKS = str.maketrans("", "", _MARKS)
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_/.,;:()\[\]·]+")
_NOT_WORD = re.compile(r"[^\w ]+")


def _ascii_fold(char: str) -> str:
    """What ``normalize_name`` makes of an ASCII character, before spaces are merged."""
    if char in _MARKS:
        return ""
    if _SEPARATORS.fullmatch(char):
        return " "
    return char.lower() if char.isalnum() else ""


# The ASCII case of ``normalize_name`` in one pass: marks dropped, separators made
# spaces, other signs dropped, letters lowercased.
_ASCII_FOLD = str.maketrans({chr(code): _ascii_fold(chr(code)) for code in range(128)})

# Arabic article forms, as a separate word after hyphens are split.
ARTICLES = frozenset("al el il ul an as ash ad adh ar at ath az es esh ech ed en er et ez".split())
# Glued-on article ("Elnaasan", "Alsukari"): only stripped from a word that is not
# the first one, and only when what is left is long enough to be a name.
_GLUED_ARTICLE = re.compile(r"^(?:al|el)(?=[bcdfghjklmnpqrstvwxyz])")

# Words that are one word spelled many ways → one spelling.
_WORD_EQUIVALENTS: dict[str, str] = {}
for _canonical, _variants in {
    "kafr": "kafr kfar kafer kfr kefr kfer kafar kefer",
    "tal": "tal tell tall tel til",
    "ain": "ain ayn ein ayin aen",
    "deir": "deir dayr der dair deyr dier",
    "maarat": "maarat maaret maarrat marat maarret maarat maaret maaratt maarrit",
    "jisr": "jisr jisir jeser jesr",
    "abu": "abu abou abo",
    "umm": "umm um om oum",
    "khirbat": "khirbat khirbet kherbet khirbit khirba kherbat",
    "jabal": "jabal jebel jabel jebal jbel jabl",
    "beit": "beit bayt bait bet beyt",
    "sheikh": "sheikh shaykh shaikh sheik cheikh sheykh shekh",
    "ras": "ras raas",
    "qasr": "qasr kasr qsar",
    "wadi": "wadi ouadi wady",
}.items():
    for _variant in _variants.split():
        _WORD_EQUIVALENTS[_variant] = _canonical

_DOUBLED = re.compile(r"(.)\1+")
# Ordered digraph folds for the consonant skeleton.
_SKELETON_FOLDS = (
    ("dsch", "j"),
    ("tch", "j"),
    ("dj", "j"),
    ("dzh", "j"),
    ("sch", "s"),
    ("sh", "s"),
    ("ch", "s"),
    ("kh", "k"),
    ("gh", "g"),
    ("th", "t"),
    ("dh", "d"),
    ("ph", "f"),
    ("ou", "u"),
    ("q", "k"),
    ("c", "k"),
    ("x", "ks"),
)
_VOWELS = frozenset("aeiouyw")


def is_latin(text: str) -> bool:
    """True when every letter of ``text`` is a Latin-script letter."""
    for char in text:
        if char.isalpha():
            if char.isascii():
                continue
            try:
                if not unicodedata.name(char).startswith("LATIN"):
                    return False
            except ValueError:
                return False
    return True


def normalize_name(name: str) -> str:
    """Lowercase, drop diacritics and ayn/hamza marks, hyphens → spaces, one space between words."""
    if name.isascii():
        # Most names are ASCII ("Saraqib", "Ma'arrat an-Nu'man"): one table does it all,
        # faster than a cache would answer (and a cache's entries would burden the collector).
        return " ".join(name.translate(_ASCII_FOLD).split())
    return _normalize_unicode(name)


@lru_cache(maxsize=200_000)
def _normalize_unicode(name: str) -> str:
    text = name.translate(_DROP_MARKS).lower()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
        text = text.translate(_LETTER_MAP).translate(_DROP_MARKS)
    text = _SEPARATORS.sub(" ", text)
    text = _NOT_WORD.sub("", text)
    return " ".join(text.split())


def _base_words(normalized: str) -> list[str]:
    words = normalized.split()
    out: list[str] = []
    for index, word in enumerate(words):
        if word in ARTICLES and index < len(words) - 1:
            continue
        if index > 0 and len(word) >= 6:
            stripped = _GLUED_ARTICLE.sub("", word)
            # "elnaasan" → "naasan"; but only if a real name is left.
            if len(stripped) >= 4:
                word = stripped
        word = _WORD_EQUIVALENTS.get(word, word)
        out.append(word)
    if not out:
        return words
    return out


def _collapse(word: str) -> str:
    return _DOUBLED.sub(r"\1", word)


def base_key(name: str) -> str:
    """The article-free, spelling-unified, doubled-letter-collapsed key of a name."""
    normalized = normalize_name(name)
    return _base_key_of_normalized(normalized)


_TA_MARBUTA = re.compile(r"(?<=\w\w\w)(?:ah|eh|a|e)$")


def _base_word(word: str) -> str:
    if word.isascii():
        # English "ee" and "oo" are long i and u (Hajeen, Hajin; Sooran, Suran).
        word = word.replace("ee", "i").replace("oo", "u")
    word = _collapse(word)
    word = _WORD_EQUIVALENTS.get(word, word)
    if word.isascii():
        # French "ou" is u (Shughour, Mouzara); a final -ah/-eh/-e is one ending
        # spelled four ways (Karamah, Karama; Hasakeh, Hasakah).
        word = _TA_MARBUTA.sub("a", word.replace("ou", "u"))
    return _collapse(word)


@lru_cache(maxsize=200_000)
def _base_key_of_normalized(normalized: str) -> str:
    return "".join(_base_word(w) for w in _base_words(normalized))


def _skeleton_word(word: str) -> str:
    if not word:
        return ""
    if not word.isascii() or not word.isalpha():
        return word
    for old, new in _SKELETON_FOLDS:
        if old in word:
            word = word.replace(old, new)
    # ta marbuta: Hamah / Hama, Turnabah / Tarnaba.
    if len(word) > 3 and word.endswith("h") and word[-2] in _VOWELS:
        word = word[:-1]
    head = "a" if word[0] in "aeiou" else word[0]
    rest = "".join(c for c in word[1:] if c not in _VOWELS and c != "'")
    skeleton = _collapse(head + rest)
    # n before b is said m: Kafranbel / Kafr Nabl, Trumba / Tronba.
    return skeleton.replace("nb", "mb")


@lru_cache(maxsize=200_000)
def _skeleton_of_normalized(normalized: str) -> str:
    words = _base_words(normalized)
    skeleton = "".join(_skeleton_word(_WORD_EQUIVALENTS.get(w, w)) for w in words)
    return _collapse(skeleton).replace("nb", "mb")


def skeleton_key(name: str) -> str:
    """The consonant skeleton of a name: "Saraqib", "Saraqeb" and "Saraqab" all give "srkb"."""
    return _skeleton_of_normalized(normalize_name(name))


def name_keys(name: str) -> set[str]:
    """Match keys of a name, loosest last: normalised form, base key and consonant skeleton.

    Two spellings of the same place share at least one key. The keys are in one
    set for convenience; ``keys_by_level`` tells which level each key is.
    """
    return {key for key, _level in keys_by_level(name)}


def keys_by_level(name: str) -> list[tuple[str, int]]:
    """``(key, level)`` pairs: level 0 normalised, 1 base key, 2 skeleton; no key twice."""
    normalized = normalize_name(name)
    if not normalized:
        return []
    return [(normalized, 0), *looser_keys(normalized)]


def looser_keys(normalized: str) -> list[tuple[str, int]]:
    """Base key (level 1) and skeleton (level 2) of a normalised name, where they differ."""
    out = []
    base = _base_key_of_normalized(normalized)
    if base and base != normalized:
        out.append((base, 1))
    skeleton = _skeleton_of_normalized(normalized)
    # Short skeletons ("srk", "hms") would join unrelated names.
    if len(skeleton) >= 4 and skeleton != normalized and skeleton != base:
        out.append((skeleton, 2))
    return out


def similarity(a: str, b: str) -> float:
    """How alike two spellings are, 0..1, compared on their base keys."""
    key_a = base_key(a)
    key_b = base_key(b)
    if not key_a or not key_b:
        return 0.0
    return fuzz.ratio(key_a, key_b) / 100.0


def spelling_alternates(name: str, alternates: Iterable[str]) -> list[str]:
    """Latin-script alternates of a GeoNames place that add a spelling: no codes, URLs or duplicates.

    Read by the packaged gazetteer's build and by ``gazetteer import``, so both keep the same names.
    """
    seen = {normalize_name(name)}
    kept = []
    for alternate in alternates:
        alternate = alternate.strip()
        if not alternate or "http" in alternate or ";" in alternate:
            continue
        # IATA/ICAO and postal codes: "DAM", "OSDI", "75001".
        if (alternate.isupper() and len(alternate) <= 4) or any(c.isdigit() for c in alternate):
            continue
        # All-lowercase entries are machine romanisations of other scripts ("mwskw").
        if not is_latin(alternate) or alternate.islower():
            continue
        key = normalize_name(alternate)
        if len(key) < 2 or key in seen:
            continue
        seen.add(key)
        kept.append(alternate)
    return kept
