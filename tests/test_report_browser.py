"""The HTML report opened from disk in a real headless Chromium, as a reader would open it.

The page must load without console errors or requests beyond itself, look like something (a
screenshot of the expected size, not blank), sort its table when a heading is pressed, draw
every figure, keep hostile text inert, and print sensibly. Needs Debian's ``chromium`` (which
``.ci/run`` installs); skipped, saying so, only where it is not installed.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser import Browser, chromium, file_url, png_size
from conftest import shared_file
from ilacs.cli import main
from ilacs.report import render_report
from ilacs.scheduling import next_inspection
from test_report import thurrock_called

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "histories.csv"
OFSTED_2024 = (
    ROOT.parent / "shared" / "data" / "ofsted" / "LA_Inspection_Outcomes_as_at_March_2024.ods"
)
WIDTH, HEIGHT = 1280, 900


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = chromium()
    if executable is None:
        reason = "Debian's chromium is not installed (apt-get install chromium; .ci/run does)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}: in CI the report must be opened in a browser")
        pytest.skip(reason)
    with Browser(executable) as opened:
        yield opened


def write_report(history: Path, out: Path, as_of: str = "2024-03-31") -> Path:
    assert main(["report", "--history", str(history), "--as-of", as_of, "-o", str(out)]) == 0
    return out


def look(browser: Browser, page: Path) -> None:
    """Open ``page``; fail on any console error or warning, or any request for another file."""
    browser.events.clear()
    browser.call("Emulation.setEmulatedMedia", media="screen")
    browser.open(file_url(page), width=WIDTH, height=HEIGHT)
    assert browser.problems() == []
    assert browser.requests() == [file_url(page)]


def column(browser: Browser, index: int) -> list[str]:
    value = browser.evaluate(
        "Array.from(document.querySelectorAll('#next-table tbody tr'))"
        f".map(row => row.cells[{index}].getAttribute('data-sort'))"
    )
    assert isinstance(value, list)
    return [str(v) for v in value]


def not_blank(png: bytes) -> None:
    import matplotlib.image

    image: Any = matplotlib.image.imread(io.BytesIO(png), format="png")
    colours = {tuple(p) for p in image.reshape(-1, image.shape[-1])[::11].tolist()}
    assert len(colours) > 40, "the screenshot is nearly one colour"
    ink = (image[..., :3] < 0.6).any(axis=-1).mean()
    assert ink > 0.01, "hardly anything is drawn"


def test_the_minutes_report_in_a_browser(tmp_path: Path, browser: Browser) -> None:
    page = write_report(EXAMPLES, tmp_path / "report.html")
    look(browser, page)

    png = browser.screenshot()
    assert png_size(png) == (WIDTH, HEIGHT)
    not_blank(png)
    assert browser.evaluate("document.title").startswith("Next Ofsted inspections")

    # Every figure is drawn at a readable size: the chart, the key, one timeline per LA.
    sizes = browser.evaluate(
        "Array.from(document.querySelectorAll('figure svg'))"
        ".map(svg => [svg.getBoundingClientRect().width, svg.getBoundingClientRect().height])"
    )
    assert len(sizes) == 5
    assert all(w > 800 and h > 40 for w, h in sizes), sizes

    # The table sorts by the heading pressed, then the other way on a second press.
    assert column(browser, 0) == ["thurrock", "durham", "wokingham"]  # by expected day
    browser.evaluate("document.querySelector('th[data-key=la] button').click()")
    assert column(browser, 0) == ["durham", "thurrock", "wokingham"]
    assert browser.evaluate("document.querySelector('th[data-key=la]').ariaSort") == "ascending"
    browser.evaluate("document.querySelector('th[data-key=la] button').click()")
    assert column(browser, 0) == ["wokingham", "thurrock", "durham"]
    browser.evaluate("document.querySelector('th[data-key=latest] button').click()")
    latest = column(browser, 5)
    assert latest == sorted(latest)
    assert browser.problems() == []

    # A section, as a reader following the table's link sees it.
    browser.evaluate("document.querySelector('a[href=\"#la-E06000047\"]').click()")
    top = "document.getElementById('la-E06000047').getBoundingClientRect().top"
    assert browser.evaluate(f"Math.abs({top}) < 1") is True  # scrolled to the section
    not_blank(browser.screenshot())

    # Printed: no navigation, each LA on its own page, sources' addresses written out.
    browser.call("Emulation.setEmulatedMedia", media="print")
    assert browser.evaluate("getComputedStyle(document.querySelector('nav')).display") == "none"
    pdf = browser.pdf()
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pages >= 5  # the table, the chart, and each of the three LAs
    assert browser.problems() == []


def test_hostile_text_stays_text_in_a_browser(tmp_path: Path, browser: Browser) -> None:
    name = '<img src=x onerror="window.pwned=1"><script>window.pwned=1</script> & Co'
    history = thurrock_called(name)
    as_of = dt.date(2024, 3, 31)
    forecast = next_inspection(history, as_of=as_of)
    page = tmp_path / "hostile.html"
    page.write_text(render_report([history], [forecast], as_of=as_of), encoding="utf-8")
    look(browser, page)
    assert browser.evaluate("typeof window.pwned") == "undefined"
    heading = browser.evaluate("document.querySelector('section.la h3').textContent")
    assert heading == f"{name} (E06000034)"


def test_the_national_report_in_a_browser(tmp_path: Path, browser: Browser) -> None:
    page = write_report(shared_file(OFSTED_2024), tmp_path / "england.html")
    look(browser, page)
    rows = browser.evaluate("document.querySelectorAll('#next-table tbody tr').length")
    figures = browser.evaluate("document.querySelectorAll('section.la svg').length")
    drawn = browser.evaluate(
        "Array.from(document.querySelectorAll('section.la svg'))"
        ".filter(svg => svg.getBoundingClientRect().height > 40).length"
    )
    sections = browser.evaluate("document.querySelectorAll('section.la').length")
    # An LA with no event in the file (one created by reorganisation) has no timeline, and
    # says so; every other LA, forecast or not, has its timeline drawn.
    without = browser.evaluate(
        "Array.from(document.querySelectorAll('section.la p.data-end'))"
        ".filter(p => p.textContent.startsWith('No inspection or visit')).length"
    )
    assert rows > 140
    assert drawn == figures == sections - without
    assert sections > rows  # the LAs not forecast have their sections too
    png = browser.screenshot()
    assert png_size(png) == (WIDTH, HEIGHT)
    not_blank(png)
