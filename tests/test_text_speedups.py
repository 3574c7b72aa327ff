"""The speed-ups of report de-identification change nothing: cache, first-character guards, end searches."""

from __future__ import annotations

import dataclasses
import re

import pytest

from cxrbuild.text import lexicon as lexicon_module
from cxrbuild.text.lexicon import default_lexicon
from cxrbuild.text.names import alternation
from cxrbuild.text.regex_store import RegexStore, shared_store
from cxrbuild.text.rules import default_rules
from cxrbuild.text.spans import (
    LETTER_CHARS,
    LETTERS,
    SCAN_END,
    CuedRegex,
    first_character_guard,
    literal_fold,
    prefix_scanner,
    required_literals,
    scan,
    search_at_end,
    trigger_strings,
)

TEXTS = [
    "Seen on 3/12 and 04/05/2019 at 0830; Dr. Pham (MRN 4471203) notified; BP 120/80, 5/5 strength.",
    "DISCUSSED WITH DR. O'NEIL AT 14:05. PT LIVES IN SALEM, MA 01970. ACC# RA08-0437079.",
    "comparison: chest x-ray of the 3rd. follow up in 2 weeks. (2019) called 617-555-1234 x22.",
    "Ward: Lister Ward  Loc: TISCH 4\n-- tjd\nRetired welder at Ocean Spray; Thanksgiving 2019.",
    "ıllinois 02758, maſſachusetts 02758, İSTANBUL: exotic letters that case-insensitive matching equates with i and s.",
    "",
]


def test_lexicon_cache_reads_back_the_same_lexicon(tmp_path) -> None:
    built = default_lexicon()
    path = tmp_path / "lexicon.marshal"
    lexicon_module._write_cache(path, built)
    assert lexicon_module._read_cache(path, built.digest) == built
    assert lexicon_module._read_cache(path, built.digest).place_phrases == built.place_phrases
    # a set holding the empty word keeps it; another digest or a damaged file is not used
    with_empty = dataclasses.replace(built, english=built.english | {""})
    lexicon_module._write_cache(path, with_empty)
    assert "" in lexicon_module._read_cache(path, built.digest).english
    assert lexicon_module._read_cache(path, "another digest") is None
    path.write_bytes(b"{not marshal data")
    assert lexicon_module._read_cache(path, built.digest) is None


def test_place_phrase_lookup_needs_every_word() -> None:
    lexicon = default_lexicon()
    first, sizes = next((first, sizes) for first, sizes in lexicon.place_phrases.items() if len(sizes) > 1)
    longest = next(name for name in lexicon.place_phrase_names if name.startswith(first + " ") and len(name.split()) == sizes[0])
    words = longest.split()
    assert lexicon.place_phrase_at(words, 0) == sizes[0]
    # at the end of the text, the first words of a longer place are never read as that place
    assert lexicon.place_phrase_at(words[: sizes[-1]], 0) in {0, sizes[-1]}
    assert lexicon.place_phrase_at(["x", *words], 0) == 0


@pytest.mark.parametrize("pattern", default_rules().patterns.patterns, ids=lambda p: p.name)
def test_a_guarded_pattern_finds_what_the_bare_regex_finds(pattern) -> None:
    bare = pattern.regex.pattern
    head = re.match(r"(\(\?[aiLmsux]+\))?\(\?i:\(\?=\[[^\]]*\]\)\)", bare)
    if head:
        bare = (head.group(1) or "") + bare[head.end():]
    unguarded = re.compile(bare, pattern.regex.flags)
    for text in TEXTS + [t.upper() for t in TEXTS] + [t.lower() for t in TEXTS]:
        assert [m.span() for m in pattern.regex.finditer(text)] == [m.span() for m in unguarded.finditer(text)]


