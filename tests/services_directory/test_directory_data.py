"""The shipped data: required services, their numbers exactly, and their records."""

from __future__ import annotations

import datetime as dt

import pytest

from services_directory import Directory
from services_directory.phones import parse_uk_number

REQUIRED_IDS = [
    "national-domestic-abuse-helpline",
    "refuge",
    "womens-aid",
    "mens-advice-line",
    "mankind-initiative",
    "galop",
    "karma-nirvana",
    "forced-marriage-unit",
    "national-stalking-helpline",
    "paladin",
    "revenge-porn-helpline",
    "respect-phoneline",
    "southall-black-sisters",
    "signhealth",
    "stay-safe-east",
    "surviving-economic-abuse",
    "jewish-womens-aid",
    "muslim-womens-network",
    "restored",
    "nspcc",
    "victim-support",
    "ncdv",
    "rights-of-women",
    "safelives",
    "live-fear-free",
    "dyn-wales",
    "welsh-womens-aid",
    "bawso",
    "hackney-dais",
    "hackney-out-of-hours",
    "pan-london-housing-reciprocal",
    "my-cwa",
    "derbyshire-domestic-abuse-helpline",
    "crossroads-derbyshire",
    "bright-sky",
    "hollie-guard",
    "emergency-999",
    # Beyond the documents, for UK-wide routing (issue 3 cites each service's own site).
    "scotland-domestic-abuse-helpline",
    "ni-domestic-sexual-abuse-helpline",
    "samaritans",
    "childline",
    "hourglass",
    "rape-crisis",
    "police-101",
]
# Ids the gateway and actions were written against, kept as aliases.
FORMER_IDS = {
    "scotland-domestic-abuse-forced-marriage-helpline": "scotland-domestic-abuse-helpline",
}

# Main phone number of each service, written exactly as issue 3 gives it; compared in
# libphonenumber's normalised form, so "0808 80 10 800" and "0808 801 0800" are equal.
PHONE_NUMBERS = {
    "national-domestic-abuse-helpline": "0808 2000 247",
    "mens-advice-line": "0808 801 0327",
    "mankind-initiative": "01823 334244",
    "galop": "0800 999 5428",
    "karma-nirvana": "0800 5999 247",
    "forced-marriage-unit": "020 7008 0151",
    "national-stalking-helpline": "0808 802 0300",
    "revenge-porn-helpline": "0345 6000 459",
    "respect-phoneline": "0808 802 4040",
    "victim-support": "0808 1689 111",
    "ncdv": "0800 970 2070",
    "live-fear-free": "0808 80 10 800",
    "dyn-wales": "0808 801 0321",
    "hackney-dais": "020 8356 4458",
    "hackney-out-of-hours": "020 8356 2300",
    "derbyshire-domestic-abuse-helpline": "0800 0198 668",
    "emergency-999": "999",
    "scotland-domestic-abuse-helpline": "0800 027 1234",
    "ni-domestic-sexual-abuse-helpline": "0808 802 1414",
    "samaritans": "116 123",
    "childline": "0800 1111",
    "hourglass": "0808 808 8141",
    "rape-crisis": "0808 500 2222",
    "police-101": "101",
}

# The lines issue 3 adds beyond the documents, with the hours it gives (None: not given).
UK_WIDE_LINES = {
    "scotland-domestic-abuse-helpline": ("https://sdafmh.org.uk", "24/7"),
    "ni-domestic-sexual-abuse-helpline": ("https://www.dsahelpline.org", "24/7"),
    "samaritans": ("https://www.samaritans.org", "24/7"),
    "childline": ("https://www.childline.org.uk", None),
    "hourglass": ("https://www.wearehourglass.org", None),
    "rape-crisis": ("https://rapecrisis.org.uk", "24/7"),
    "police-101": ("https://www.police.uk/pu/contact-the-police/", None),
}


@pytest.mark.parametrize("service_id", REQUIRED_IDS)
def test_required_service_is_present(directory: Directory, service_id: str) -> None:
    assert service_id in directory
    assert directory.get(service_id).name


@pytest.mark.parametrize("service_id", REQUIRED_IDS)
def test_required_service_is_valid_and_offerable(directory: Directory, service_id: str) -> None:
    service = directory.get(service_id)
    assert service.id == service_id
    assert service.description["en"].strip() and service.needs and service.source
    assert service.last_verified <= dt.date.today()


@pytest.mark.parametrize(("former", "current"), sorted(FORMER_IDS.items()))
def test_former_ids_still_resolve(directory: Directory, former: str, current: str) -> None:
    assert directory.get(former).id == current


@pytest.mark.parametrize(("service_id", "number"), sorted(PHONE_NUMBERS.items()))
def test_main_phone_number_is_exactly_the_sourced_one(
    directory: Directory, service_id: str, number: str
) -> None:
    phone = directory.get(service_id).phone
    assert phone is not None
    assert parse_uk_number(phone.number).digits == parse_uk_number(number).digits
    assert parse_uk_number(phone.number).e164 == parse_uk_number(number).e164


def test_hackney_dais_has_all_three_numbers_office_hours_and_16_plus(
    directory: Directory,
) -> None:
    dais = directory.get("hackney-dais")
    numbers = [parse_uk_number(c.number).e164 for c in dais.contacts if c.channel == "phone"]
    assert numbers == ["+442083564458", "+442083564459", "+448000560905"]
    assert all(c.hours and c.hours.describe() == "Monday to Friday, 9am to 5pm"
               for c in dais.contacts)
    assert dais.eligibility.min_age == 16
    assert dais.coverage == ["hackney"]
    assert "professionals" in dais.needs


