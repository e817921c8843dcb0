"""GET /api/translations/{locale}: the web widget's own words in one language.

They come from the widget catalogue (common/i18n/locales/<locale>/LC_MESSAGES/widget.po),
keyed by the English msgid the widget carries, so a missing translation is English.
"""

from __future__ import annotations

from functools import cache

from babel.messages.pofile import read_po
from fastapi import APIRouter, HTTPException, Path

from common.i18n import DEFAULT_LOCALE, LOCALES_DIR, SUPPORTED_LOCALES, Translator
from gateway.schemas import Translations

router = APIRouter()


@cache
def widget_strings(locale: str) -> dict[str, str]:
    path = LOCALES_DIR / locale / "LC_MESSAGES" / "widget.po"
    if locale == DEFAULT_LOCALE or not path.exists():
        return {}
    with path.open("rb") as po:
        catalogue = read_po(po)
    return {m.id: m.string for m in catalogue
            if isinstance(m.id, str) and m.id and isinstance(m.string, str) and m.string
            and not m.fuzzy}


@router.get("/api/translations/{locale}", response_model=Translations,
            responses={404: {"description": "A language the widget has no words for"}})
async def translations(
    locale: str = Path(..., regex=r"^[a-z]{2,3}$", description="e.g. cy, ur"),
) -> Translations:
    if locale not in SUPPORTED_LOCALES:
        raise HTTPException(status_code=404, detail=f"no translations for {locale}")
    rtl = Translator(locale).rtl
    return Translations(locale=locale, dir="rtl" if rtl else "ltr", strings=widget_strings(locale))
