"""Finding the sheets in ``content.xml`` as it is inflated, within the reader's limits.

:class:`Member` inflates ``content.xml`` a chunk at a time against :data:`MAX_CONTENT_BYTES`;
:class:`Scanner` finds the start and end tags of the top-level tables with a byte search as the
bytes arrive and feeds the start tag of each, and the whole of each wanted one, to an XML parser
whose callbacks (:class:`ilacs._ods.build.Events`) build the sheets (see :mod:`ilacs._ods`).
"""

from __future__ import annotations

import contextlib
import os
import re
import struct
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Callable, Mapping
from typing import IO, Final

import attrs

from ilacs._ods import build
from ilacs._ods.build import OFFICE_NS, TABLE_NS, Events, Exceeded
from ilacs._ods.sheets import Sheet
from ilacs.errors import FileFormatError

__all__ = ["ODS_MIMETYPE", "Member", "Scan", "scan"]

# --- Constants ---------------------------------------------------------------------------------

ODS_MIMETYPE: Final = "application/vnd.oasis.opendocument.spreadsheet"
"""The ``mimetype`` member of an ODS archive (OpenDocument 1.2 part 3, section 3.3)."""

# --- Reading the archive -----------------------------------------------------------------------

# Errors the standard library raises for archives that are not zips, are cut short or damaged.
_ARCHIVE_ERRORS: Final = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,  # an unsupported compression method
    RuntimeError,  # an encrypted member
    struct.error,
    OverflowError,
    ValueError,  # e.g. a negative offset or an undecodable member name in a damaged directory
)
_ARCHIVE_EXPECTED: Final = "an OpenDocument spreadsheet (a zip archive holding content.xml)"
_CHUNK: Final = 1 << 20  # bytes of content.xml inflated at a time
_FEED: Final = 1 << 16  # bytes of a sheet given to the XML parser at a time


def unreadable(file: str, error: OSError) -> FileFormatError:
    """The error for a file that cannot be opened or read (both readers raise it)."""
    return FileFormatError(
        file, "file", file, "a readable file", f"{type(error).__name__}: {error}"
    )


def _damaged(file: str, error: Exception) -> FileFormatError:
    if isinstance(error, OSError):
        return unreadable(file, error)
    return FileFormatError(
        file, "file", f"{type(error).__name__}: {error}", _ARCHIVE_EXPECTED, "not a zip or damaged"
    )


class Member:
    """``content.xml`` of an ODS archive, inflated a chunk at a time against
    :data:`MAX_CONTENT_BYTES`; every failure of the archive is a :class:`FileFormatError`."""

    def __init__(self, file: str, path: str | os.PathLike[str]) -> None:
        self.file = file
        self.inflated = 0
        self.archive: zipfile.ZipFile | None = None
        self.stream: IO[bytes] | None = None
        try:
            self.archive = zipfile.ZipFile(path)
            self._check(self.archive)
            self.stream = self.archive.open("content.xml")
        except FileFormatError:
            self.close()
            raise
        except (OSError, *_ARCHIVE_ERRORS) as error:
            self.close()
            raise _damaged(file, error) from error

    def _check(self, archive: zipfile.ZipFile) -> None:
        members = archive.namelist()
        if "mimetype" in members:
            with archive.open("mimetype") as stream:  # read a bounded prefix: it may be a bomb
                mimetype = stream.read(len(ODS_MIMETYPE) + 64)
            if mimetype.strip() != ODS_MIMETYPE.encode():
                found = mimetype.decode("utf-8", "replace")
                raise FileFormatError(self.file, "mimetype", found, ODS_MIMETYPE)
        if "content.xml" not in members:
            raise FileFormatError(
                self.file, "content.xml", tuple(members), "a member named content.xml"
            )
        declared = archive.getinfo("content.xml").file_size
        if declared > build.MAX_CONTENT_BYTES:
            found = f"{declared:,} bytes (the size its zip header declares)"
            raise Exceeded("MAX_CONTENT_BYTES", "content.xml", found, "bytes").error(self.file)

    def read(self) -> bytes:
        """The next chunk of ``content.xml``; ``b""`` at its end (after its checksum passed)."""
        assert self.stream is not None
        try:
            chunk = self.stream.read(_CHUNK)
        except (OSError, *_ARCHIVE_ERRORS) as error:
            raise _damaged(self.file, error) from error
        # Count what was really inflated: the zip header's size may understate it.
        self.inflated += len(chunk)
        if self.inflated > build.MAX_CONTENT_BYTES:
            found = f"more than {build.MAX_CONTENT_BYTES:,} bytes inflated"
            raise Exceeded("MAX_CONTENT_BYTES", "content.xml", found, "bytes").error(self.file)
        return chunk

    def close(self) -> None:
        for thing in (self.stream, self.archive):
            if thing is not None:
                with contextlib.suppress(OSError, *_ARCHIVE_ERRORS):
                    thing.close()


