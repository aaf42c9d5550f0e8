"""Hostile and broken input (issue 10): the readers never crash and never run away.

Every read here goes through :func:`bounded`, which fails the test if anything but one of the
library's errors (a ``ValueError``) comes out, or if the read takes more than
:data:`SAFETY_SECONDS` or allocates more than :data:`MEMORY_LIMIT` (``tracemalloc``'s peak). The
time check is a safety net against a runaway, not a measure of speed: ``benchmarks/ods.py``
measures that. The hostile ODS files are built by ``tests/crafted.py``; the real files come
from ``../shared/data`` (tests that need them skip when it is absent).
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import subprocess
import sys
import threading
import time
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import PLOTTING_LEFT_OUT, needs_shared, shared_file
from crafted import (
    CRAFTED,
    MIMETYPE,
    READABLE,
    SHEET,
    Member,
    archive,
    cell,
    deflated,
    document,
    in_a_cell,
    ods,
    ofsted_file,
    one,
    row,
    sheet,
)
from ilacs import _ods
from ilacs.catalogue.inspection_types import InspectionType
from ilacs.cli import main
from ilacs.errors import FileFormatError, IlacsError, ParseError
from ilacs.ofsted import MAX_DATA_ROWS, read_ofsted
from ilacs.reading import ReadResult, read_lenient
from ilacs.records import Inspection
from ilacs.serialization import MAX_NUMBER_CHARS, from_json, to_json
from ilacs.tabular import read_csv
from strategies import mutations

SAFETY_SECONDS = 15.0
"""A read taking longer than this has run away (several times the slowest hostile file, with
``tracemalloc`` slowing Python down)."""

MEMORY_LIMIT = 200 * 1024 * 1024
"""The most a read of any input of up to 10 MB may allocate (issue 10)."""

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
ODS_2024 = DATA / "ofsted" / "LA_Inspection_Outcomes_as_at_March_2024.ods"
CSV_2025 = DATA / "inspections-2013-2025.csv"

needs_data = needs_shared(ODS_2024, CSV_2025)
fuzz = settings(
    deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


class RanAway(BaseException):
    """Raised by the alarm of :func:`bounded` (not an Exception: nothing may catch it)."""


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """Interrupt Python code that runs for more than twice ``seconds`` (main thread only)."""
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def ring(signum: int, frame: FrameType | None) -> None:
        raise RanAway(f"still running after {2 * seconds} s")

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, 2 * seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def bounded(read: Callable[..., Any], *args: Any, **kwargs: Any) -> IlacsError | None:
    """Run ``read(*args, **kwargs)``; return the library error it raised, or None.

    Fails the test when anything else comes out, when the read takes more than
    :data:`SAFETY_SECONDS` or when its allocations peak above :data:`MEMORY_LIMIT`.
    """
    outcome: ValueError | None = None
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with _alarm(SAFETY_SECONDS):
            read(*args, **kwargs)
    except ValueError as error:  # anything else escapes and fails the test
        outcome = error
    finally:
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert outcome is None or isinstance(outcome, IlacsError), f"a bare {outcome!r}"
    assert elapsed < SAFETY_SECONDS, f"the read took {elapsed:.1f} s"
    assert peak < MEMORY_LIMIT, f"the read allocated {peak / 2**20:.0f} MiB at its peak"
    return outcome


def read_ods(path: Path) -> None:
    """What a caller of the ODS reader does: list the sheets, read some, find headings."""
    names = _ods.sheet_names(path)
    for found in _ods.read_sheets(path, names[:8]).values():
        with contextlib.suppress(FileFormatError):
            header = _ods.find_header(found, {"la": ["local authority name"]})
            for _ in _ods.iter_rows(found, header):
                pass


# --- The crafted files of the issue, each refused quickly --------------------------------------

IN_THE_SHEET = {
    "nested-spans",
    "space-markers",
    "nested-row-groups",
    "nested-lists",
    "many-elements",
    "long-tag",
    "long-text",
    "many-texts",
    "repeated-rows",
    "entity-expansion",
    "external-entity",
}
"""Crafted files whose hostile part is inside the sheet read: their error names the sheet."""


@pytest.fixture(scope="module")
def crafted_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("crafted")
    files = {}
    for name, crafted in CRAFTED.items():
        files[name] = folder / f"{name}.ods"
        files[name].write_bytes(crafted.build())
    for name, build in READABLE.items():
        files[name] = folder / f"{name}.ods"
        files[name].write_bytes(build())
    return files


def test_the_crafted_files_are_small(crafted_files: dict[str, Path]) -> None:
    # Each would fit in an e-mail: the "any input of up to 10 MB".
    assert all(path.stat().st_size < 2 * 2**20 for path in crafted_files.values())


@pytest.mark.parametrize("name", list(CRAFTED))
def test_a_crafted_file_is_refused_naming_the_file_and_the_limit(
    crafted_files: dict[str, Path], name: str
) -> None:
    path = crafted_files[name]
    error = bounded(read_ofsted, path)
    assert isinstance(error, FileFormatError), f"{name} was read"
    assert error.file == str(path)
    assert str(path) in str(error)
    assert CRAFTED[name].refused_by in str(error)
    if name in IN_THE_SHEET:
        assert error.sheet == SHEET
        assert f"sheet '{SHEET}'" in str(error)


def read_within_bounds(path: Path) -> ReadResult:
    found: list[ReadResult] = []
    assert bounded(lambda: found.append(read_lenient(path))) is None
    return found[0]


def test_thousands_of_accounts_of_one_la_are_merged_within_bounds(
    crafted_files: dict[str, Path],
) -> None:
    # As crafted.py builds it: 1,000 standard inspections published daily (125 of them also
    # dated in the year's sheet) and 1,000 focused visits, all of Thurrock and all fine.
    result = read_within_bounds(crafted_files["one-la-many-accounts"])
    assert (len(result.records), result.problems) == (2000, ())
    assert {r.la_code for r in result.records} == {"E06000034"}


def test_dense_accounts_of_one_la_are_each_a_record_or_a_problem(
    crafted_files: dict[str, Path],
) -> None:
    # 3,999 rows (2,999 reports, 1,000 inspections whose grades disagree with them): every one
    # is read as a record or reported, none dropped.
    path = crafted_files["one-la-dense-dates"]
    result = read_within_bounds(path)
    assert len(result.records) + len(result.problems) == 3999
    assert {r.la_code for r in result.records} == {"E06000034"}
    assert {(p.file, p.sheet is not None, p.row is not None) for p in result.problems} == {
        (str(path), True, True)
    }


def test_the_mimetype_bomb_is_an_empty_spreadsheet_to_the_lenient_reader(
    crafted_files: dict[str, Path],
) -> None:
    # Its hostile member is never inflated, and the rest holds one empty sheet: no sheet of
    # Ofsted's is found, which is said as for any file without one.
    error = bounded(read_lenient, crafted_files["mimetype-bomb"])
    assert isinstance(error, FileFormatError)
    assert (error.file, error.field) == (str(crafted_files["mimetype-bomb"]), "sheet")
    assert "a sheet of the year's inspections and visits" in error.expected


def test_a_mimetype_member_of_a_gigabyte_is_not_inflated(crafted_files: dict[str, Path]) -> None:
    found: dict[str, _ods.Sheet] = {}
    error = bounded(lambda: found.update(_ods.read_sheets(crafted_files["mimetype-bomb"], [SHEET])))
    assert error is None
    assert found[SHEET].rows == ()


def test_an_understated_size_stops_inflating_at_the_size_declared(tmp_path: Path) -> None:
    # A declared size that is right but for the checksum of the true content: the reader stops
    # at the declared size, whose checksum then fails: nothing beyond it is ever inflated.
    path = tmp_path / "liar.ods"
    path.write_bytes(ods(one(document(sheet(cell(b"<text:p>x</text:p>")))), declared=100))
    error = bounded(_ods.sheet_names, path)
    assert isinstance(error, FileFormatError)
    assert "Bad CRC-32" in str(error)
    assert isinstance(error.__cause__, zipfile.BadZipFile)


def test_inflated_bytes_are_counted_whatever_the_header_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The header passed the check when the file was opened; the count of what is really
    # inflated stops the read at the limit all the same.
    path = tmp_path / "big.ods"
    path.write_bytes(in_a_cell(b"<text:p>", b"x" * 1000, 3000, b"</text:p>"))  # 3 MB
    member = _ods.content.Member(str(path), path)

    def drain() -> None:
        while member.read():
            pass

    try:
        monkeypatch.setattr(_ods.build, "MAX_CONTENT_BYTES", 2 * 2**20)
        with pytest.raises(FileFormatError, match="MAX_CONTENT_BYTES") as caught:
            drain()
    finally:
        member.close()
    assert "more than 2,097,152 bytes inflated" in str(caught.value)


def test_a_header_declaring_too_much_is_refused_before_inflating(tmp_path: Path) -> None:
    path = tmp_path / "declared.ods"
    path.write_bytes(ods(one(document()), declared=_ods.MAX_CONTENT_BYTES + 1))
    with pytest.raises(FileFormatError, match="the size its zip header declares"):
        _ods.sheet_names(path)


def test_a_prolog_of_more_than_a_megabyte_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "prolog.ods"
    path.write_bytes(ods((b"<!-- " + b"x" * 1018 + b" -->", 2000), one(document())))
    error = bounded(_ods.sheet_names, path)
    assert isinstance(error, FileFormatError)
    assert "no root element in its first 1,048,576 bytes" in str(error)


@pytest.mark.parametrize(("spans", "refused"), [(60, False), (61, True)])
def test_nesting_is_read_up_to_max_depth(tmp_path: Path, spans: int, refused: bool) -> None:
    # The table is level 1, then row, cell and paragraph: 60 spans reach level 64.
    inner = b"<text:p>" + b"<text:span>" * spans + b"x" + b"</text:span>" * spans + b"</text:p>"
    path = tmp_path / "deep.ods"
    path.write_bytes(ods(one(document(sheet(cell(inner))))))
    if refused:
        with pytest.raises(FileFormatError, match="MAX_DEPTH") as caught:
            _ods.read_sheets(path, [SHEET])
        assert (caught.value.sheet, caught.value.row) == (SHEET, 1)
    else:
        assert _ods.read_sheets(path, [SHEET])[SHEET].rows[0][0].text == "x"


@pytest.mark.parametrize(
    ("limit", "value", "content", "message"),
    [
        ("MAX_ELEMENTS", 8, document(sheet(cell(b"<text:p>a</text:p>") * 3)), "MAX_ELEMENTS"),
        ("MAX_SHEETS", 2, document(sheet(b"", "a"), sheet(b"", "b"), sheet(b"", "c")), "sheets"),
        ("MAX_TEXT_CHARS", 10, document(sheet(cell(b"<text:p>" + b"x" * 11 + b"</text:p>"))), "text"),
        ("MAX_TEXT_CHARS", 30, document(sheet(b"", "n" * 20), sheet(b"", "m" * 20)), "MAX_TEXT"),
    ],
    ids=["elements", "sheets", "text", "names-count-as-text"],
)  # fmt: skip
def test_each_limit_refuses_the_first_item_beyond_it(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    limit: str,
    value: int,
    content: bytes,
    message: str,
) -> None:
    path = tmp_path / "limited.ods"
    path.write_bytes(ods(one(content)))
    _ods.read_sheets(path, _ods.sheet_names(path)[:1])  # within the real limits
    monkeypatch.setattr(_ods.build, limit, value)
    with pytest.raises(FileFormatError, match=message) as caught:
        _ods.read_sheets(path, _ods.sheet_names(path)[:1])
    assert limit in str(caught.value)


def test_equal_cells_share_one_record_as_repeated_cells_do(tmp_path: Path) -> None:
    path = tmp_path / "equal.ods"
    path.write_bytes(ods(one(document(sheet(cell(b"<text:p>Good</text:p>") * 2)))))
    rows = _ods.read_sheets(path, [SHEET])[SHEET].rows
    assert rows[0][0] is rows[1][0]


# --- The same sheets whatever the chunks --------------------------------------------------------

TRICKY = document(
    sheet(cell(b"<text:p>a</text:p>"), "First"),
    b'<table:table table:name="x &amp; y&#x2019;s" table:style-name="ta1" >'
    + cell(b'<text:p>b<text:s text:c="2"/>c</text:p><table:table table:name="sub">'
           b"<table:table-row/></table:table>")
    + b"</table:table >",
    b'<table:table table:name="Empty"/>',
    b"<table:table-row-group/>",
    sheet(b"<table:table-header-rows>" + cell(b"<text:p>d</text:p>") + b"</table:table-header-rows>"
          + b'<table:table-row table:number-rows-repeated="3">'
          b'<table:table-cell table:number-columns-repeated="2"><text:p>e</text:p>'
          b"</table:table-cell></table:table-row>", "Last"),
)  # fmt: skip


@fuzz
@given(chunk=st.integers(1, 300), feed=st.integers(1, 300))
def test_any_chunk_sizes_read_the_same_sheets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int, feed: int
) -> None:
    # content.xml arrives a chunk at a time and tags are cut anywhere: the result is the same.
    path = tmp_path / "tricky.ods"
    path.write_bytes(ods(one(TRICKY)))
    whole = _ods.read_sheets(path, _ods.sheet_names(path))
    monkeypatch.setattr(_ods.content, "_CHUNK", chunk)
    monkeypatch.setattr(_ods.content, "_FEED", feed)
    names = _ods.sheet_names(path)
    assert names == ("First", "x & y\u2019s", "Empty", "Last")
    assert _ods.read_sheets(path, names) == whole


@needs_data
def test_a_real_file_read_in_small_chunks_reads_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    names = _ods.sheet_names(ODS_2024)
    whole = _ods.read_sheets(ODS_2024, names)
    monkeypatch.setattr(_ods.content, "_CHUNK", 1009)
    monkeypatch.setattr(_ods.content, "_FEED", 211)
    assert _ods.read_sheets(ODS_2024, names) == whole


# --- Fuzzing the ODS reader ---------------------------------------------------------------------


@fuzz
@given(data=st.binary(max_size=4000))
def test_random_bytes_are_refused_as_a_file_format_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "random.ods"
    path.write_bytes(data)
    assert isinstance(bounded(read_ods, path), FileFormatError)


@fuzz
@given(data=st.binary(max_size=3000))
def test_random_content_xml_is_read_or_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "random.ods"
    path.write_bytes(ods(one(data)))
    error = bounded(read_ods, path)
    assert error is None or isinstance(error, FileFormatError)


@pytest.fixture(scope="module")
def real_ods() -> bytes:
    return shared_file(ODS_2024).read_bytes()


@pytest.fixture(scope="module")
def real_content(real_ods: bytes) -> bytes:
    """The real content.xml cut to its root, the Notes sheet and the in-year sheet (150 KB)."""
    with zipfile.ZipFile(io.BytesIO(real_ods)) as opened:
        content = opened.read("content.xml")
    body = content.index(b"<office:spreadsheet>") + len(b"<office:spreadsheet>")
    kept = []
    for name in (b"Notes", b"Inspections_in_year_2023-24"):
        start = content.index(b'<table:table table:name="' + name + b'"')
        kept.append(content[start : content.index(b"</table:table>", start) + 14])
    return (
        content[:body]
        + b"".join(kept)
        + b"</office:spreadsheet></office:body></office:document-content>"
    )


@fuzz
@given(data=st.data())
def test_a_damaged_real_file_is_read_or_refused(
    tmp_path: Path, real_ods: bytes, data: st.DataObject
) -> None:
    path = tmp_path / "damaged.ods"
    path.write_bytes(data.draw(mutations(real_ods)))
    for read in (read_ods, read_ofsted):
        error = bounded(read, path)
        assert error is None or isinstance(error, FileFormatError)


@fuzz
@given(data=st.data())
def test_a_real_content_xml_damaged_is_read_or_refused(
    tmp_path: Path, real_content: bytes, data: st.DataObject
) -> None:
    path = tmp_path / "damaged.ods"
    path.write_bytes(ods(one(data.draw(mutations(real_content, max_edits=12)))))
    error = bounded(read_ods, path)
    assert error is None or isinstance(error, FileFormatError)


@st.composite
def crafted_archives(draw: st.DrawFn, content: bytes) -> bytes:
    """Zips of mimetype and content.xml members as a hostile writer may make them: members
    missing, repeated or wrong; sizes and checksums that lie; stored or deflated."""
    members = []
    mimetype = draw(st.sampled_from([MIMETYPE, b"", b"application/zip", MIMETYPE + b" " * 500]))
    if draw(st.booleans(), label="with mimetype"):
        members.append(Member("mimetype", mimetype, 0, zlib.crc32(mimetype), len(mimetype)))
    body = draw(mutations(content, max_edits=3)) if draw(st.booleans()) else content
    for _ in range(draw(st.integers(0, 2), label="content members")):
        stream, crc, size = deflated(one(body))
        method = draw(st.sampled_from([0, 8, 12, 99]), label="method")  # stored, deflated, bz2, ?
        stored = body if method == 0 else stream
        crc = draw(st.sampled_from([crc, 0, crc ^ 1]), label="crc")
        size = draw(st.sampled_from([size, 0, size // 2, size + 1, 2**32 - 1]), label="size")
        members.append(Member("content.xml", stored, method, crc, size))
    if draw(st.booleans(), label="extra member"):
        members.append(Member("styles.xml", b"<x/>", 0, zlib.crc32(b"<x/>"), 4))
    return archive(draw(st.permutations(members)))


@fuzz
@given(data=st.data())
def test_crafted_zip_members_are_read_or_refused(tmp_path: Path, data: st.DataObject) -> None:
    content = document(sheet(cell(b"<text:p>Local authority name</text:p>")))
    path = tmp_path / "crafted.ods"
    path.write_bytes(data.draw(crafted_archives(content)))
    error = bounded(read_ods, path)
    assert error is None or isinstance(error, FileFormatError)


# --- Fuzzing the JSON and CSV readers -----------------------------------------------------------


@fuzz
@given(data=st.binary(max_size=2000))
def test_random_bytes_as_json_are_a_parse_error(data: bytes) -> None:
    error = bounded(from_json, data, list[Inspection])
    assert error is None or isinstance(error, ParseError)


@pytest.fixture(scope="module")
def real_json() -> bytes:
    shared_file(CSV_2025)
    return to_json(read_csv(CSV_2025)[:60], indent=1).encode()


@fuzz
@given(data=st.data())
def test_damaged_real_json_is_read_or_a_parse_error(real_json: bytes, data: st.DataObject) -> None:
    damaged = data.draw(mutations(real_json))
    if data.draw(st.booleans(), label="long number"):
        at = data.draw(st.integers(0, len(damaged)))
        damaged = damaged[:at] + b"9" * data.draw(st.integers(90, 6000)) + damaged[at:]
    error = bounded(from_json, damaged, list[Inspection])
    assert error is None or isinstance(error, ParseError)


@fuzz
@given(data=st.binary(max_size=2000), strict=st.booleans())
def test_random_bytes_as_csv_are_read_or_a_file_format_error(
    tmp_path: Path, data: bytes, strict: bool
) -> None:
    path = tmp_path / "random.csv"
    path.write_bytes(data)
    error = bounded(read_csv if strict else read_lenient, path)
    assert error is None or isinstance(error, FileFormatError)


@pytest.fixture(scope="module")
def real_csv() -> bytes:
    """The first 200 lines of the real CSV (all its kinds of rows; a quarter of the time)."""
    shared_file(CSV_2025)
    return b"".join(CSV_2025.read_bytes().splitlines(keepends=True)[:200])


@fuzz
@given(data=st.data(), strict=st.booleans())
def test_a_damaged_real_csv_is_read_or_refused(
    tmp_path: Path, real_csv: bytes, data: st.DataObject, strict: bool
) -> None:
    path = tmp_path / "damaged.csv"
    path.write_bytes(data.draw(mutations(real_csv)))
    error = bounded(read_csv if strict else read_lenient, path)
    assert error is None or isinstance(error, FileFormatError)


# --- JSON numbers (issue 10) --------------------------------------------------------------------


def test_a_5000_digit_number_is_a_parse_error_naming_its_path() -> None:
    text = '[{"la_code": "E06000034", "start": ' + "9" * 5000 + "}]"
    with pytest.raises(ParseError) as caught:
        from_json(text, list[Inspection])
    assert caught.value.field == "$[0].start"
    assert caught.value.value == "9" * 5000  # the error keeps it whole; its message does not
    message = str(caught.value)
    assert message.startswith("$[0].start: got '999")
    assert "[5,002 characters]" in message
    assert f"a number of at most {MAX_NUMBER_CHARS} characters" in message
    assert len(message) < 400


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [
        ('{"a": [1, 2, 1e999]}', "$.a[2]", "within the range of a float"),
        ('{"a": -1e400}', "$.a", "within the range of a float"),
        ('{"odd key": 0.' + "1" * 200 + "}", "$['odd key']", "at most 100 characters"),
        ("[" + "1" * 101 + "]", "$[0]", "at most 100 characters"),
    ],
)
def test_numbers_too_long_or_too_large_are_refused_with_their_path(
    text: str, path: str, expected: str
) -> None:
    with pytest.raises(ParseError) as caught:
        from_json(text, Any)
    assert caught.value.field == path
    assert expected in str(caught.value)


def test_numbers_of_up_to_max_number_chars_are_read() -> None:
    assert from_json("[" + "1" * MAX_NUMBER_CHARS + ", 1.5e300]", list[Any]) == [
        int("1" * MAX_NUMBER_CHARS),
        1.5e300,
    ]


# --- The Ofsted reader's own limits -------------------------------------------------------------


def _history_row(day: int, repeated: int = 1) -> bytes:
    """Thurrock's standard inspection published on the ``day``-th day of 2024, all Good."""
    published = f"2024-{1 + day // 28:02d}-{1 + day % 28:02d}".encode()
    return row(
        b"E06000034", b"Thurrock", published, b"ILACS Standard Inspection", *[b"Good"] * 5,
        repeated=repeated,
    )  # fmt: skip


