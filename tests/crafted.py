"""Hostile ODS files, built in memory, for the regression tests and ``benchmarks/ods.py``.

Each builder returns the bytes of a small file (a few bytes to a few hundred kilobytes) that
once crashed or ran away with the reader (issue 10): a zip whose header understates the size of
``content.xml``, deeply nested elements, ``text:s`` markers standing for billions of spaces,
more sheets or elements than any spreadsheet holds, and so on. :data:`CRAFTED` lists them by
name with what each one attacks. The sheets carry the names Ofsted's files use, so that
:func:`ilacs.read_ofsted` parses the hostile part.

Import as ``from crafted import CRAFTED`` (pytest puts ``tests/`` on the import path; the
benchmark adds it).
"""

from __future__ import annotations

import datetime as dt
import struct
import zlib
from collections.abc import Callable, Sequence
from typing import NamedTuple

MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
SHEET = "Inspections_31_March_2024"
"""The name of the sheet that holds the hostile part: one :func:`ilacs.read_ofsted` reads."""

NAMESPACES = (
    b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    b'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)
HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content '
    + NAMESPACES
    + b"><office:body><office:spreadsheet>"
)
TAIL = b"</office:spreadsheet></office:body></office:document-content>"


class Member(NamedTuple):
    """One member of a zip as written, with the sizes and checksum its headers declare."""

    name: str
    data: bytes  # as stored: deflated (raw, no zlib header) or not
    method: int  # 0 stored, 8 deflated
    crc: int
    size: int  # the uncompressed size the headers declare (may lie)


def archive(members: Sequence[Member]) -> bytes:
    """A zip file of ``members`` with exactly the headers they declare (no zip64)."""
    out = bytearray()
    directory = bytearray()
    for member in members:
        name = member.name.encode()
        offset = len(out)
        # flags, method, time, date, CRC-32, compressed and uncompressed sizes, name length
        fields = (0, member.method, 0, 0x21, member.crc, len(member.data), member.size, len(name))
        out += struct.pack("<IH" + "HHHHIIIH" + "H", 0x04034B50, 20, *fields, 0) + name
        out += member.data
        directory += struct.pack(
            "<IHH" + "HHHHIIIH" + "HHHHII", 0x02014B50, 20, 20, *fields, 0, 0, 0, 0, 0, offset
        )
        directory += name
    start = len(out)
    out += directory
    out += struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory), start, 0
    )
    return bytes(out)


def deflated(*parts: tuple[bytes, int], checksum: bool = True) -> tuple[bytes, int, int]:
    """Deflate ``parts`` (each a block and how many times it repeats) without holding them.

    After a full flush the compressor forgets what came before, so a repeated block deflates to
    the same bytes each time: a gigabyte costs one block's work. Returns the raw deflate stream,
    the CRC-32 (0 without ``checksum``, for bombs a reader must give up on before it could
    check it) and the size of what it inflates to.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    out: list[bytes] = []
    crc = size = 0
    for block, times in parts:
        if not times:
            continue
        out.append(compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH))
        if times > 1:
            again = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
            out.append(again * (times - 1))
        if checksum:
            for _ in range(times):
                crc = zlib.crc32(block, crc)
        size += len(block) * times
    out.append(compressor.flush())
    return b"".join(out), crc, size


def ods(*parts: tuple[bytes, int], declared: int | None = None) -> bytes:
    """An ODS file whose content.xml is ``parts`` (blocks and their repeats, see
    :func:`deflated`); ``declared`` overrides the size its headers state (to lie about it)."""
    stream, crc, size = deflated(*parts)
    return archive(
        [
            Member("mimetype", MIMETYPE, 0, zlib.crc32(MIMETYPE), len(MIMETYPE)),
            Member("content.xml", stream, 8, crc, size if declared is None else declared),
        ]
    )


def one(content: bytes) -> tuple[bytes, int]:
    return (content, 1)


def sheet(rows: bytes, name: str = SHEET) -> bytes:
    return b'<table:table table:name="' + name.encode() + b'">' + rows + b"</table:table>"


SHEET_START, SHEET_END = sheet(b"\0").split(b"\0")
ROW_START = b"<table:table-row><table:table-cell>"
ROW_END = b"</table:table-cell></table:table-row>"


def cell(inner: bytes) -> bytes:
    return ROW_START + inner + ROW_END


def document(*tables: bytes) -> bytes:
    return HEAD + b"".join(tables) + TAIL


def in_a_cell(before: bytes, block: bytes, times: int, after: bytes) -> bytes:
    """A file whose sheet's first cell holds ``before``, ``block`` ``times`` over, ``after``."""
    return ods(
        one(HEAD + SHEET_START + ROW_START + before),
        (block, times),
        one(after + ROW_END + SHEET_END + TAIL),
    )