def test_derbyshire_text_number(directory: Directory) -> None:
    text = directory.get("derbyshire-domestic-abuse-helpline").first_contact("text")
    assert text is not None
    assert parse_uk_number(text.number).e164 == "+447534617252"


def test_galop_records_the_older_0300_number_and_why_it_is_not_used(
    directory: Directory,
) -> None:
    galop = directory.get("galop")
    served = {parse_uk_number(c.number).digits for c in galop.contacts if c.number}
    assert "03009995428" not in served
    older = [f for f in galop.omitted_facts if f.value == "0300 999 5428"]
    assert older and older[0].reason


def test_ncdv_texts_its_own_short_code_and_leaves_out_the_malformed_one(
    directory: Directory,
) -> None:
    # NCDV's own site (ncdv.org.uk) gives "Text: NCDV to 60777"; the seed's 607779 has a
    # digit too many and stays under omitted_facts.
    ncdv = directory.get("ncdv")
    text = ncdv.first_contact("text")
    assert text is not None and parse_uk_number(text.number).digits == "60777"
    assert any("607779" in (f.value or "") for f in ncdv.omitted_facts)


@pytest.mark.parametrize(("service_id", "site", "hours"),
                         [(sid, *facts) for sid, facts in sorted(UK_WIDE_LINES.items())])
def test_uk_wide_lines_cite_their_own_site_and_only_the_hours_given(
    directory: Directory, service_id: str, site: str, hours: str | None
) -> None:
    service = directory.get(service_id)
    assert service.source[0].document == site
    assert "issue-3" in [ref.document for ref in service.source]
    phone = service.phone
    assert phone is not None
    if hours == "24/7":
        assert service.is_24_7_phone_line
    else:
        # Not given by the issue: unknown, never guessed.
        assert phone.hours is None
        assert any(f.fact == "opening hours" for f in service.omitted_facts)


def test_999_records_the_silent_solution_with_the_police_guidance(
    directory: Directory,
) -> None:
    emergency = directory.get("emergency-999")
    phone = emergency.phone
    assert phone is not None and phone.notes
    assert "dial 999, then press 55 on a mobile" in phone.notes
    assert "press 55" in emergency.description["en"]
    police_refs = [ref for ref in emergency.source if ref.document.startswith("https://www.police.uk")]
    assert police_refs and "Silent Solution" in (police_refs[0].facts or "")
    assert not any("Silent Solution" in f.fact for f in emergency.omitted_facts)


def test_samaritans_shows_its_published_grouping(directory: Directory) -> None:
    card = directory.card("samaritans", dt.datetime(2026, 11, 22, 2, 0))
    assert card["phone"] == "116 123"
    assert card["open_now"] is True
    assert directory.get("samaritans").phone.tel_uri() == "tel:116123"


def test_unknown_id_is_a_key_error(directory: Directory) -> None:
    with pytest.raises(KeyError):
        directory.get("no-such-service")


def test_every_entry_has_source_and_last_verified(directory: Directory) -> None:
    for service in directory.services:
        assert service.source, service.id
        assert isinstance(service.last_verified, dt.date), service.id


def test_every_number_is_valid_and_has_a_tel_link(directory: Directory) -> None:
    for service in directory.services:
        for contact in service.contacts:
            if contact.number:
                assert contact.tel_uri().startswith("tel:"), service.id


def test_card_has_exactly_the_agreed_keys_and_display_format(directory: Directory) -> None:
    card = directory.card("national-domestic-abuse-helpline", dt.datetime(2026, 11, 22, 2, 0))
    assert card == {
        "id": "national-domestic-abuse-helpline",
        "name": "National Domestic Abuse Helpline",
        "phone": "0808 2000 247",
        "text": None,
        "url": None,
        "hours": "24 hours, every day",
        "open_now": True,
        "webchat": "https://www.nationaldahelpline.org.uk",
        "email": None,
        "channels": [
            {"channel": "phone", "label": None, "value": "0808 2000 247",
             "href": "tel:+44-808-200-0247", "hours": "24 hours, every day", "open_now": True,
             "hours_url": None},
            # Two sources give the web chat different hours (3-6pm, 3-10pm): neither is
            # shown as certain.
            {"channel": "webchat", "label": None, "value": "https://www.nationaldahelpline.org.uk",
             "href": "https://www.nationaldahelpline.org.uk",
             "hours": "Hours vary: check their website", "open_now": None,
             "hours_url": "https://www.nationaldahelpline.org.uk"},
        ],
    }


def test_card_for_office_hours_service_is_closed_at_night(directory: Directory) -> None:
    sunday_2am = dt.datetime(2026, 11, 22, 2, 0, tzinfo=dt.timezone.utc)
    card = directory.card("hackney-dais", sunday_2am)
    assert card["phone"] == "020 8356 4458"
    assert card["hours"] == "Monday to Friday, 9am to 5pm"
    assert card["open_now"] is False
    monday_10am = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.timezone.utc)
    assert directory.card("hackney-dais", monday_10am)["open_now"] is True


def test_card_with_unknown_hours_says_so(directory: Directory) -> None:
    card = directory.card("galop", dt.datetime(2026, 11, 23, 10, 0))
    assert card["hours"] is None and card["open_now"] is None
    assert card["phone"] == "0800 999 5428"


def test_card_text_and_url(directory: Directory) -> None:
    now = dt.datetime(2026, 11, 23, 10, 0)
    assert directory.card("derbyshire-domestic-abuse-helpline", now)["text"] == "07534 617252"
    assert directory.card("womens-aid", now)["url"] == "https://www.womensaid.org.uk"