def test_first_character_guard() -> None:
    guarded = first_character_guard(r"\b(?:on|since)\s+[0-9]+", re.IGNORECASE)
    assert guarded.startswith("(?i:(?=[os]))")
    assert first_character_guard(r"(?m)^\s*x|\by", 0) == r"(?m)^\s*x|\by"  # a blank may begin it: no guard
    assert first_character_guard(r"\(\s*x", 0) == r"\(\s*x"  # a plain first character: the engine skips ahead itself
    assert first_character_guard(r"\b(?:a|b)?", 0) == r"\b(?:a|b)?"  # may match nothing
    assert first_character_guard(r"(?i)\b(?:on|at)x").startswith("(?i)(?i:(?=[ao]))")


def test_alternation_guard_keeps_the_matches() -> None:
    phrases = ["Dr", "doctor", "mr.", "Mrs", "-x", "St. John"]
    body = alternation(phrases)
    assert body.startswith("(?=[")
    rx = re.compile(r"(?<![A-Za-z])(?:" + body + ")", re.IGNORECASE)
    text = "dr Smith, DOCTOR x, MRS. y, St.  John's, -x, mr.z ıllness"
    assert [m.group(0) for m in rx.finditer(text)] == ["dr", "DOCTOR", "MRS", "St.  John", "-x", "mr."]


def test_search_at_end_finds_the_same_match() -> None:
    assert len(LETTER_CHARS) == sum(ord(b) - ord(a) + 1 for a, b in zip(LETTERS[::3], LETTERS[2::3], strict=True))
    regex = re.compile(r"([" + LETTERS + r"][" + LETTERS + r"'’\-]*)(\.?)(,?)[ \t]*\Z")
    chars = LETTER_CHARS + "'’-.,\t "
    for window in ["seen by Jane Q. Roe, ", "12 -'O'Brien", "--", "", "a b c", "x9 Ça va", "end.\n"]:
        expected = regex.search(window)
        found = search_at_end(regex, window, chars)
        assert (expected and (expected.span(), expected.groups())) == (found and (found.span(), found.groups()))


@pytest.mark.parametrize("pattern", default_rules().patterns.patterns, ids=lambda p: p.name)
def test_a_scanner_finds_what_the_regex_finds(pattern) -> None:
    if pattern.scanner is None:
        return
    for text in TEXTS + [t.upper() for t in TEXTS] + [t.lower() for t in TEXTS]:
        expected = [(m.span(), m.span(pattern.group), m.groups()) for m in pattern.regex.finditer(text)]
        whole = [(m.start(), m.end(SCAN_END)) for m in scan(pattern.scanner, text)]
        groups = [(m.span(pattern.group) if pattern.group else None, m.groups()[:-1]) for m in scan(pattern.scanner, text)]
        assert [(span, group or span, rest) for span, (group, rest) in zip(whole, groups, strict=True)] == expected


def test_prefix_scanner() -> None:
    scanner = prefix_scanner(r"(?<![0-9A-Za-z])([0-9]{2})/[0-9]{2}", re.IGNORECASE)
    assert [(m.start(), m.end(SCAN_END), m.group(1)) for m in scan(scanner, "on 03/04 and 11/12/13")] == [
        (3, 8, "03"), (13, 18, "11")]
    # the case partners of a letter are written out: "K" (the Kelvin sign) begins a case-insensitive "k"
    assert [m.start() for m in scan(prefix_scanner(r"\bkg\b", re.IGNORECASE), "5 \u212ag")] == [2]
    assert prefix_scanner(r"[0-9]x", 0) is None  # a plain first class: the engine skips ahead itself
    assert prefix_scanner(r"\b([0-9])x\1", 0) is None  # a back-reference cannot sit inside the lookbehind


def test_required_literals() -> None:
    assert required_literals(r"\b(?:born|dated)\s+[0-9]+", re.IGNORECASE) == {"born", "dated"}
    assert required_literals(r"(?:Fort|Camp)?\s+[0-9]+") is None  # an optional word is required by no match
    assert required_literals(r"\bnhs[ \t]+(?:trust|board)") == {"trust", "board"}  # the most telling item
    # a case-insensitive "s" is also the long s: folded, the text holds the string wherever a match could be
    text = "diſtrict 5"
    assert re.search(r"(?i:district)", text) and "district" in literal_fold(text)
    assert literal_fold("İD \u212a") == "id k"


