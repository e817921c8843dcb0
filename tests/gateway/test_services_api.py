"""GET /api/services and GET /api/services/{id}, over the real directory with a frozen clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from common.settings import Settings
from gateway.app import create_app
from gateway.resources import Resources, get_resources
from gateway.routes.services import get_now
from services_directory import load_directory
from tests.gateway.fakes import FakeRasa, FakeRedis

SUNDAY_2AM = dt.datetime(2026, 11, 22, 2, 0, tzinfo=dt.timezone.utc)
MONDAY_10AM = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def resources() -> Resources:
    """The conftest's fakes, but the real directory: these tests are about its data."""
    return Resources(
        settings=Settings(),
        rasa=FakeRasa(),  # type: ignore[arg-type]
        redis=FakeRedis(),  # type: ignore[arg-type]
        directory=load_directory(),
    )


@pytest.fixture
def clock() -> list[dt.datetime]:
    """The time the API sees; a test changes clock[0] to move it."""
    return [SUNDAY_2AM]


@pytest.fixture
def client(resources: Resources, clock: list[dt.datetime]) -> Iterator[TestClient]:
    app = create_app(Settings())
    app.dependency_overrides[get_resources] = lambda: resources
    app.dependency_overrides[get_now] = lambda: clock[0]
    yield TestClient(app)


def ids(response_json: dict) -> list[str]:
    return [service["id"] for service in response_json["services"]]


def test_area_hackney_includes_hackney_dais(client: TestClient) -> None:
    response = client.get("/api/services", params={"area": "hackney"})
    assert response.status_code == 200
    body = response.json()
    assert "hackney-dais" in ids(body)
    assert body["count"] == len(body["services"])
    # National services cover Hackney too; another borough's local services do not.
    assert "national-domestic-abuse-helpline" in ids(body)
    assert "derbyshire-domestic-abuse-helpline" not in ids(body)
    assert "live-fear-free" not in ids(body)


def test_need_lgbt_includes_galop(client: TestClient) -> None:
    body = client.get("/api/services", params={"need": "lgbt"}).json()
    assert "galop" in ids(body)
    assert all("lgbt" in service["needs"] for service in body["services"])


def test_filters_combine(client: TestClient) -> None:
    body = client.get("/api/services", params={"area": "cardiff", "need": "male-victims"}).json()
    assert set(ids(body)) == {"dyn-wales", "mens-advice-line", "mankind-initiative"}


def test_area_accepts_a_place_name_or_postcode(client: TestClient) -> None:
    assert "hackney-dais" in ids(client.get("/api/services", params={"area": "E8 3AB"}).json())
    buxton = ids(client.get("/api/services", params={"area": "Buxton"}).json())
    assert "derbyshire-domestic-abuse-helpline" in buxton


def test_no_filters_lists_every_service_sorted_by_name(client: TestClient) -> None:
    body = client.get("/api/services").json()
    assert body["count"] == len(load_directory().services)
    names = [service["name"].lower() for service in body["services"]]
    assert names == sorted(names)


def test_summary_matches_the_chat_card(client: TestClient) -> None:
    body = client.get("/api/services", params={"area": "hackney"}).json()
    dais = next(s for s in body["services"] if s["id"] == "hackney-dais")
    card = load_directory().card("hackney-dais", SUNDAY_2AM)
    assert {key: dais[key] for key in card} == card
    assert dais["coverage"] == ["hackney"]
    assert dais["description"]["en"]


def test_open_now_uses_the_clock(client: TestClient, clock: list[dt.datetime]) -> None:
    at_night = ids(client.get("/api/services", params={"open_now": "true"}).json())
    assert "hackney-dais" not in at_night
    assert {"national-domestic-abuse-helpline", "samaritans", "emergency-999"} <= set(at_night)
    closed = ids(client.get("/api/services", params={"open_now": "false"}).json())
    assert "hackney-dais" in closed
    # Unknown hours are neither open nor closed.
    assert "galop" not in at_night and "galop" not in closed
    clock[0] = MONDAY_10AM
    assert "hackney-dais" in ids(client.get("/api/services", params={"open_now": "true"}).json())


