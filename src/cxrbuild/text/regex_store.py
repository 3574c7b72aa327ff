"""Compiled regular expressions kept on disk between processes, so the report rules start without re-parsing.

Python compiles a regular expression in two steps written in Python (parse,
then generate the engine's code) and only then hands the code to its C
engine; for the hundred-odd long patterns of ``patterns.yaml``, and what the
rules read from them (first-character guards, scanners, required strings),
that is a large part of ``cxrbuild deid-reports``'s start-up. This store
keeps, per regex and flags, the engine code Python generated, and per
derivation its result; a later process gives the same code to the same C
engine (``_sre.compile``, what ``re.compile`` ends with): the same compiled
pattern, without the two Python steps.

The file is keyed by the Python version, the engine's code format and the
source of the modules whose functions it remembers, so a change of any of
them starts a fresh file; an unreadable file, or an entry the engine refuses,
is compiled again the ordinary way.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import marshal
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cxrbuild.util.atomic import atomic_write_bytes
from cxrbuild.util.paths import cache_directory

log = logging.getLogger(__name__)


def _engine() -> tuple[Any, Any, Any, Any] | None:
    """Python's regex internals this store needs (the parser, the code generator, their constants, the C engine)."""
    try:
        import _sre
        from re import _compiler, _constants, _parser

        return _parser, _compiler, _constants, _sre
    except ImportError:
        return None


class RegexStore:
    """Compiled regexes and derivations remembered in one file; :meth:`save` writes what this process used.

    After :meth:`save` the store is closed: later regexes (a report's own,
    such as its deny list's) are compiled by ``re`` itself and kept in its
    own bounded cache, not remembered here.
    """

    def __init__(self, name: str, sources: tuple[Path, ...] = ()) -> None:
        self.engine = _engine()
        self.path: Path | None = None
        self.saved: dict = {}
        self.used: dict = {}
        self.missed = False
        self.closed = False
        directory = cache_directory()
        if directory is None or self.engine is None:
            return
        sha = hashlib.sha256()
        try:
            for source in sources:
                sha.update(source.read_bytes())
        except OSError:
            return  # a source cannot be read (a zipped install): no store
        python = f"py{sys.version_info[0]}{sys.version_info[1]}{sys.version_info[2]}-sre{self.engine[2].MAGIC}"
        self.path = directory / f"regex-{name}-{python}-{sha.hexdigest()[:12]}.marshal"
        try:
            loaded = marshal.loads(self.path.read_bytes())
            if isinstance(loaded, dict):
                self.saved = loaded
        except (OSError, ValueError, EOFError, TypeError) as err:
            log.debug("regex store %s not used (%s)", self.path, err)

    def compile(self, regex: str, flags: int = 0) -> re.Pattern[str]:
        """``re.compile(regex, flags)``, from the stored engine code when there is some."""
        if self.engine is None or self.closed:
            return re.compile(regex, flags)
        _parser, _compiler, _constants, _sre = self.engine
        flags = int(flags)  # a RegexFlag is an int that marshal does not store
        key = ("compile", regex, flags)
        entry = self.saved.get(key)
        if entry is not None:
            try:
                compiled = _sre.compile(regex, *entry)
                self.used[key] = entry
                return compiled
            except Exception as err:  # a damaged entry: compiled again below
                log.debug("regex store entry not used (%s)", err)
        try:
            # re._compiler.compile, step by step, keeping what it hands to the engine
            parsed = _parser.parse(regex, flags)
            _group_alternatives(parsed, int(parsed.state.flags | flags), self.engine)
            code = [int(op) for op in _compiler._code(parsed, flags)]  # named opcode constants stored as the ints they are
            groupindex = dict(parsed.state.groupdict)
            indexgroup = [None] * parsed.state.groups
            for group_name, index in groupindex.items():
                indexgroup[index] = group_name
            entry = (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
            compiled = _sre.compile(regex, *entry)
        except re.error:
            raise
        except Exception as err:  # internals not as this module knows them: the ordinary way
            log.debug("regex store bypassed (%s)", err)
            return re.compile(regex, flags)
        self.used[key] = entry
        self.missed = True
        return compiled

    def derived(self, name: str, function: Callable[..., Any], *args: Any) -> Any:
        """``function(*args)``, remembered under ``name`` and the arguments (plain data in, plain data out)."""
        if self.closed:
            return function(*args)
        args = tuple(int(a) if isinstance(a, re.RegexFlag) else a for a in args)
        key = ("derived", name, args)
        if key in self.saved:
            value = self.saved[key]
        else:
            value = function(*args)
            self.missed = True
        self.used[key] = value
        return value

    def save(self) -> None:
        """Write the entries this process used, when any was missing from the file; then close the store."""
        self.closed = True
        if not self.missed or self.path is None:
            return
        try:
            data = marshal.dumps(self.used)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.path, data)
            self.saved, self.missed = dict(self.used), False
        except (OSError, ValueError) as err:
            log.debug("regex store %s not written (%s)", self.path, err)


@functools.cache
def _basic_plane() -> str:
    """Every character of Unicode's basic plane, in order."""
    return "".join(map(chr, range(0x10000)))


@functools.cache
def _literal_matches(engine: tuple[Any, Any, Any, Any], code: int, flags: int) -> str:
    """Every character that the literal ``chr(code)`` matches under ``flags`` (its case partners when
    case-insensitive; a literal of the basic plane has all of them there: the planes beyond map case
    among their own letters); "" (unknown) for a literal beyond the basic plane."""
    _parser, _compiler, c, _sre = engine
    if code > 0xFFFF:
        return ""
    single = _parser.SubPattern(_parser.State(), [(c.LITERAL, code)])
    return "".join(_compiler.compile(single, flags).findall(_basic_plane()))


