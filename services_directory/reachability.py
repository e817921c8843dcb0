"""Checks that each service can be reached and each way to reach it is sourced.

A service with no contacts is never offered (routing skips it), so it is not wrong
data, but it is an entry nobody can use; a contact without a source cannot be
re-checked. `validate` reports both (`check_directory(..., complete=True)`), and
an import never writes such a service.
"""

from __future__ import annotations

from services_directory.schema import Service


def reachability_problems(service: Service) -> list[tuple[str, str]]:
    """(field, message) for each gap; empty when every contact is there and sourced."""
    if not service.contacts:
        return [("contacts", "no way to reach this service: add at least one contact "
                             "(phone, text, email, webchat, website...) from a cited source")]
    return [(f"contacts.{index}.source",
             "no source: cite the page (url, page_date, read) or the document "
             "(a sources.yml key) that gives this contact")
            for index, contact in enumerate(service.contacts) if not contact.source]
