"""The widget must load at once on a cheap phone: a hard budget on what it sends."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

WIDGET_DIR = Path(__file__).resolve().parents[2] / "web_widget"
BUDGET_BYTES = 15 * 1000  # widget.js + widget.css, gzipped, together


def gzipped_size(name: str) -> int:
    return len(gzip.compress((WIDGET_DIR / name).read_bytes(), compresslevel=9, mtime=0))


def test_widget_js_and_css_fit_in_15_kb_gzipped() -> None:
    js, css = gzipped_size("widget.js"), gzipped_size("widget.css")
    print(f"widget.js {js} B + widget.css {css} B = {js + css} B gzipped (budget {BUDGET_BYTES})")
    assert js + css <= BUDGET_BYTES


def test_widget_files_are_self_contained() -> None:
    """No fonts, images or scripts from elsewhere, and nothing that needs unsafe-inline."""
    js = (WIDGET_DIR / "widget.js").read_text()
    css = (WIDGET_DIR / "widget.css").read_text()
    for forbidden in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                      "new Function", "document.cookie", "setAttribute(\"style\""]:
        assert forbidden not in js, forbidden
    assert not re.search(r"\blocalStorage\s*[.\[]", js)
    for forbidden in ["@import", "url(", "@font-face"]:
        assert forbidden not in css, forbidden
    demo = (WIDGET_DIR / "index.html").read_text()
    assert "<style" not in demo and " style=" not in demo
    assert "<script>" not in demo and " on" + "click=" not in demo
