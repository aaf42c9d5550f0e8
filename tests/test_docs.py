"""The documentation agrees with the code: the rules page, the public names, the changelog."""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
import re
from pathlib import Path

import pytest

import ilacs
from conftest import shared_file

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
    for entry in ilacs.catalogue.all_rules():
        assert f"`{entry.code}`" in page


def _front_door_table() -> list[str]:
    api = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    section = api.split("## The front door", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `ilacs\.(\w+)` \|", section, flags=re.M)


def test_the_front_door_table_of_the_api_page_is_the_packages_front_door() -> None:
    listed = _front_door_table()
    assert len(listed) == len(set(listed))
    assert set(listed) == set(ilacs.__all__), "docs/api.md's front door and ilacs.__all__ differ"


def test_every_public_name_resolves_and_its_module_is_documented() -> None:
    api = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    modules = set(re.findall(r"automodule:: ([\w.]+)", api))
    for package in (ilacs, ilacs.catalogue, ilacs.scheduling):
        for name in package.__all__:
            value = getattr(package, name)
            module = getattr(value, "__module__", None) or package._PUBLIC[name]
            assert module in modules, f"{package.__name__}.{name} ({module}) not in docs/api.md"


def test_no_lazy_name_is_also_a_module_of_its_package() -> None:
    # Importing package.x sets the package's attribute x to the module, for good: a lazily
    # loaded public name x would then be that module ("'module' object is not callable", seen
    # when ilacs.scheduling.deadlines was both a function and the module defining it).
    for package in (ilacs, ilacs.catalogue, ilacs.scheduling):
        modules = {m.name for m in pkgutil.iter_modules(package.__path__)}
        assert modules.isdisjoint(package.__all__), package.__name__
    for where in {*ilacs._PUBLIC.values(), *ilacs.scheduling._PUBLIC.values()}:
        importlib.import_module(where)
    assert callable(ilacs.scheduling.deadlines)
    assert callable(ilacs.deadlines)


def test_the_stubs_type_checkers_read_are_written_from_the_tables() -> None:
    spec = importlib.util.spec_from_file_location("names", ROOT / "tools" / "public_names.py")
    assert spec is not None
    assert spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    for package in tool.PACKAGES:
        written = tool.stub_path(package).read_text(encoding="utf-8")
        assert written == tool.render_stub(package), "run: .venv/bin/python tools/public_names.py"


def test_every_name_of_the_public_contract_is_at_the_front_door() -> None:
    contract = shared_file("spec/api.md").read_text(encoding="utf-8")
    named = set(re.findall(r"(?<![\w.])ilacs\.(\w+)", contract))
    assert named, "no ilacs.NAME in the contract"
    missing = sorted(n for n in named if n not in ilacs.__all__ and n not in ilacs._NAMESPACES)
    assert missing == []


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
