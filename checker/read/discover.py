"""Turning the paths a user gives (files, folders, globs) into digests, one per day.

Every path the walk meets is its own error boundary: a folder that cannot be listed, a file that cannot
be looked at, a FIFO or socket named like a digest, are each one problem line, and the walk goes on.
Folder walks do not follow links to folders (as ``Path.rglob``); a ``**`` glob follows them (as
``glob.glob``) but never into a folder it is already inside, so a link loop cannot make it run forever.
File names are whatever bytes the file system holds (``os.fsdecode``): the report shows them escaped.
"""

from __future__ import annotations

import fnmatch
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from checker.model import DigestFormat, InputProblem, Severity
from checker.read.naming import parse_file_name
from checker.read.source import DigestSource, open_source, open_stdin

DIGEST_SUFFIXES = (".jsonl", ".md", ".markdown")
STDIN = "-"  # standard input, read as a stream (through /dev/stdin) and shown as <stdin>
_STDIN_PATH = Path("/dev/stdin")
MAX_GLOB_FOLDERS = 100_000  # folders a ``**`` glob may enter before it stops (a tree of links can be huge)
_MAGIC = re.compile(r"[*?[]")
_SEPARATORS = ("/", os.sep)
_SPLIT = re.compile(r"[/\\]" if os.sep == "\\" else "/")


@dataclass
class Discovery:
    sources: list[DigestSource] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)  # paths that matched nothing


def _problem(path: str | Path, message: str, code: str = "unreadable",
             severity: Severity = Severity.error) -> InputProblem:
    return InputProblem(path=str(path), code=code, severity=severity, message=message)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


class _Walk:
    """The files of one argument, and the problems met on the way."""

    def __init__(self) -> None:
        self.problems: list[InputProblem] = []
        self.folders = 0
        self._unlisted: set[str] = set()

    def _list(self, folder: str) -> list[os.DirEntry[str]]:
        try:
            with os.scandir(folder or ".") as entries:
                return list(entries)
        except OSError as exc:
            if folder not in self._unlisted:  # a glob may come back to it: one line
                self._unlisted.add(folder)
                self.problems.append(_problem(folder, f"cannot list folder: {exc.strerror}",
                                              severity=Severity.warning))
            return []

    def candidate(self, path: str, entry: os.DirEntry[str] | None = None) -> bool:
        """Whether ``path`` is a regular file (links followed); a special file is a problem line."""
        try:
            mode = entry.stat().st_mode if entry is not None else os.stat(path).st_mode
        except FileNotFoundError:  # a dangling link
            return False
        except OSError as exc:
            self.problems.append(_problem(path, f"cannot read: {exc.strerror}"))
            return False
        if stat.S_ISREG(mode):
            return True
        if not stat.S_ISDIR(mode):
            self.problems.append(_problem(path, f"{_kind(mode)}, not read", severity=Severity.warning))
        return False

    def folder(self, root: Path) -> list[Path]:
        """Dated digest files under ``root``, links to folders not followed."""
        found: list[Path] = []
        stack = [str(root)]
        while stack:
            for entry in self._list(stack.pop()):
                try:
                    is_folder = entry.is_dir(follow_symlinks=False)
                except OSError:
                    is_folder = False
                if is_folder:
                    stack.append(entry.path)
                    continue
                path = Path(entry.path)
                if path.suffix.lower() in DIGEST_SUFFIXES and parse_file_name(path).date is not None and \
                        self.candidate(entry.path, entry):
                    found.append(path)
        return sorted(found)

    def glob(self, pattern: str) -> list[str]:
        """``glob.glob(pattern, recursive=True)``, with link loops cut (see the module's doc).

        The paths start with the pattern's literal folders as written, as glob.glob's do.
        """
        if pattern.endswith(_SEPARATORS):
            return []  # folders only: never a digest file
        pieces = _SPLIT.split(pattern)
        first = next((i for i, piece in enumerate(pieces) if _MAGIC.search(piece)), len(pieces))
        literal = sum(len(piece) + 1 for piece in pieces[:first])  # the folders before it, separators included
        base = pattern[:literal - 1] if first else ""
        if first and not base:
            base = pattern[0]  # the root folder
        parts = [piece for piece in pieces[first:] if piece]
        return list(dict.fromkeys(self._match(base, parts, frozenset())))

    def _match(self, base: str, parts: list[str], inside: frozenset[tuple[int, int]]) -> Iterator[str]:
        if not parts:
            yield base
            return
        part, rest = parts[0], parts[1:]
        if part == "**":  # this folder and every one below it; last, every file below too
            yield from self._match(base, rest, inside)
            try:
                here = os.stat(base or ".")
            except OSError:
                return
            inside = inside | {(here.st_dev, here.st_ino)}
            for entry in self._list(base):
                if entry.name.startswith("."):
                    continue
                if not _is_folder(entry):
                    if not rest:
                        yield os.path.join(base, entry.name)
                    continue
                try:
                    target = entry.stat()
                except OSError:
                    continue
                if (target.st_dev, target.st_ino) in inside:
                    continue  # a link back to a folder the walk is inside: a loop
                self.folders += 1
                if self.folders > MAX_GLOB_FOLDERS:
                    if self.folders == MAX_GLOB_FOLDERS + 1:
                        self.problems.append(_problem(base, f"glob stopped after {MAX_GLOB_FOLDERS} folders",
                                                      severity=Severity.warning))
                    return
                yield from self._match(os.path.join(base, entry.name), parts, inside)
            return
        if not _MAGIC.search(part):
            path = os.path.join(base, part)
            if not rest:
                if os.path.lexists(path):
                    yield path
            elif os.path.isdir(path):
                yield from self._match(path, rest, inside)
            return
        for entry in self._list(base):
            if entry.name.startswith(".") and not part.startswith("."):
                continue
            if not fnmatch.fnmatchcase(entry.name, part):
                continue
            path = os.path.join(base, entry.name)
            if not rest:
                yield path
            elif _is_folder(entry):
                yield from self._match(path, rest, inside)


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _expand(arg: str, walk: _Walk) -> tuple[list[Path], InputProblem | None]:
    """Files named by one argument, or the problem that it names none."""
    if arg == STDIN:
        return [_STDIN_PATH], None
    path = Path(arg)
    try:
        is_folder = path.is_dir()
        exists = is_folder or path.exists()
    except OSError as exc:  # inside a folder that cannot be searched
        return [], _problem(arg, f"cannot read: {exc.strerror}")
    if is_folder:
        found = walk.folder(path)
        if found or walk.problems:
            return found, None
        return [], _problem(arg, "no digest files in this folder (dated .jsonl or .md files)", code="not-found")
    if exists:
        return [path], None
    if _MAGIC.search(arg):
        matches = [Path(p) for p in walk.glob(arg)]
        files = sorted(p for p in matches if walk.candidate(str(p)))
        if files or walk.problems:
            return files, None
    return [], _problem(arg, "no such file, folder or match", code="not-found")


