"""Data shared by the services directory tests (a plain module, not a conftest)."""

# A minimal valid entry that tests change one field at a time.
VALID_SERVICE = """\
id: test-line
name: Test line
organisation: Test organisation
description:
  en: A line used by the tests.
needs: [domestic-abuse]
coverage: [hackney]
contacts:
  - channel: phone
    number: "020 8356 4458"
    hours:
      weekly:
        - {days: [mon, tue, wed, thu, fri], opens: "09:00", closes: "17:00"}
source:
  - document: hackney-council-dv-page
last_verified: 2026-01-01
"""

# The same entry with its contact sourced: complete enough for `validate`.
SOURCED_SERVICE = VALID_SERVICE.replace(
    "    hours:\n",
    "    source:\n      - document: hackney-council-dv-page\n    hours:\n",
)
