"""The documentation agrees with the code: the rules page, the public names, the changelog."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

import ilacs

ROOT = Path(__file__).resolve().parents[1]


def _load_generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("gen", ROOT / "docs" / "generate_rules_page.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rules_page_equals_the_catalogue() -> None:
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert page == _load_generator().render_page(), (
        "docs/rules.md is out of date: run .venv/bin/python docs/generate_rules_page.py"
    )


def test_rules_page_lists_every_rule_code() -> None:
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for entry in ilacs.all_rules():
        assert f"`{entry.code}`" in page


def test_every_public_name_resolves_and_is_documented_in_the_api_page() -> None:
    api = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    modules = set(re.findall(r"automodule:: ([\w.]+)", api))
    for name in ilacs.__all__:
        value = getattr(ilacs, name)
        if name == "__version__":
            continue
        module = getattr(value, "__module__", None)
        assert module in modules, f"{name} (from {module}) is not in docs/api.md"


def test_public_contract_names_from_the_spec_exist() -> None:
    for name in [
        "Grade",
        "Framework",
        "FrameworkVersion",
        "framework_version_on",
        "JudgementArea",
        "InspectionType",
        "Inspection",
        "Judgement",
        "is_working_day",
        "add_working_days",
        "working_days_between",
        "bank_holidays",
        "inspection_plan",
    ]:
        assert name in ilacs.__all__
        assert getattr(ilacs, name) is not None


def test_unknown_attribute_raises_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        ilacs.no_such_name  # type: ignore[attr-defined]  # noqa: B018
    assert "Grade" in dir(ilacs)


def test_changelog_has_an_unreleased_section_first() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", text, flags=re.M)
    assert headings[0] == "[Unreleased]"


def test_readme_has_exactly_two_setup_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = text.split("## Set up", 1)[1].split("##", 1)[0]
    commands = re.findall(r"^make \w+$", setup, flags=re.M)
    assert commands == ["make demo", "make test"]