def test_a_repeated_row_standing_for_many_is_refused_at_max_data_rows(
    tmp_path: Path,
) -> None:
    path = tmp_path / "repeated.ods"
    path.write_bytes(ofsted_file(_history_row(0, repeated=200_000)))
    error = bounded(read_ofsted, path)
    assert isinstance(error, FileFormatError)
    assert "MAX_DATA_ROWS" in str(error)
    assert (error.sheet, error.row) == ("ILACS_inspection_history", MAX_DATA_ROWS + 2)


def test_thousands_of_accounts_of_one_la_are_merged(crafted_files: dict[str, Path]) -> None:
    # Until the merge was made near-linear, 60 accounts of one LA were the most read
    # (MAX_EVENTS_PER_LA). Here: 1,000 reports published a day apart, 125 inspections eight
    # days apart each paired with the report of its own day, and 1,000 visits.
    found: list[Inspection] = []
    assert bounded(lambda: found.extend(read_ofsted(crafted_files["one-la-many-accounts"]))) is None
    assert len(found) == 2000
    assert {r.la_code for r in found} == {"E06000034"}
    dated = [r for r in found if r.graded and r.start is not None]
    assert len(dated) == 125
    assert all(r.start == r.published for r in dated)
    assert sum(r.type is InspectionType.FOCUSED_VISIT for r in found) == 1000