# --- Finding the sheets in content.xml ---------------------------------------------------------

# The prolog before the root element: white space, processing instructions, comments and a
# document type declaration (whose internal subset is skipped whole: its entities are never
# defined for the parser, so a sheet that uses one is malformed). Written so that the regular
# expression engine never backtracks (no two ways to match the same bytes).
_PROLOG = re.compile(
    rb"(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[[^\]]*\])*>)*", re.DOTALL | re.IGNORECASE
)
# A start tag's attributes; a value cannot hold "<" in well-formed XML, so no tag holds one.
_ATTRIBUTES = rb"""((?:\s+[^\s=/<>]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(/?)>"""
_START_TAG = re.compile(rb"<([^\s/<>!?]+)" + _ATTRIBUTES)
_ENCODING = re.compile(rb"""<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_TAG_END: Final = frozenset(b" \t\r\n/>")


def _malformed(file: str, error: Exception, sheet: str | None = None) -> FileFormatError:
    return FileFormatError(file, "content.xml", str(error), "well-formed XML", sheet=sheet)


def _root_namespaces(file: str, tag: bytes) -> tuple[str, dict[str, str]]:
    """The root element's name and its namespace declarations (URI to prefix)."""
    parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("start-ns", "start"))
    try:
        parser.feed(tag)
        parser.close()
    except ET.ParseError as error:
        raise _malformed(file, error) from error
    name = ""
    prefixes: dict[str, str] = {}
    for event in parser.read_events():
        item = event[-1]
        if isinstance(item, ET.Element):
            name = item.tag
        elif isinstance(item, tuple) and len(item) == 2:  # a start-ns event: (prefix, uri)
            prefixes.setdefault(str(item[1]), str(item[0]))
    return name, prefixes


@attrs.frozen
class Scan:
    """What one pass over ``content.xml`` found: every sheet's name, and the sheets wanted."""

    file: str
    names: tuple[str, ...]
    sheets: Mapping[int, Sheet]  # by index in names

    def sheet(self, name: str) -> Sheet:
        found = [index for index, each in enumerate(self.names) if each == name]
        if len(found) != 1:
            expected = f"one of the file's sheets {self.names!r}"
            detail = "the file has two sheets of that name" if found else None
            raise FileFormatError(self.file, "sheet", name, expected, detail)
        return self.sheets[found[0]]


def scan(path: str | os.PathLike[str], wanted: Callable[[str], bool]) -> Scan:
    """Inflate ``content.xml`` once, list its sheets and parse those ``wanted`` says."""
    file = os.fspath(path)
    member = Member(file, path)
    try:
        scanner = Scanner(file, wanted)
        while chunk := member.read():
            scanner.feed(chunk)
        return scanner.finish()
    finally:
        member.close()