def _preference(source: DigestSource) -> float:
    """Lower is better: the AI JSONL holds the abstracts and the exact AI text.

    An empty AI JSONL loses to a Markdown with papers, but beats a degenerate one (it finds the raw crawl).
    """
    if source.format is DigestFormat.jsonl:
        return 2.5 if any(p.code == "no-papers" for p in source.problems) else 0
    if source.format in (DigestFormat.markdown, DigestFormat.markdown_early):
        return 1
    if source.format is DigestFormat.markdown_extended:
        return 2
    if source.format is DigestFormat.markdown_degenerate:
        return 3
    return 4


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a link loop (RuntimeError before Python 3.13)
        return path.absolute()


def discover_sources(args: list[str], default_language: str = "zh") -> Discovery:
    discovery = Discovery()
    files: list[Path] = []
    seen: set[Path] = set()
    stdin: Path | None = None  # the path object '-' stands for, opened as standard input
    for arg in args:
        walk = _Walk()
        expanded, problem = _expand(arg, walk)
        discovery.problems.extend(walk.problems)
        if problem is not None:
            discovery.problems.append(problem)
        for path in expanded:
            if arg == STDIN:
                path = stdin = Path(_STDIN_PATH)
            resolved = _resolved(path)
            if resolved not in seen:
                seen.add(resolved)
                files.append(path)
    groups: dict[str, list[DigestSource]] = {}
    sort_keys: dict[str, tuple[str, str, str]] = {}
    for path in files:
        name = parse_file_name(path)
        key = name.day_key or f"file:{path}"
        if key not in groups:
            groups[key] = []
            # Days in date order, whatever folder they sit in: the order must not depend on where
            # the digests were cloned. Undated files come last, by path.
            sort_keys[key] = (name.date or "9999", name.prefix if name.date else str(path), str(path.parent))
        groups[key].append(open_stdin(default_language) if path is stdin else open_source(path, default_language))
    for key in sorted(groups, key=lambda k: sort_keys[k]):
        candidates = groups[key]
        if len(candidates) > 1:
            # A raw crawl is only the reference for dropped papers when an AI file of the day exists.
            ai_files = [c for c in candidates if c.format is not DigestFormat.jsonl_raw]
            if ai_files:
                candidates = ai_files
        chosen = min(candidates, key=lambda s: (_preference(s), str(s.path)))
        chosen.skipped_duplicates = sorted(c.path for c in groups[key] if c is not chosen and
                                           c.format is not DigestFormat.jsonl_raw)
        discovery.sources.append(chosen)
    return discovery