# --- The command line on each bad file ----------------------------------------------------------


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("name", list(CRAFTED))
def test_the_command_line_refuses_each_crafted_file_in_one_line(
    capsys: pytest.CaptureFixture[str], crafted_files: dict[str, Path], name: str
) -> None:
    path = crafted_files[name]
    code, out, err = _run(capsys, "next", "--history", str(path))
    assert code == 2
    assert out == ""
    assert err.startswith(f"ilacs next: error: {path}")
    assert err.count("\n") == 1
    assert len(err) < 1000


def test_the_command_line_refuses_a_5000_digit_json_number_naming_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "history.json"
    path.write_text('[{"la_code": "E06000034", "start": ' + "9" * 5000 + "}]")
    code, out, err = _run(capsys, "next", "--history", str(path))
    assert (code, out) == (2, "")
    assert err.startswith(f"ilacs next: error: {path}: $[0].start: got '999")
    assert err.count("\n") == 1
    assert len(err) < 1000


def test_the_command_line_refuses_a_count_of_millions_of_working_days(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = _run(capsys, "workdays", "add", "2023-05-09", "3000000")
    assert (code, out) == (2, "")
    assert err == (
        "ilacs workdays: error: n: got 3000000; expected a count keeping the result on or "
        "before 2100-12-31 (3000000 working days from 2023-05-09)\n"
    )


def _bug(*args: object, **kwargs: object) -> Any:
    raise RuntimeError("an invariant broke\non two lines")


def test_an_internal_error_exits_1_in_one_line_saying_how_to_see_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ILACS_DEBUG", raising=False)
    monkeypatch.setattr("ilacs.workdays.add_working_days", _bug)
    code, out, err = _run(capsys, "workdays", "add", "2023-05-09", "3")
    assert (code, out) == (1, "")
    assert err == (
        "ilacs workdays: internal error: RuntimeError: an invariant broke on two lines "
        "(a bug in ilacs; run with --debug or ILACS_DEBUG=1 to see the traceback)\n"
    )


@pytest.mark.parametrize(("argv", "variable"), [(["--debug"], None), ([], "1"), ([], "yes")])
def test_debug_lets_an_internal_error_through(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], variable: str | None
) -> None:
    if variable is None:
        monkeypatch.delenv("ILACS_DEBUG", raising=False)
    else:
        monkeypatch.setenv("ILACS_DEBUG", variable)
    monkeypatch.setattr("ilacs.workdays.add_working_days", _bug)
    with pytest.raises(RuntimeError, match="an invariant broke"):
        main([*argv, "workdays", "add", "2023-05-09", "3"])


