"""The documentation as a reader sees it: built with Sphinx, opened in headless Chromium.

Every page is loaded at a desktop width (1280 pixels) in one browser session, and the page
reports what it drew: code blocks wider than their box (which scroll sideways) and where the
front page's three questions sit. Skips when Sphinx or Chromium is missing (``.ci/run``
installs Debian's ``chromium``), and in the runs against the installed wheel, since the pages
come from the checkout.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
WIDTH, HEIGHT = 1280, 900

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("ILACS_TEST_INSTALLED")),
    reason="the pages come from the checkout: checked once, in the checkout's run (make unit)",
)

# Measures each page in an iframe of the window's size, then writes a JSON report into the
# probe page, which Chromium prints (--dump-dom) once every frame has loaded.
PROBE_SCRIPT = """
window.addEventListener('load', () => {
  const report = {};
  for (const frame of document.querySelectorAll('iframe')) {
    const doc = frame.contentDocument;
    const page = {wide: [], questions: []};
    report[frame.getAttribute('src')] = page;
    if (!doc) { page.unreadable = true; continue; }
    for (const pre of doc.querySelectorAll('pre')) {
      if (pre.scrollWidth <= pre.clientWidth) continue;
      const probe = doc.createElement('span');
      probe.textContent = 'x'.repeat(100);
      pre.appendChild(probe);
      const perChar = probe.getBoundingClientRect().width / 100;
      probe.remove();
      const fits = Math.floor((pre.clientWidth - 2 * parseFloat(getComputedStyle(pre)
        .paddingLeft)) / perChar);
      const section = pre.closest('section[id]');
      const lines = pre.innerText.split('\\n');
      const long = lines.filter(l => l.length > fits);
      const longest = lines.reduce((a, b) => (b.length > a.length ? b : a), '');
      page.wide.push({section: section ? section.id : '', fits,
                      lines: long.length ? long : [longest]});
    }
    for (const strong of doc.querySelectorAll('p > strong:first-child')) {
      const example = strong.parentElement.nextElementSibling;
      page.questions.push({
        text: strong.innerText,
        code: example ? example.querySelector('pre') !== null : false,
        bottom: (example || strong).getBoundingClientRect().bottom,
      });
    }
  }
  const out = document.createElement('pre');
  out.id = 'report';
  out.textContent = JSON.stringify(report);
  document.body.appendChild(out);
});
"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What every page of the built docs drew, as reported from inside the browser."""
    pytest.importorskip("sphinx", reason="Sphinx is a dev dependency: pip install -e '.[dev]'")
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("Chromium not found: apt-get install chromium (.ci/run installs it)")
    out = tmp_path_factory.mktemp("html")
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(ROOT / "docs"), str(out)],
        check=True,
        capture_output=True,
    )
    names = sorted(p.name for p in out.glob("*.html"))
    frames = "".join(
        f'<iframe src="{n}" width="{WIDTH}" height="{HEIGHT}"></iframe>' for n in names
    )
    probe = out / "_probe.html"
    probe.write_text(f"<!doctype html><body>{frames}<script>{PROBE_SCRIPT}</script></body>")
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--allow-file-access-from-files",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium')}",
        f"--window-size={WIDTH + 40},{HEIGHT}",
        "--dump-dom",
    ]
    dom = subprocess.run(
        [chromium, *flags, probe.as_uri()], capture_output=True, text=True, timeout=180
    ).stdout
    found = re.search(r'<pre id="report">(.*?)</pre>', dom, re.DOTALL)
    assert found is not None, f"the probe page wrote no report: {dom[:500]!r}"
    report: dict[str, Any] = json.loads(html.unescape(found[1]))
    assert set(report) == set(names)
    assert not [name for name, page in report.items() if page.get("unreadable")]
    return report


# The API page's section for ilacs.scheduling: its docstrings belong to the scheduling rewrite
# under way, which wraps its long example lines; the section is left out until then.
NOT_YET_WRAPPED: set[str] = set()


def test_no_code_block_scrolls_sideways_at_desktop_width(pages: dict[str, Any]) -> None:
    wide = {
        f"{name} #{block['section']} (fits {block['fits']}): {line}"
        for name, page in pages.items()
        for block in page["wide"]
        if not (name == "api.html" and block["section"] in NOT_YET_WRAPPED)
        for line in block["lines"]
    }
    assert not wide, "code lines too long for the page:\n" + "\n".join(sorted(wide))


def test_the_front_page_asks_its_three_questions_in_one_screen(pages: dict[str, Any]) -> None:
    front = pages["index.html"]
    questions = [q["text"] for q in front["questions"]]
    assert questions == [
        "When is our next inspection?",
        "What falls due after the report?",
        "Can we compare?",
    ]
    assert all(q["code"] for q in front["questions"])  # each followed by its example
    assert [q["bottom"] for q in front["questions"] if q["bottom"] > HEIGHT] == []
