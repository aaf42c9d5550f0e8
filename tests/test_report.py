"""The HTML report as a document: its parts, its escaping, and that it needs no network.

How it looks and behaves in a browser is tested in ``test_report_browser.py``.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import html
import html.parser
import re
import sys
import threading
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import ilacs
from ilacs.catalogue.la_codes import LOCAL_AUTHORITIES
from ilacs.errors import ValidationError
from ilacs.records import History, Inspection
from ilacs.report import render_report
from ilacs.scheduling import Forecast, next_inspection, next_inspections
from ilacs.tabular import read_csv

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "histories.csv"
AS_OF = dt.date(2024, 3, 31)


class Page(html.parser.HTMLParser):
    """The parts of a page the tests look at: tags, ids, attributes, text by element."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.ids: list[str] = []
        self.attributes: list[tuple[str, str, str]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self._in: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        self._in.append(tag)
        for name, value in attrs:
            self.attributes.append((tag, name, value or ""))
            if name == "id" and value:
                self.ids.append(value)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._in.pop()

    def handle_endtag(self, tag: str) -> None:
        while self._in and self._in.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if self._in and self._in[-1] == "script":
            self.scripts.append(data)
        self.text.append(data)

    @property
    def words(self) -> str:
        return " ".join(" ".join(self.text).split())


def national(found: dict[str, History], as_of: dt.date) -> tuple[list[Forecast], dict[str, str]]:
    """The forecasts of every LA in ``found``, and why the others have none, by code."""
    forecasts = next_inspections([e for h in found.values() for e in h], as_of=as_of)
    return list(forecasts), {left.la_code: left.reason for left in forecasts.left_out}


@pytest.fixture(scope="module")
def minutes() -> dict[str, History]:
    return ilacs.records.histories(read_csv(EXAMPLES))


@pytest.fixture(scope="module")
def page(minutes: dict[str, History]) -> str:
    forecasts, skipped = national(minutes, AS_OF)
    return render_report(minutes, forecasts, as_of=AS_OF, not_forecast=skipped, source="x.csv")


def test_the_page_holds_the_table_the_chart_and_each_la(page: str) -> None:
    parsed = Page(page)
    assert page.startswith("<!DOCTYPE html>")
    assert parsed.tags["table"] == 1 + 3  # the national table, and each LA's deadlines
    rows = re.findall(r"<tr(?: class=\"overdue\")?><td data-sort=\"([^\"]+)\"", page)
    # Soonest first: Thurrock (Feb 2025), Durham (Mar 2026), Wokingham (May 2027).
    assert rows == ["thurrock", "durham", "wokingham"]
    assert parsed.tags["svg"] == 1 + 1 + 3  # the chart, the key, a timeline per LA
    assert parsed.tags["section"] == 3 + 3
    words = parsed.words
    for text in (
        "Who is next",
        "Thurrock (E06000034), as of 31 March 2024: next graded inspection",
    ):
        assert text in words


def test_each_la_shows_its_reasons_sources_deadlines_and_data_end(
    page: str, minutes: dict[str, History]
) -> None:
    words = Page(page).words
    # Wokingham's report of 9 May 2023: action plan due 16 August 2023 (70 working days).
    assert "must send its action plan (written statement of proposed action) to Ofsted" in words
    assert "16 August 2023" in words
    assert "The data for Wokingham end with its ILACS focused visit of 20 February 2024." in words
    assert "The data for Durham end with its ILACS focused visit of 14 November 2023." in words
    # Every reason of every forecast, and a link to each of its sources on the web.
    for history in minutes.values():
        forecast = next_inspection(history, as_of=AS_OF)
        for reason in forecast.reasons:
            assert " ".join(reason.text.split()) in words
            for source in reason.sources:
                if source.url.startswith("http"):
                    assert f'<a href="{html.escape(source.url)}">' in page


def test_the_page_needs_no_network(page: str) -> None:
    parsed = Page(page)
    for tag, name, value in parsed.attributes:
        if name == "src" or (tag == "link" and name == "href"):
            pytest.fail(f"<{tag} {name}={value!r}> loads something")
        if tag == "a" and name == "href":
            assert value.startswith(("#", "https://", "http://")), value
    assert parsed.tags["link"] == parsed.tags["img"] == parsed.tags["iframe"] == 0
    assert "@import" not in page
    assert not re.search(r"url\((?!#)", page), "a style or figure refers to a file"


def test_ids_are_unique_across_the_inline_figures(page: str) -> None:
    ids = Page(page).ids
    repeated = [i for i, n in Counter(ids).items() if n > 1]
    assert not repeated
    for reference in re.findall(r"url\(#([^)]+)\)|href=\"#([^\"]+)\"", page):
        target = reference[0] or reference[1]
        assert target in ids, f"#{target} refers to nothing"


def thurrock_called(name: str) -> History:
    """Thurrock's ILACS inspection of November 2019 (good), under another name."""
    return History.of(
        [
            Inspection(
                "E06000034",
                name,
                "standard",
                start=dt.date(2019, 11, 11),
                end=dt.date(2019, 11, 22),
                published=dt.date(2019, 12, 20),
                judgements={"overall": "Good"},
            )
        ]
    )


def test_every_piece_of_text_is_escaped(minutes: dict[str, History]) -> None:
    name = '<script>window.pwned = 1</script> & "Sons" <b>'
    history = thurrock_called(name)
    forecast = next_inspection(history, as_of=AS_OF)
    page = render_report(
        {history.la_code: history}, [forecast], as_of=AS_OF, title="<i>Title</i>", source="<x>"
    )
    assert "<script>window" not in page
    assert "<b>" not in page
    assert "<i>Title</i>" not in page
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt; &amp; &quot;Sons&quot;" in page
    parsed = Page(page)
    assert parsed.tags["script"] == 1  # ours, and only ours
    assert name in parsed.words
    assert "<i>Title</i>" in parsed.words


def test_an_la_that_cannot_be_forecast_still_has_its_section(
    minutes: dict[str, History],
) -> None:
    visit = Inspection("E06000001", "Hartlepool", "focused_visit", start=dt.date(2021, 6, 30))
    found = {**minutes, "E06000001": History.of([visit])}
    forecasts, skipped = national(found, AS_OF)
    assert list(skipped) == ["E06000001"]
    page = render_report(found, forecasts, as_of=AS_OF, not_forecast=skipped)
    words = Page(page).words
    assert "3 LAs forecast, 0 overdue, 1 not forecast" in words
    section = page[page.index('id="la-E06000001"') :]
    assert "No forecast: history: got" in section
    assert "none graded on or before 2024-03-31" in section
    assert "No graded inspection in the data, so no deadlines to count." in section
    assert '<li><a href="#la-E06000001">Hartlepool</a>' in page
    assert section.count("<svg") == 1  # its timeline, with the visit


def test_a_stale_as_of_is_pointed_out(minutes: dict[str, History]) -> None:
    as_of = dt.date(2026, 1, 5)
    forecasts, _ = national(minutes, as_of)
    page = render_report(minutes, forecasts, as_of=as_of)
    # The latest event in the minutes' file is Wokingham's focused visit of 20 February 2024.
    # 685 days, 22.5 months of 365.25 / 12 days: 23 months.
    assert (
        "The data end on 20 February 2024, 23 months before 5 January 2026: inspections and "
        "visits since then are unknown, so an LA may have been inspected already."
    ) in Page(page).words
    fresh = render_report(
        minutes, national(minutes, dt.date(2024, 3, 1))[0], as_of=dt.date(2024, 3, 1)
    )
    assert 'class="warning"' not in fresh


def test_workers_draw_the_same_page(
    minutes: dict[str, History], monkeypatch: pytest.MonkeyPatch
) -> None:
    if sys.platform != "linux" or threading.active_count() > 1:
        pytest.skip("timelines are drawn in other processes only on Linux, from one thread")
    pools: list[int] = []

    class Pool(concurrent.futures.ProcessPoolExecutor):
        def __init__(self, workers: int, **kwargs: Any) -> None:
            pools.append(workers)
            super().__init__(workers, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Pool)
    # Thirty LAs, enough to share among processes: the minutes' histories given to the first
    # thirty LAs of the register (codes the forecasts know), ten each.
    many = {}
    sources = list(minutes.values())
    for n, authority in enumerate(LOCAL_AUTHORITIES[:30]):
        events = [
            Inspection(
                authority.code,
                authority.name,
                e.type,
                start=e.start,
                end=e.end,
                published=e.published,
                judgements=e.judgements,
            )
            for e in sources[n % 3]
        ]
        many[authority.code] = History.of(events)
    forecasts, _ = national(many, AS_OF)
    one = render_report(many, forecasts, as_of=AS_OF, workers=1)
    two = render_report(many, forecasts, as_of=AS_OF, workers=2)
    assert pools == [2]  # the second page was drawn by two processes, the first by none
    assert one == two
    assert one.count("<svg") == 30 + 2


def test_errors_name_the_field(minutes: dict[str, History]) -> None:
    forecast = next_inspection(minutes["E06000034"], as_of=AS_OF)
    with pytest.raises(ValidationError, match=r"^forecasts: got 'Thurrock as of 2024-03-31'"):
        render_report(minutes, [forecast], as_of=dt.date(2024, 4, 1))
    with pytest.raises(ValidationError, match=r"^histories: got 'Thurrock'"):
        render_report(["Thurrock"], [forecast], as_of=AS_OF)  # type: ignore[list-item]
    assert isinstance(forecast, Forecast)