@pytest.mark.parametrize("pattern", [p for p in default_rules().patterns.patterns if p.triggers], ids=lambda p: p.name)
def test_a_pattern_matches_only_where_a_trigger_is(pattern) -> None:
    for text in TEXTS + [t.upper() for t in TEXTS] + [t.lower() for t in TEXTS]:
        if pattern.regex.search(text):
            assert any(trigger in literal_fold(text) for trigger in pattern.triggers)


def test_trigger_strings_leave_out_a_string_that_holds_another() -> None:
    assert trigger_strings(r"\b(?:admit|admitted|transfer)\s+to", re.IGNORECASE) == ("admit", "transfer")
    assert trigger_strings(r"\b(?:at|admitted)\s+[0-9]+", re.IGNORECASE) == ()  # "at" is in nearly every text


def _cued_regexes() -> list[tuple[str, CuedRegex]]:
    from cxrbuild.text import names, places

    default_rules()
    found = [(f"{module.__name__}.{key}", value) for module in (names, places) for key, value in vars(module).items()
             if isinstance(value, CuedRegex)]
    found += [(f"cues.{key}", value) for key, value in vars(default_rules().cues).items() if isinstance(value, CuedRegex)]
    return found


@pytest.mark.parametrize(("name", "cued"), _cued_regexes(), ids=lambda value: value if isinstance(value, str) else "")
def test_a_cued_regex_finds_what_its_regex_finds(name, cued) -> None:
    assert cued.triggers, f"{name}: no strings to look for, so the cue saves nothing"
    texts = [*TEXTS, "Employed at Acme Mills. Admitted to Lister 4. Address: 1 Elm St. Roe, Jane was notified.",
             "M.D. Jane Roe\nHOLY CROSS      DEPARTMENT OF RADIOLOGY\nthe Baker wing"]
    for text in texts + [t.upper() for t in texts] + [t.lower() for t in texts]:
        expected = [(m.span(), m.groups()) for m in cued.regex.finditer(text)]
        assert [(m.span(), m.groups()) for m in cued.finditer(text)] == expected


