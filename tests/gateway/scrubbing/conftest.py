from __future__ import annotations

import pytest

from gateway.scrubbing import Scrubber, load_scrubber

LEXICON_PACKAGES = {"faker": "faker==40.54.0", "english_words": "english-words==2.0.2"}


@pytest.fixture(scope="session")
def scrubber() -> Scrubber:
    # Until the lexicon packages are in requirements/lock.txt, say so rather than fail.
    for module, requirement in LEXICON_PACKAGES.items():
        pytest.importorskip(module, reason=f"{requirement} (name lexicon) is not installed")
    return load_scrubber()
