"""Facts, then words: every reason code has a template, the docs list them, overrides show in words."""

from __future__ import annotations

import datetime as dt
import importlib.util
import itertools
from pathlib import Path

import attrs
import pytest

import ilacs
from ilacs.catalogue.cadence import CYCLE, MONITORING
from ilacs.errors import IlacsError
from ilacs.records import Inspection, histories
from ilacs.scheduling import DEFAULT_RULES
from ilacs.scheduling.calibration import written_only
from ilacs.sources import Reason
from ilacs.words import TEMPLATES, render, say, template_for

ROOT = Path(__file__).resolve().parents[1]
D = dt.date


def _page() -> object:
    spec = importlib.util.spec_from_file_location(
        "reasons_page", ROOT / "docs" / "generate_reasons_page.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_reasons_page_equals_the_templates() -> None:
    page = _page()
    text = (ROOT / "docs" / "reasons.md").read_text(encoding="utf-8")
    assert text == page.render_page(), "run: .venv/bin/python docs/generate_reasons_page.py"  # type: ignore[attr-defined]


def test_every_family_code_of_the_catalogue_has_its_template() -> None:
    families = _page().FAMILIES  # type: ignore[attr-defined]
    assert set(families) == {key for key in TEMPLATES if "*" in key}
    for key, codes in families.items():
        assert codes
        for code in codes:
            assert template_for(code) is TEMPLATES[key]


def _emitted(reasons: list[Reason]) -> None:
    documented = {k for k in TEMPLATES if "*" not in k} | {
        code
        for codes in _page().FAMILIES.values()
        for code in codes  # type: ignore[attr-defined]
    }
    for reason in reasons:
        assert reason.code in documented, reason.code
        assert render(reason).strip()


def test_every_code_the_library_emits_on_the_real_data_is_documented_and_renders(
    real_inspections: list[Inspection],
) -> None:
    found: list[Reason] = []
    every = histories(real_inspections)
    for history in every.values():
        for as_of in (D(2019, 6, 1), D(2022, 6, 1), D(2025, 3, 31), D(2026, 12, 2)):
            for function in (ilacs.next_inspection, ilacs.focused_visits, ilacs.monitoring_visits):
                try:
                    result = function(history, as_of=as_of)
                except IlacsError:
                    continue
                for forecast in result if isinstance(result, tuple) else (result,):
                    found += forecast.reasons
        graded = [e for e in history if e.graded]
        for inspection in history:
            if inspection.published is not None:
                found += [r for d in ilacs.deadlines(inspection) for r in d.reasons]
        for a, b in itertools.pairwise(graded):
            for policy in ("default", "ofsted-statistics", "like-for-like"):
                result = ilacs.compare_inspections(a, b, policy=policy)
                found += [r for c in result.comparisons for r in c.reasons]
                found += [r for u in result.unmatched for r in u.reasons]
    assert len({r.code for r in found}) >= 40
    _emitted(found)


def test_an_unknown_code_has_no_template() -> None:
    with pytest.raises(KeyError, match="no template"):
        say("no.such-code")
    with pytest.raises(KeyError):
        template_for("route.")


# --- overriding a rule changes the answer and its words -----------------------------------------

HISTORY = [
    Inspection(
        "E06000034", "Thurrock", "short", start=D(2022, 1, 10), end=D(2022, 1, 14),
        published=D(2022, 2, 25), judgements={"overall": "Good"},
    )
]  # fmt: skip
INADEQUATE = [
    Inspection(
        "E06000034", "Thurrock", "standard", start=D(2022, 1, 10), end=D(2022, 1, 21),
        published=D(2022, 2, 25), judgements={"overall": "Inadequate"},
    )
]  # fmt: skip
WRITTEN = written_only()


def _text(forecast: ilacs.Forecast, code: str) -> str:
    return next(r.text for r in forecast.reasons if r.code == code)


def test_overriding_the_cycle_changes_the_window_and_its_words() -> None:
    four = attrs.evolve(DEFAULT_RULES, cycle=attrs.evolve(CYCLE, years=4, band_months=3))
    base = ilacs.next_inspection(HISTORY, as_of=D(2022, 6, 1), calibration=WRITTEN)
    longer = ilacs.next_inspection(HISTORY, as_of=D(2022, 6, 1), calibration=WRITTEN, rules=four)
    assert base.written is not None
    assert longer.written is not None
    assert longer.written.expected == D(2026, 1, 10)  # the fourth anniversary
    assert longer.written.width_days < base.written.width_days
    assert "third anniversary" in _text(base, CYCLE.code)
    assert "3 months before and 3 months after the fourth anniversary" in _text(longer, CYCLE.code)


def test_overriding_monitoring_changes_the_visits_and_their_words() -> None:
    monthly = attrs.evolve(DEFAULT_RULES, monitoring=attrs.evolve(MONITORING, interval_months=1))
    quarterly = ilacs.monitoring_visits(INADEQUATE, as_of=D(2022, 3, 1), calibration=WRITTEN)
    often = ilacs.monitoring_visits(
        INADEQUATE, as_of=D(2022, 3, 1), calibration=WRITTEN, rules=monthly
    )
    assert (often[1].expected - often[0].expected).days < (
        quarterly[1].expected - quarterly[0].expected
    ).days
    assert "every 1 months" in _text(often[0], MONITORING.code)


def test_overriding_the_focused_visit_count_changes_the_visits_and_their_words() -> None:
    rule = DEFAULT_RULES.focused_visits
    two = attrs.evolve(
        DEFAULT_RULES,
        focused_visits=attrs.evolve(
            rule, default_count=tuple((g, 2) for g, _ in rule.default_count)
        ),
    )
    one = ilacs.focused_visits(HISTORY, as_of=D(2022, 6, 1), calibration=WRITTEN)
    both = ilacs.focused_visits(HISTORY, as_of=D(2022, 6, 1), calibration=WRITTEN, rules=two)
    assert (len(one), len(both)) == (1, 2)
    assert "1 focused visit is expected" in _text(one[0], rule.code)
    assert "2 focused visits are expected" in _text(both[0], rule.code)


def test_overriding_the_window_shares_changes_the_window_and_its_words() -> None:
    shipped = ilacs.scheduling.shipped()
    narrow = attrs.evolve(shipped, levels=(0.25, 0.5, 0.75))
    wide = ilacs.next_inspection(HISTORY, as_of=D(2024, 6, 1))
    tight = ilacs.next_inspection(HISTORY, as_of=D(2024, 6, 1), calibration=narrow)
    assert tight.window.width_days < wide.window.width_days
    assert "5% were inspected by" in _text(wide, "practice.graded")
    assert "25% were inspected by" in _text(tight, "practice.graded")