def test_regex_store_gives_back_the_same_patterns(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("CXRBUILD_CACHE_DIR", str(tmp_path))
    regexes = [(p.regex.pattern, p.regex.flags) for p in default_rules().patterns.patterns]
    first = RegexStore("test")
    compiled = [first.compile(regex, flags) for regex, flags in regexes]
    assert first.derived("double", lambda x: 2 * x, 21) == 42
    first.save()
    assert first.compile(r"\bclosed\b") is re.compile(r"\bclosed\b")  # once saved, re's own cache serves
    second = RegexStore("test")
    again = [second.compile(regex, flags) for regex, flags in regexes]
    assert second.derived("double", lambda x: 0, 21) == 42  # remembered, not computed again
    assert not second.missed  # everything came from the file
    for one, other in zip(compiled, again, strict=True):
        assert (one.pattern, one.flags, one.groups, one.groupindex) == (other.pattern, other.flags, other.groups, other.groupindex)
        for text in TEXTS + [t.upper() for t in TEXTS]:
            assert [m.span() for m in one.finditer(text)] == [m.span() for m in other.finditer(text)]
    # a damaged file is compiled again the ordinary way
    second.path.write_bytes(b"not marshal data")
    assert RegexStore("test").compile(r"\bx(?P<y>[0-9])").groupindex == {"y": 1}


def test_regex_store_alternations_match_as_re_compiles_them(tmp_path, monkeypatch) -> None:
    """Every regex of the rules, compiled by the store with its alternations grouped, finds what ``re`` finds."""
    default_rules()
    regexes = [key[1:] for key in shared_store().used if key[0] == "compile"]
    assert len(regexes) > 200
    monkeypatch.setenv("CXRBUILD_CACHE_DIR", str(tmp_path))
    store = RegexStore("test")
    texts = TEXTS + [t.upper() for t in TEXTS] + [t.lower() for t in TEXTS] + [
        "ſt. Kelvin ward, KCL 4.1 (Kelvin sign), na 140 mg, İnr 1.2, ınr 1.1, Co2 22, cr 90: on 3/4 seen at 0830",
        "Dr. ſmith / MRN: ſ12345678; follow up in clinic in 3/12, NA 140 k 4.1 cl 101 hco3 22 BUN 12 CREAT 88 1415",
    ]
    for regex, flags in regexes:
        ours, theirs = store.compile(regex, flags), re.compile(regex, flags)
        for text in texts:
            assert [(m.span(), m.groups()) for m in ours.finditer(text)] == [(m.span(), m.groups()) for m in theirs.finditer(text)], regex


def test_grouped_alternations_keep_their_order_and_case_partners() -> None:
    store = RegexStore("test")
    store.path = None
    for regex, flags, text in [
        (r"(?:k|kcal|kg)(?P<rest>\w*)", re.IGNORECASE, "KCAL kg \u212acal k"),
        (r"(?:st|s|ſt)\.", re.IGNORECASE, "ſt. St. s. ST."),
        (r"(?:ab|ac|a)(c?)", 0, "abc acc ac a"),
        (r"(?:on|of|or|in)\s+\d", re.IGNORECASE, "ON 3 of 4 In 5 ıN 6 İn 7"),
        (r"\b(a)\d|\b[a-c](\d+)|x|\b(?:ab|a)", re.IGNORECASE, "a1 b22 ab x a c3 xa1"),
        (r"(?:[0-9]a|[0-9]b|(?<=-)[0-9]c|[0-9]+)", 0, "1a 2b -3c 44 5c"),
    ]:
        ours, theirs = store.compile(regex, flags), re.compile(regex, flags)
        assert [(m.span(), m.groups()) for m in ours.finditer(text)] == [(m.span(), m.groups()) for m in theirs.finditer(text)]


def test_needles_found_in_one_pass_are_the_needles_in_the_text() -> None:
    finder = default_rules().patterns
    texts = TEXTS + [t.upper() for t in TEXTS] + ["march 3rd, mar 4: a.m. a m am", "air base, air force; .co.uk .com"]
    for text in texts:
        lowered = text.lower()
        found = set().union(*(finder.needles_opening[n] for n in set(finder.needle_re.findall(lowered))))
        assert found == {needle for needle in finder.needles if needle in lowered}


def test_grouped_alternations_beyond_the_basic_plane() -> None:
    """Case partners of a basic-plane letter are all in the basic plane (what the store's rewrite reads);
    literals beyond it are left as they are."""
    import _sre

    assert not any(_sre.unicode_tolower(code) < 0x10000 for code in range(0x10000, 0x110000))
    store = RegexStore("test")
    store.path = None
    for regex, flags, text in [
        ("(?:\U00010400a|\U00010401b|\U00010400c)", re.IGNORECASE, "\U00010428c \U00010401B \U00010400a"),
        ("(?:\U0001F600x|\U0001F603y|\U0001F600z)", 0, "\U0001F600z \U0001F603y"),
    ]:
        ours, theirs = store.compile(regex, flags), re.compile(regex, flags)
        assert [m.span() for m in ours.finditer(text)] == [m.span() for m in theirs.finditer(text)]


def test_a_scanned_regex_survives_pickling_and_copying() -> None:
    import copy
    import pickle

    from cxrbuild.text.names import ScannedRegex

    scanned = ScannedRegex(re.compile(r"(?<![A-Za-z])(?:ward|bay) \d+", re.IGNORECASE))
    text = "moved to Ward 7 then BAY 12"
    for twin in (pickle.loads(pickle.dumps(scanned)), copy.deepcopy(scanned), copy.copy(scanned)):
        assert isinstance(twin, ScannedRegex)
        assert [m.span() for m in twin.finditer(text)] == [m.span() for m in scanned.finditer(text)] == [(9, 15), (21, 27)]