# --- The files ---------------------------------------------------------------------------------


MIB = 1 << 20
SPACES = b" " * MIB


def understated_size(inflated: int = 1 << 30, declared: int = 1000) -> bytes:
    """content.xml inflates to ``inflated`` bytes (white space after the root's start tag), but
    the zip headers say ``declared``: a size check on the header lets it through."""
    stream, crc, _ = deflated(one(HEAD), (SPACES, inflated // MIB), checksum=False)
    return archive(
        [
            Member("mimetype", MIMETYPE, 0, zlib.crc32(MIMETYPE), len(MIMETYPE)),
            Member("content.xml", stream, 8, crc, declared),
        ]
    )


def declared_too_big(declared: int = 0xFFFF_FFFE) -> bytes:
    """A tiny content.xml whose headers declare almost 4 GiB."""
    return ods(one(document(sheet(b""))), declared=declared)


def mimetype_bomb(inflated: int = 1 << 30) -> bytes:
    """A ``mimetype`` member that inflates to a gigabyte: the right text, then spaces. The file
    is otherwise a valid (empty) spreadsheet."""
    stream, crc, size = deflated(one(MIMETYPE), (SPACES, inflated // MIB), checksum=False)
    content, content_crc, content_size = deflated(one(document(sheet(b""))))
    return archive(
        [
            Member("mimetype", stream, 8, crc, size),
            Member("content.xml", content, 8, content_crc, content_size),
        ]
    )


def nested_spans(depth: int = 1000) -> bytes:
    """One cell whose text sits inside ``depth`` nested ``text:span`` elements."""
    inner = b"<text:p>" + b"<text:span>" * depth + b"x" + b"</text:span>" * depth + b"</text:p>"
    return ods(one(document(sheet(cell(inner)))))


def space_markers(count: int = 1_000_000, spaces: int = 32_767) -> bytes:
    """One cell with ``count`` markers ``<text:s text:c="32767"/>``: 32 billion spaces."""
    marker = b'<text:s text:c="' + str(spaces).encode() + b'"/>'
    return in_a_cell(b"<text:p>", marker * 1000, count // 1000, b"</text:p>")


def nested_row_groups(depth: int = 100_000) -> bytes:
    """A row inside ``depth`` nested ``table:table-row-group`` elements."""
    row = cell(b"<text:p>x</text:p>")
    return ods(
        one(HEAD + SHEET_START),
        (b"<table:table-row-group>" * 1000, depth // 1000),
        one(row),
        (b"</table:table-row-group>" * 1000, depth // 1000),
        one(SHEET_END + TAIL),
    )


def nested_lists(depth: int = 100_000) -> bytes:
    """A paragraph inside ``depth`` nested lists (``text:list`` and ``text:list-item``)."""
    return ods(
        one(HEAD + SHEET_START + ROW_START),
        (b"<text:list><text:list-item>" * 1000, depth // 1000),
        one(b"<text:p>x</text:p>"),
        (b"</text:list-item></text:list>" * 1000, depth // 1000),
        one(ROW_END + SHEET_END + TAIL),
    )


def many_sheets(count: int = 2_000_000) -> bytes:
    """``count`` empty sheets (LibreOffice allows 10,000)."""
    return ods(one(HEAD), (b'<table:table table:name="s"/>' * 1000, count // 1000), one(TAIL))


def many_elements(count: int = 5_000_000) -> bytes:
    """``count`` empty cells in rows of a sheet read (each costs the parser an element)."""
    row = b"<table:table-row>" + b"<table:table-cell/>" * 1000 + b"</table:table-row>"
    return ods(one(HEAD + SHEET_START), (row, count // 1000), one(SHEET_END + TAIL))


def long_tag(size: int = 100 * MIB) -> bytes:
    """A cell whose start tag carries an attribute of ``size`` bytes."""
    tag = b'<table:table-row><table:table-cell office:value-type="string" office:string-value="'
    return ods(
        one(HEAD + SHEET_START + tag),
        (b"x" * MIB, size // MIB),
        one(b'"/></table:table-row>' + SHEET_END + TAIL),
    )


def long_table_tag(size: int = 100 * MIB) -> bytes:
    """A sheet whose start tag carries an attribute (its name) of ``size`` bytes."""
    return ods(
        one(HEAD + b'<table:table table:name="'),
        (b"x" * MIB, size // MIB),
        one(b'"/>' + TAIL),
    )


def long_text(size: int = 100 * MIB) -> bytes:
    """One cell holding ``size`` characters of text with no markup."""
    return in_a_cell(b"<text:p>", b"x" * MIB, size // MIB, b"</text:p>")


def many_texts(count: int = 2_000) -> bytes:
    """``count`` cells of 32,767 spaces each: more text in all than the reader keeps."""
    one_cell = b'<table:table-cell><text:p>a<text:s text:c="32767"/>b</text:p></table:table-cell>'
    return ods(
        one(document(sheet(b"<table:table-row>" + one_cell * count + b"</table:table-row>")))
    )


def repeated_rows(rows: int = 2_000, columns: int = 16_384) -> bytes:
    """``rows`` different rows, each one cell repeated across ``columns`` columns."""
    out = [
        b'<table:table-row><table:table-cell table:number-columns-repeated="%d"><text:p>%d'
        b"</text:p></table:table-cell></table:table-row>" % (columns, number)
        for number in range(rows)
    ]
    return ods(one(document(sheet(b"".join(out)))))


def doctype_backtracking(pairs: int = 40) -> bytes:
    """A document type declaration of ``pairs`` empty subsets and an unclosed one: a regular
    expression that backtracks tries 2**pairs ways to read it."""
    return ods(
        one(b"<!DOCTYPE a " + b"[]" * pairs + b"[" + document(sheet(cell(b"<text:p>x</text:p>"))))
    )


def entity_expansion(levels: int = 9) -> bytes:
    """The "billion laughs": entities of ten entities each, ``levels`` deep, used in a cell."""
    entities = [b'<!ENTITY lol0 "lol">']
    for level in range(1, levels + 1):
        refs = b"".join(b"&lol%d;" % (level - 1) for _ in range(10))
        entities.append(b'<!ENTITY lol%d "%s">' % (level, refs))
    doctype = b"<!DOCTYPE office:document-content [" + b"".join(entities) + b"]>"
    body = document(sheet(cell(b"<text:p>&lol%d;</text:p>" % levels)))
    return ods(one(body.replace(b"\n", b"\n" + doctype, 1)))


def external_entity() -> bytes:
    """An entity that names a local file, used in a cell."""
    doctype = b'<!DOCTYPE office:document-content [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    body = document(sheet(cell(b"<text:p>&secret;</text:p>")))
    return ods(one(body.replace(b"\n", b"\n" + doctype, 1)))


# --- Ofsted-shaped files -----------------------------------------------------------------------

FIVE = (
    b"Overall effectiveness",
    b"Impact of leaders",
    b"Experiences and progress of children who need help and protection",
    b"Experiences and progress of children in care",
    b"Experiences and progress of care leavers",
)


def row(*texts: bytes, repeated: int = 1) -> bytes:
    """A row of text cells (repeated as ``table:number-rows-repeated`` says)."""
    attribute = b' table:number-rows-repeated="%d"' % repeated if repeated > 1 else b""
    cells = (
        b"<table:table-cell><text:p>" + text + b"</text:p></table:table-cell>" for text in texts
    )
    return b"<table:table-row" + attribute + b">" + b"".join(cells) + b"</table:table-row>"


def ofsted_file(history: bytes, in_year: bytes = b"", latest: bytes = b"") -> bytes:
    """A file with the sheets and headings of Ofsted's 2025 edition (as in
    docs/ofsted-files.md) holding the rows given under its headings: ``history`` (code, name,
    publication date, type, five grades), ``in_year`` (name, date, type, five grades) and
    ``latest`` (name, date, five grades)."""
    head = row(
        b"Local authority area code", b"Local authority name", b"Publication date",
        b"Inspection type", *FIVE,
    )  # fmt: skip
    return ods(
        one(
            document(
                sheet(row(b"Local authority name", b"Inspection date", *FIVE) + latest,
                      "Inspections_as_at_31_March"),
                sheet(row(b"Local authority name", b"Inspection/Visit date",
                          b"Inspection/Visit type", *FIVE) + in_year, "In-year_inspections"),
                sheet(head + history, "ILACS_inspection_history"),
            )
        )
    )  # fmt: skip


def one_la_many_accounts(days: int = 1000) -> bytes:
    """Thurrock, inspected every eight days and its reports published every day, from June 2023
    (about 3,000 rows, 2,000 of them one LA's standard inspections): a merge that compares an
    LA's accounts two by two takes minutes."""
    first = dt.date(2023, 6, 1)
    good = [b"Good"] * 5
    published = [first + dt.timedelta(days=n) for n in range(days)]
    history = b"".join(
        row(b"E06000034", b"Thurrock", d.isoformat().encode(), b"ILACS Standard Inspection", *good)
        for d in published
    )
    started = published[::8]
    in_year = b"".join(
        row(b"Thurrock", d.isoformat().encode(), b"ILACS Standard Inspection", *good)
        for d in started
    )
    visits = [first - dt.timedelta(days=n) for n in range(1, days + 1)]
    in_year += b"".join(
        row(b"Thurrock", d.isoformat().encode(), b"ILACS Focused Visit") for d in visits
    )
    return ofsted_file(history, in_year)


def one_la_dense_dates(rows: int = 3999) -> bytes:
    """Thurrock again: reports published every day and inspections every eight days whose
    grades disagree with them, so that each inspection has some 240 reports it might pair with
    and pairs with none (the merge's worst case found; the file is all rows one LA may have)."""
    first = dt.date(2023, 6, 1)
    published = [first + dt.timedelta(days=n) for n in range(rows * 3 // 4)]
    good = [b"Good"] * 5
    history = b"".join(
        row(b"E06000034", b"Thurrock", d.isoformat().encode(), b"ILACS Standard Inspection", *good)
        for d in published
    )
    started = [first + dt.timedelta(days=8 * n) for n in range(rows - len(published))]
    in_year = b"".join(
        row(b"Thurrock", d.isoformat().encode(), b"ILACS Standard Inspection", *[b"Inadequate"] * 5)
        for d in started
    )
    return ofsted_file(history, in_year)


class Crafted(NamedTuple):
    """A hostile file: how to build it, what it attacks, and the limit that refuses it (the
    name the error gives, or what it says of the file)."""

    build: Callable[[], bytes]
    attack: str
    refused_by: str


CRAFTED: dict[str, Crafted] = {
    "understated-size": Crafted(
        understated_size,
        "zip header says 1,000 bytes; content.xml inflates to 1 GiB",
        "Bad CRC-32",  # inflating stops at the declared size, which then fails its checksum
    ),
    "declared-too-big": Crafted(
        declared_too_big, "zip header declares a 4 GiB content.xml", "MAX_CONTENT_BYTES"
    ),
    "nested-spans": Crafted(nested_spans, "1,000 nested text spans in a cell", "MAX_DEPTH"),
    "space-markers": Crafted(
        space_markers, "a million text:s markers of 32,767 spaces", "MAX_TEXT_CHARS"
    ),
    "nested-row-groups": Crafted(nested_row_groups, "100,000 nested row groups", "MAX_DEPTH"),
    "nested-lists": Crafted(nested_lists, "100,000 nested lists in a cell", "MAX_DEPTH"),
    "many-sheets": Crafted(many_sheets, "2 million empty sheets", "MAX_SHEETS"),
    "many-elements": Crafted(many_elements, "5 million empty cells in a sheet", "MAX_ELEMENTS"),
    "long-tag": Crafted(long_tag, "a cell attribute of 100 MiB", "MAX_TOKEN_BYTES"),
    "long-table-tag": Crafted(long_table_tag, "a sheet name of 100 MiB", "MAX_TOKEN_BYTES"),
    "long-text": Crafted(long_text, "100 MiB of text in one cell", "MAX_TOKEN_BYTES"),
    "many-texts": Crafted(many_texts, "2,000 cells of 32,767 spaces", "MAX_TEXT_CHARS"),
    "repeated-rows": Crafted(
        repeated_rows, "2,000 rows each of one cell repeated 16,384 times", "MAX_CELLS"
    ),
    "doctype-backtracking": Crafted(
        doctype_backtracking,
        "a document type declaration that makes a regular expression backtrack",
        "no root element",
    ),
    "entity-expansion": Crafted(
        entity_expansion, "a billion laughs (entities of entities)", "undefined entity"
    ),
    "external-entity": Crafted(external_entity, "an entity naming /etc/passwd", "undefined entity"),
}
"""Every hostile file that is refused, by name, with the words of its refusal."""

READABLE: dict[str, Callable[[], bytes]] = {
    "mimetype-bomb": mimetype_bomb,
    "one-la-many-accounts": one_la_many_accounts,
    "one-la-dense-dates": one_la_dense_dates,
}
"""Hostile files that are read: the mimetype bomb (its hostile part is never inflated), and
thousands of accounts of one LA (merged in near-linear time; the dense one with problems)."""