class Scanner:
    """Finds the top-level tables of ``content.xml`` as it is inflated, a chunk at a time.

    A byte search pairs the start and end tags of ``table:table`` (counting nested tables);
    the start tag of each top-level table goes to an XML parser that reads its name, and the
    bytes of a wanted table go to the same parser, whose events build the sheet
    (:class:`_Builder`). Nothing else of the document is parsed or kept.
    """

    def __init__(self, file: str, wanted: Callable[[str], bool]) -> None:
        self.file = file
        self.wanted = wanted
        self.data = b""  # bytes not yet searched (a tag cut by the end of a chunk stays)
        self.position = 0  # offset in content.xml of data[0]
        self.tables: _Tables | None = None  # set once the root element is read
        self.no_tables = False  # the document does not declare the table namespace
        self.depth = 0  # table elements open, by the byte search
        self.fed = 0  # in a wanted table: how much of data the parser has had

    def feed(self, chunk: bytes) -> None:
        self.data += chunk
        if self.tables is None and not self.no_tables and not self._root(final=False):
            if len(self.data) > build.MAX_TOKEN_BYTES:
                raise self._late_root()
            return
        if self.no_tables:
            self.data = b""
            return
        self._search()

    def finish(self) -> Scan:
        if self.tables is None and not self.no_tables:
            self._root(final=True)
        if self.tables is None:
            return Scan(self.file, (), {})
        tables = self.tables
        if self.depth:
            raise _malformed(
                self.file,
                ValueError(f"the sheet {tables.events.name!r} is not closed"),
                tables.events.name,
            )
        return Scan(self.file, tuple(tables.events.names), dict(tables.events.sheets))

    def _root(self, *, final: bool) -> bool:
        """Read the prolog and the root's start tag; False while more bytes are needed."""
        data = self.data
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise FileFormatError(self.file, "content.xml", "UTF-16", "UTF-8 encoded XML")
        begin = 3 if data.startswith(b"\xef\xbb\xbf") else 0
        prolog = _PROLOG.match(data, begin)
        root = _START_TAG.match(data, prolog.end() if prolog else begin)
        if root is None and not final:
            return False
        declared = _ENCODING.match(data, begin)
        if declared and declared.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
            found = declared.group(1).decode()
            raise FileFormatError(self.file, "content.xml", found, "UTF-8 encoded XML")
        if root is None or root.group(3):
            raise _malformed(self.file, ValueError("no root element with content"))
        if root.end() > build.MAX_TOKEN_BYTES:
            raise self._late_root()
        attributes = root.group(2)
        name, prefixes = _root_namespaces(self.file, b"<" + root.group(1) + attributes + b"/>")
        if name != "{" + OFFICE_NS + "}document-content":
            raise FileFormatError(
                self.file, "content.xml", name, "an office:document-content root element"
            )
        table_prefix = prefixes.get(TABLE_NS)
        self.position = root.end()
        self.data = data[root.end() :]
        if table_prefix is None:  # no table namespace, so no sheets
            self.no_tables = True
            self.data = b""
            return True
        qname = (table_prefix + ":" if table_prefix else "").encode() + b"table"
        self.tables = _Tables(self.file, self.wanted, qname, attributes)
        return True

    def _late_root(self) -> FileFormatError:
        found = f"no root element in its first {build.MAX_TOKEN_BYTES:,} bytes"
        unit = "bytes before the root element's start tag ends"
        return Exceeded("MAX_TOKEN_BYTES", "content.xml", found, unit).error(self.file)

    def _search(self) -> None:
        tables = self.tables
        assert tables is not None
        data = self.data
        # Tags in the order they appear: (start, end, None for an end tag or the start match).
        tags: list[tuple[int, int, re.Match[bytes] | None]] = [
            (match.start(), match.end(), match) for match in tables.starts.finditer(data)
        ]
        ends = [(match.start(), match.end(), None) for match in tables.ends.finditer(data)]
        if ends:
            tags.extend(ends)
            tags.sort(key=lambda tag: tag[0])
        searched = 0
        for start, end, match in tags:
            if match is not None:
                self._start_tag(start, end, match)
            else:
                self._end_tag(start, end)
            searched = end
        # Keep a tag cut short by the end of the chunk: the last "<" if it may begin one.
        keep = len(data)
        cut = data.rfind(b"<", searched)
        if cut >= 0 and tables.may_begin_tag(data, cut):
            keep = cut
        if tables.parsing:
            tables.feed(memoryview(data)[self.fed :])
            self.fed = len(data) - keep
        if len(data) - keep > build.MAX_TOKEN_BYTES:
            found = f"a table tag of more than {build.MAX_TOKEN_BYTES:,} bytes at byte "
            found += f"{self.position + keep:,}"
            exceeded = Exceeded("MAX_TOKEN_BYTES", "content.xml", found, "bytes in one tag")
            raise exceeded.error(self.file)
        self.position += keep
        self.data = data[keep:]

    def _start_tag(self, start: int, end: int, match: re.Match[bytes]) -> None:
        tables = self.tables
        assert tables is not None
        empty = bool(match.group(2))
        if self.depth:  # a table inside a cell: not a sheet
            self.depth += 0 if empty else 1
            return
        tables.begin(self.data[start:end], empty)
        if not empty:
            self.depth = 1
            self.fed = end

    def _end_tag(self, start: int, end: int) -> None:
        tables = self.tables
        assert tables is not None
        if not self.depth:
            raise _malformed(
                self.file,
                ValueError(f"a table end tag without a start at byte {self.position + start}"),
            )
        self.depth -= 1
        if not self.depth:
            tables.end(memoryview(self.data)[self.fed : end])
            self.fed = end