def test_language_matches_recorded_languages_only(client: TestClient) -> None:
    body = client.get("/api/services", params={"language": "pl"})
    assert body.status_code == 200
    for service in body.json()["services"]:
        detail = client.get(f"/api/services/{service['id']}").json()
        assert "pl" in (detail["languages"] or []) or detail["interpreting"]


@pytest.mark.parametrize("query", ["aera=hackney", "area=hackney&page=2", "foo="])
def test_unknown_query_parameters_are_a_422(client: TestClient, query: str) -> None:
    response = client.get(f"/api/services?{query}")
    assert response.status_code == 422
    errors = response.json()["detail"]
    assert errors and all("unknown query parameter" in e["msg"] for e in errors)
    assert "allowed: area, need, language, open_now" in errors[0]["msg"]
    assert errors[0]["loc"][0] == "query"


def test_repeated_parameter_is_a_422(client: TestClient) -> None:
    response = client.get("/api/services?area=hackney&area=cardiff")
    assert response.status_code == 422
    assert "more than once" in response.json()["detail"][0]["msg"]


@pytest.mark.parametrize(("params", "field", "message"), [
    ({"area": "atlantis"}, "area", "unknown area 'atlantis'"),
    ({"area": "CH4 8AA"}, "area", "crosses a border"),
    ({"need": "lgbtq"}, "need", "unknown need 'lgbtq'"),
    ({"language": "xx-notalanguage"}, "language", "is not a language code"),
    ({"open_now": "perhaps"}, "open_now", "bool"),
])
def test_bad_filter_values_are_a_422_naming_the_parameter(
    client: TestClient, params: dict[str, str], field: str, message: str
) -> None:
    response = client.get("/api/services", params=params)
    assert response.status_code == 422
    error = response.json()["detail"][0]
    assert error["loc"] == ["query", field]
    assert message in error["msg"]


def test_one_service_with_every_contact(client: TestClient) -> None:
    response = client.get("/api/services/hackney-dais")
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == "hackney-dais"
    assert [c["number"] for c in body["contacts"]] == [
        "020 8356 4458", "020 8356 4459", "0800 056 0905"]
    assert body["contacts"][0]["tel"] == "tel:+44-20-8356-4458"
    assert body["contacts"][0]["hours"] == "Monday to Friday, 9am to 5pm"
    assert body["contacts"][0]["open_now"] is False
    assert body["eligibility"]["min_age"] == 16
    assert body["last_verified"] == "2026-11-23"
    assert body["sources"][0]["document"] == "hackney-council-dv-page"
    assert body["sources"][0]["title"].startswith("Hackney Council")


def test_999_detail_gives_the_silent_solution(client: TestClient) -> None:
    body = client.get("/api/services/emergency-999").json()
    assert "press 55" in body["contacts"][0]["notes"]
    assert body["open_now"] is True


def test_former_id_answers_with_the_current_service(client: TestClient) -> None:
    response = client.get("/api/services/scotland-domestic-abuse-forced-marriage-helpline")
    assert response.status_code == 200
    assert response.json()["id"] == "scotland-domestic-abuse-helpline"


def test_unknown_id_is_a_404(client: TestClient) -> None:
    response = client.get("/api/services/no-such-service")
    assert response.status_code == 404
    assert response.json()["detail"] == "no service with id 'no-such-service'"


def test_detail_rejects_query_parameters(client: TestClient) -> None:
    response = client.get("/api/services/galop?area=hackney")
    assert response.status_code == 422
    assert "unknown query parameter 'area'" in response.json()["detail"][0]["msg"]


def test_a_service_without_a_phone_lists_its_email_and_website(client: TestClient) -> None:
    aid = client.get("/api/services/womens-aid").json()
    assert aid["phone"] is None and aid["email"] == "helpline@womensaid.org.uk"
    assert [(c["channel"], c["href"]) for c in aid["channels"]] == [
        ("email", "mailto:helpline@womensaid.org.uk"),
        ("webchat", None),  # its page gives the chat's hours, not its address
        ("website", "https://www.womensaid.org.uk"),
    ]