def _group_alternatives(sub: Any, flags: int, engine: tuple[Any, Any, Any, Any]) -> None:
    """Rewrite the parsed regex ``sub`` (in place) so that the engine tries its alternations faster, same matches.

    Python's engine tries an alternation's branches one by one; it skips a
    branch at once only when the branch opens with a case-sensitive literal
    (or class) the character at hand is not. Case-insensitive word lists
    ("na|k|cl|co2|..." after ``(?i)``) are therefore entered branch by branch
    at every position. Two rewrites, each leaving the matches, their order of
    preference and every group as they were:

    * branches opening with literals that match the same characters become one
      branch, that literal then the alternation of their rests in their order
      ("cl|co2|cr" → "c(?:l|o2|r)"); done only when the openings of the
      alternation match pairwise the same or disjoint characters, so that at
      any position one group at most can go on, and the order among groups is
      moot;
    * neighbouring branches opening with the same one-position test become one
      branch likewise, whatever the others open with (:func:`_grouped_neighbours`);
    * a case-insensitive literal opening a branch becomes the case-sensitive
      class of the characters it matches ("k" → "(?-i:[Kk\u212a])").
    """
    _parser, _compiler, c, _sre = engine
    ignore_case = bool(flags & c.SRE_FLAG_IGNORECASE) and not flags & c.SRE_FLAG_LOCALE and bool(flags & c.SRE_FLAG_UNICODE)
    for index, (op, av) in enumerate(sub.data):
        if op is c.BRANCH:
            grouped = _grouped_branches(av[1], flags, engine)
            if grouped is not None:
                av = (av[0], grouped)
                sub.data[index] = (op, av)
            for branch in av[1]:
                partners = ""
                if ignore_case and branch.data and branch.data[0][0] is c.LITERAL and _sre.unicode_iscased(branch.data[0][1]):
                    partners = _literal_matches(engine, branch.data[0][1], flags)
                if partners:
                    sensitive = _parser.SubPattern(branch.state, [(c.IN, [(c.LITERAL, ord(ch)) for ch in partners])])
                    branch.data[0] = (c.SUBPATTERN, (None, 0, c.SRE_FLAG_IGNORECASE, sensitive))
                _group_alternatives(branch, flags, engine)
        elif op is c.SUBPATTERN:
            _group_alternatives(av[3], _compiler._combine_flags(flags, av[1], av[2]), engine)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            _group_alternatives(av[2], flags, engine)
        elif op in (c.ASSERT, c.ASSERT_NOT):
            _group_alternatives(av[1], flags, engine)
        elif op is c.ATOMIC_GROUP:
            _group_alternatives(av, flags, engine)
        elif op is c.GROUPREF_EXISTS:
            for item in av[1:]:
                if item is not None:
                    _group_alternatives(item, flags, engine)


def _grouped_branches(branches: list, flags: int, engine: tuple[Any, Any, Any, Any]) -> list | None:
    """The branches of an alternation grouped by their opening (see :func:`_group_alternatives`), or None
    when they cannot be or nothing would change."""
    _parser, _compiler, c, _sre = engine
    groups: dict[str, list] = {}
    for branch in branches:
        characters = _literal_matches(engine, branch.data[0][1], flags) if branch.data and branch.data[0][0] is c.LITERAL else ""
        if not characters:
            return _grouped_neighbours(branches, engine)
        groups.setdefault(characters, []).append(branch)
    seen: set[str] = set()
    for characters in groups:
        if not seen.isdisjoint(characters):
            return _grouped_neighbours(branches, engine)
        seen.update(characters)
    if len(groups) == len(branches):
        return None
    return [_shared_opening(members, engine) for members in groups.values()]


def _grouped_neighbours(branches: list, engine: tuple[Any, Any, Any, Any]) -> list | None:
    """Neighbouring branches that open with the same one-position test (a literal, a class, a boundary) made one
    ("\\bx|\\by|z" → "\\b(?:x|y)|z"): the test passes or fails for all of them at once, and holds no choice to
    go back to, so their order and everything else stay as they were; None when no two neighbours share one."""
    _parser, _compiler, c, _sre = engine
    runs: list[list] = []
    for branch in branches:
        opening = branch.data[0] if branch.data else None
        if runs and opening is not None and opening[0] in (c.LITERAL, c.NOT_LITERAL, c.IN, c.ANY, c.AT) and (
            runs[-1][0].data and runs[-1][0].data[0] == opening
        ):
            runs[-1].append(branch)
        else:
            runs.append([branch])
    if len(runs) == len(branches):
        return None
    return [_shared_opening(members, engine) for members in runs]


def _shared_opening(members: list, engine: tuple[Any, Any, Any, Any]) -> Any:
    """One branch for ``members``, which open alike: their first opening, then the alternation of their rests."""
    _parser, _compiler, c, _sre = engine
    if len(members) == 1:
        return members[0]
    state = members[0].state
    rests = [_parser.SubPattern(state, list(member.data[1:])) for member in members]
    return _parser.SubPattern(state, [members[0].data[0], (c.BRANCH, (None, rests))])


@functools.cache
def shared_store() -> RegexStore:
    """The store of the report rules' regexes, one per process (written, and closed, when the rules are loaded).

    Its file is named by the modules whose derivations it remembers (this one,
    :mod:`~cxrbuild.text.spans` and :mod:`~cxrbuild.text.patterns`).
    """
    here = Path(__file__).resolve().parent
    return RegexStore("rules", (here / "regex_store.py", here / "spans.py", here / "patterns.py"))