class _Tables:
    """The XML side of the scan: one parser is fed each top-level table's start tag, and the
    whole of each wanted table; its callbacks (:class:`Events`) name the sheets and build the
    wanted ones as the bytes arrive, without building a tree."""

    def __init__(
        self, file: str, wanted: Callable[[str], bool], qname: bytes, attributes: bytes
    ) -> None:
        self.file = file
        self.qname = qname
        self.starts = re.compile(b"<" + re.escape(qname) + _ATTRIBUTES)
        self.ends = re.compile(b"</" + re.escape(qname) + rb"\s*>")
        self.start_prefix = b"<" + qname
        self.end_prefix = b"</" + qname
        self.events = Events(file, wanted)
        self.gap = 0  # bytes given to the parser since it last reported an element
        self.parser = ET.XMLParser(target=self.events)
        # Every table is read as a child of an element with the root's namespace declarations
        # (and no document type declaration: entities stay undefined, so none is expanded).
        self._feed(b"<w" + attributes + b">")

    @property
    def parsing(self) -> bool:
        """Whether the bytes of the current table go to the parser."""
        return self.events.builder is not None

    def may_begin_tag(self, data: bytes, at: int) -> bool:
        """Whether ``data[at:]`` (from a "<" to the end) may be the start of a table tag."""
        head = data[at : at + len(self.end_prefix) + 1]
        for prefix in (self.start_prefix, self.end_prefix):
            if prefix.startswith(head):
                return True
            if head.startswith(prefix):
                return len(head) == len(prefix) or head[len(prefix)] in _TAG_END
        return False

    def begin(self, tag: bytes, empty: bool) -> None:
        """A top-level table's start tag: read its name, and whether to parse its content."""
        if len(self.events.names) >= build.MAX_SHEETS:
            found = f"more than {build.MAX_SHEETS:,}"
            raise Exceeded("MAX_SHEETS", "sheets", found, "sheets").error(self.file)
        self.events.name = ""
        self._feed(tag)  # the table's start decides whether it is wanted (see Events.start)
        self._flush()
        if not empty and not self.parsing:
            self._feed(b"</" + self.qname + b">")  # not wanted: close it at once

    def feed(self, data: memoryview) -> None:
        """More bytes of a wanted table, fed in pieces so that no token grows unseen."""
        for offset in range(0, len(data), _FEED):
            self._feed(data[offset : offset + _FEED])

    def end(self, data: memoryview) -> None:
        """The last bytes of a table, through its end tag."""
        if self.parsing:
            self.feed(data)
            self._flush()  # the table's end must be reported before the next bytes are read

    def _flush(self) -> None:
        """Have the parser report what it was given: expat from 2.6 (Python 3.13, 3.12.3) may
        hold a short tag back until more bytes arrive ("reparse deferral"), and the scanner
        must know at once whether a table is wanted (:meth:`begin`) and when it has ended
        (:meth:`end`)."""
        flush = getattr(self.parser, "flush", None)
        if flush is not None:
            try:
                flush()
            except ET.ParseError as error:
                raise _malformed(self.file, error, self.events.name or None) from error

    def _feed(self, data: bytes | memoryview) -> None:
        events = self.events
        before = events.progress()
        try:
            self.parser.feed(data)
        except ET.ParseError as error:
            raise _malformed(self.file, error, events.name or None) from error
        except Exceeded as exceeded:
            row = events.builder.number() if events.builder is not None else None
            raise exceeded.error(self.file, events.name or None, row) from None
        self.gap = 0 if events.progress() != before else self.gap + len(data)
        if self.gap > build.MAX_TOKEN_BYTES:
            found = f"more than {build.MAX_TOKEN_BYTES:,} bytes without an element"
            unit = "bytes in one tag, text, comment or processing instruction"
            row = events.builder.number() if events.builder is not None else None
            too_long = Exceeded("MAX_TOKEN_BYTES", "content.xml", found, unit)
            raise too_long.error(self.file, events.name or None, row)


# Roles of the open elements, by where they are.
