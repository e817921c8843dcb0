"""Importing spaCy without TensorFlow.

thinc, under spaCy, imports TensorFlow whenever it can, and Rasa's environment has
it: 10 s and 400 MB more in the gateway for nothing, since tokenising and matching
need no model. Import this module before anything imports spaCy.
"""

from __future__ import annotations

import sys

if "spacy" not in sys.modules and "tensorflow" not in sys.modules:
    sys.modules["tensorflow"] = None  # type: ignore[assignment]  # `import tensorflow` fails
    try:
        import spacy  # noqa: F401
    finally:
        del sys.modules["tensorflow"]