def test_debug_0_is_not_debugging(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ILACS_DEBUG", "0")
    monkeypatch.setattr("ilacs.workdays.add_working_days", _bug)
    assert _run(capsys, "workdays", "add", "2023-05-09", "3")[0] == 1


def test_debug_does_not_change_user_errors(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "--debug", "workdays", "add", "2023-05-09", "3000000")
    assert code == 2
    assert err.count("\n") == 1


def _interrupt(*args: object, **kwargs: object) -> Any:
    raise KeyboardInterrupt


def test_ctrl_c_exits_130_in_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ILACS_DEBUG", raising=False)
    monkeypatch.setattr("ilacs.workdays.add_working_days", _interrupt)
    code, out, err = _run(capsys, "workdays", "add", "2023-05-09", "3")
    assert (code, out, err) == (130, "", "ilacs workdays: interrupted\n")


# --- --lenient: every command that reads files ------------------------------------------------

HEADER = (
    "la_code,la_name,framework,inspection_type,start_date,end_date,publication_date,overall,"
    "help_and_protection,children_in_care,care_leavers,leadership"
)
THURROCK = "E06000034,Thurrock,ILACS,standard,2019-11-11,2019-11-22,2019-12-20,Good,Good,Good,,Good"
RI = "Requires improvement to be good"
BAD_ROWS = [
    HEADER,
    THURROCK,
    "e06000034,Thurrock,ILACS,focused_visit,2021-06-30,,,,,,,",
    THURROCK,
    "E06000041,Wokingham,ILACS,standard,9999-01-01,,,,,,,",
    f"E06000041,Wokingham,ILACS,standard,2019-07-01,2019-07-12,2019-08-15,{RI},{RI},{RI},,{RI}",
    f"E06000041,Wokingham,ILACS,standard,2023-03-06,2023-03-17,2023-05-09,{RI},{RI},Good,{RI},{RI}",
]
"""Three readable inspections, and three bad rows: a lower-case code, a duplicate, year 9999."""


def problem_lines(path: Path) -> list[str]:
    """What --lenient prints for :data:`BAD_ROWS`, typed from the rows."""
    return [
        f"{path}:3: la_code: got 'e06000034'; expected an English children's services "
        "authority's ONS code in capitals: E06, E08, E09 or E10 and six digits, such as E06000034",
        f"{path}:4: inspection: got 'Thurrock (E06000034): ILACS standard inspection, 2019-11-11 "
        "to 2019-11-22, overall Good'; expected each inspection once (row 2 is the same)",
        f"{path}:5: start_date: got '9999-01-01'; expected a date on or after 2009-01-01 and on "
        "or before 2090-12-31 (the dates the library covers)",
        f"{path}: 3 problem(s), 3 inspection(s) read",
    ]


MISSING_PLOT = (
    "ilacs.plot draws with matplotlib, which is not installed: pip install 'ilacs[plot]' "
    "(the optional extra 'plot')"
)

READING_COMMANDS = {
    "next": ["next", "--as-of", "2024-01-01"],
    "deadlines": ["deadlines"],
    "history": ["history"],
    "compare": ["compare", "--la", "Wokingham", "--area", "overall"],
    "plot": ["plot", "--la", "Wokingham", "--as-of", "2024-01-01", "-o", "OUT.svg"],
    "report": ["report", "--as-of", "2024-01-01", "-o", "OUT.html"],
}


@pytest.mark.parametrize("command", list(READING_COMMANDS))
def test_each_reading_command_stops_at_the_first_bad_row_or_reads_on_with_lenient(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    path = tmp_path / "history.csv"
    path.write_text("\n".join(BAD_ROWS) + "\n", encoding="utf-8")
    argv = [a.replace("OUT", str(tmp_path / "out")) for a in READING_COMMANDS[command]]
    code, out, err = _run(capsys, *argv, "--history", str(path))
    assert (code, out) == (2, "")
    if command in ("plot", "report") and PLOTTING_LEFT_OUT:
        # The minimum-versions run has no matplotlib: the command says which extra to install.
        assert err == f"ilacs {command}: error: {MISSING_PLOT}\n"
        return
    assert err.startswith(f"ilacs {command}: error: {path}, row 3, column A: la_code: got")
    assert err.count("\n") == 1
    code, out, err = _run(capsys, *argv, "--history", str(path), "--lenient")
    assert code == 0
    assert err.splitlines()[:4] == problem_lines(path)
    assert out


def test_lenient_names_the_sheet_of_an_ods_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "outcomes.ods"
    visit = row(b"Thurrock", b"2024-06-31", b"ILACS Focused Visit")
    good = row(b"Thurrock", b"2024-05-13", b"ILACS Focused Visit")
    path.write_bytes(ofsted_file(b"", in_year=visit + good))
    code, out, err = _run(capsys, "history", "--history", str(path), "--lenient")
    assert code == 0
    assert err.splitlines() == [
        f"{path}[In-year_inspections]:2: inspection/visit date: got '2024-06-31'; expected a "
        "date that exists (day is out of range for month)",
        f"{path}: 1 problem(s), 1 inspection(s) read",
    ]
    assert "2024-05-13" in out


@needs_data
def test_calibration_from_a_file_with_a_bad_row_needs_lenient(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    national = tmp_path / "national.csv"
    bad = "E06000034,Thurrock,ILACS,focused_visit,2025-02-30,,,,,,,"
    national.write_text(CSV_2025.read_text(encoding="utf-8") + bad + "\n", encoding="utf-8")
    history = tmp_path / "thurrock.csv"
    history.write_text(HEADER + "\n" + THURROCK + "\n", encoding="utf-8")
    argv = ["next", "--history", str(history), "--as-of", "2025-03-31"]
    code, _, err = _run(capsys, *argv, "--calibration-from", str(national))
    assert code == 2
    assert err.startswith(f"ilacs next: error: {national}, row 738, column E: start_date")
    code, out, err = _run(capsys, *argv, "--calibration-from", str(national), "--lenient")
    assert code == 0
    assert f"{national}:738: start_date: got '2025-02-30'" in err
    assert f"{national}: 1 problem(s), 736 inspection(s) read" in err.splitlines()
    assert f"observed practice learnt from {national}" in out


def test_python_m_ilacs_reads_leniently_without_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "history.csv"
    path.write_text("\n".join(BAD_ROWS) + "\n", encoding="utf-8")
    result = _ilacs("history", "--history", str(path), "--lenient")
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == problem_lines(path)
    assert "Wokingham (E06000041)" in result.stdout
    strict = _ilacs("history", "--history", str(path))
    assert strict.returncode == 2
    assert strict.stderr.count("\n") == 1
    assert "Traceback" not in strict.stderr


# Through the real entry point, in a process of its own with its memory capped, so that a
# runaway fails the test instead of the machine.


def _ilacs(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _CAPPED, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


_CAPPED = (
    "import resource, sys, runpy; "
    "resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30)); "
    "sys.argv = ['ilacs', *sys.argv[1:]]; "
    "runpy.run_module('ilacs', run_name='__main__')"
)


@pytest.mark.parametrize("name", ["understated-size", "space-markers", "nested-spans"])
def test_python_m_ilacs_refuses_a_crafted_file_without_a_traceback(
    crafted_files: dict[str, Path], name: str
) -> None:
    result = _ilacs("next", "--history", str(crafted_files[name]))
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith(f"ilacs next: error: {crafted_files[name]}")
    assert result.stderr.count("\n") == 1


def test_python_m_ilacs_refuses_a_count_of_millions_without_a_traceback() -> None:
    result = _ilacs("workdays", "add", "2023-05-09", "3000000")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


_BUGGY = (
    "import sys, ilacs.workdays, ilacs.cli; "
    "ilacs.workdays.add_working_days = lambda *a: 1 / 0; "
    "sys.exit(ilacs.cli.main(sys.argv[1:]))"
)


@pytest.mark.parametrize(
    ("argv", "env", "code", "traceback"),
    [
        ([], {"ILACS_DEBUG": ""}, 1, False),
        (["--debug"], {"ILACS_DEBUG": ""}, 1, True),
        ([], {"ILACS_DEBUG": "1"}, 1, True),
    ],
)
def test_an_internal_error_shows_a_traceback_only_when_asked(
    argv: list[str], env: dict[str, str], code: int, traceback: bool
) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _BUGGY, *argv, "workdays", "add", "2023-05-09", "3"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **env},
    )
    assert result.returncode == code
    assert ("Traceback" in result.stderr) is traceback
    assert "ZeroDivisionError" in result.stderr
    if not traceback:
        assert result.stderr.count("\n") == 1
        assert "--debug or ILACS_DEBUG=1" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a named pipe (POSIX)")
def test_ctrl_c_while_reading_exits_130_in_one_line(tmp_path: Path) -> None:
    # The history file is a pipe nobody writes to: the command waits in its read, and Ctrl-C
    # (SIGINT) arrives there.
    pipe = tmp_path / "history.csv"
    os.mkfifo(pipe)
    process = subprocess.Popen(
        [sys.executable, "-m", "ilacs", "next", "--history", str(pipe)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "ILACS_DEBUG": ""},
    )
    try:
        with open(pipe, "w"):  # returns once the command has opened the pipe to read it
            time.sleep(0.2)
            process.send_signal(signal.SIGINT)
            out, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 130
    assert (out, err) == ("", "ilacs next: interrupted\n")
