from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi import FastAPI, Response
from fastapi.staticfiles import StaticFiles
from fastapi.testclient import TestClient

from common.settings import Settings
from gateway.app import WIDGET_DIR
from gateway.limits import install_limits
from gateway.security_headers import (
    content_security_policy,
    install_security_headers,
)

COUNCIL = "https://www.hackney.gov.uk"


def hardened_app(settings: Settings | None = None) -> FastAPI:
    """The gateway's shape: an API, and the widget files and demo page from web_widget/."""
    app = FastAPI()

    @app.post("/api/chat")
    async def chat(body: dict[str, Any]) -> dict[str, Any]:
        return {"replies": []}

    @app.delete("/api/conversations/{conversation_id}")
    async def forget(conversation_id: str) -> Response:
        return Response(status_code=204)

    @app.get("/api/leaky")
    async def leaky() -> Response:
        response = Response("x", headers={"server": "leaky/1.0", "x-powered-by": "python"})
        response.set_cookie("tracker", "1")
        return response

    app.mount("/", StaticFiles(directory=WIDGET_DIR, html=True), name="widget")
    install_limits(app, Settings(rate_limit_burst=1))
    install_security_headers(app, settings or Settings(cors_origins=(COUNCIL,)))
    return app


@pytest.fixture
def client() -> TestClient:
    return TestClient(hardened_app())


EVERY_KIND_OF_RESPONSE = [
    ("GET", "/", None),  # the demo page
    ("GET", "/widget.js", None),
    ("GET", "/widget.css", None),
    ("GET", "/no-such-file", None),  # 404
    ("POST", "/api/chat", {"message": "hi"}),
    ("DELETE", "/api/conversations/x", None),
    ("GET", "/api/chat", None),  # 405
]


@pytest.mark.parametrize(("method", "path", "body"), EVERY_KIND_OF_RESPONSE)
def test_every_response_carries_the_headers(
    client: TestClient, method: str, path: str, body: Any
) -> None:
    headers = client.request(method, path, json=body).headers
    csp = headers["content-security-policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    for directive in ("default-src 'none'", "script-src 'self'", "style-src 'self'",
                      "connect-src 'self'", "img-src 'self'", "frame-ancestors 'none'"):
        assert directive in csp
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-content-type-options"] == "nosniff"
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in headers["permissions-policy"]
    assert "server" not in headers and "set-cookie" not in headers


def test_refusals_carry_the_headers_too(client: TestClient) -> None:
    client.post("/api/chat", json={"message": "hi"})
    refused = client.post("/api/chat", json={"message": "hi"}, headers={"origin": COUNCIL})
    assert refused.status_code == 429
    assert "content-security-policy" in refused.headers
    # Cross-origin, the widget can read the refusal and how long to wait.
    assert refused.headers["access-control-allow-origin"] == COUNCIL
    assert "retry-after" in refused.headers["access-control-expose-headers"].lower()


def test_widget_files_may_be_embedded_by_any_site_and_nothing_else(client: TestClient) -> None:
    assert client.get("/widget.js").headers["cross-origin-resource-policy"] == "cross-origin"
    assert client.get("/widget.css").headers["cross-origin-resource-policy"] == "cross-origin"
    for path in ("/", "/demo.css"):
        assert client.get(path).headers["cross-origin-resource-policy"] == "same-origin"
    assert client.get("/").headers["x-frame-options"] == "DENY"


def test_the_demo_page_needs_no_inline_script_or_style() -> None:
    # What CSP without 'unsafe-inline' requires of web_widget/: no inline code at all.
    page = (WIDGET_DIR / "index.html").read_text(encoding="utf-8")
    assert "<style" not in page and not re.search(r"<[^>]*\sstyle\s*=", page)
    assert not re.search(r"<[^>]*\son[a-z]+\s*=", page)  # onclick= and the like
    assert all(re.match(r"[^>]*\ssrc=", tag) for tag in page.split("<script")[1:])
    script = (WIDGET_DIR / "widget.js").read_text(encoding="utf-8")
    assert not re.search(r"setAttribute\(\s*[\"']style|\beval\(|new Function", script)


def test_server_cookie_and_framework_headers_are_removed(client: TestClient) -> None:
    headers = client.get("/api/leaky").headers
    assert "server" not in headers and "x-powered-by" not in headers
    assert "set-cookie" not in headers
    assert headers["cache-control"] == "no-store"


def test_api_replies_are_never_cached(client: TestClient) -> None:
    assert client.post("/api/chat", json={"message": "hi"}).headers["cache-control"] == "no-store"


def test_cors_allows_the_configured_councils_without_credentials(client: TestClient) -> None:
    preflight = client.options("/api/chat", headers={
        "origin": COUNCIL, "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
    })
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == COUNCIL
    assert "POST" in preflight.headers["access-control-allow-methods"]
    assert "access-control-allow-credentials" not in preflight.headers
    response = client.post("/api/chat", json={"message": "hi"}, headers={"origin": COUNCIL})
    assert response.headers["access-control-allow-origin"] == COUNCIL
    assert "access-control-allow-credentials" not in response.headers


def test_cors_refuses_other_origins(client: TestClient) -> None:
    preflight = client.options("/api/chat", headers={
        "origin": "https://evil.example", "access-control-request-method": "POST",
    })
    assert preflight.status_code == 400
    assert "access-control-allow-origin" not in preflight.headers
    response = client.post("/api/chat", json={"message": "hi"},
                           headers={"origin": "https://evil.example"})
    assert "access-control-allow-origin" not in response.headers


def test_no_cors_outside_the_api(client: TestClient) -> None:
    response = client.get("/widget.js", headers={"origin": COUNCIL})
    assert "access-control-allow-origin" not in response.headers


def test_https_requests_get_hsts() -> None:
    client = TestClient(hardened_app(), base_url="https://testserver")
    assert client.get("/").headers["strict-transport-security"].startswith("max-age=")
    assert "strict-transport-security" not in TestClient(hardened_app()).get("/").headers


def test_frame_ancestors_can_be_configured() -> None:
    app = hardened_app(Settings(frame_ancestors=(COUNCIL,)))
    headers = TestClient(app).get("/").headers
    assert f"frame-ancestors {COUNCIL}" in headers["content-security-policy"]
    assert "x-frame-options" not in headers
    assert "frame-ancestors 'none'" in content_security_policy()


def test_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORS_ORIGINS", "https://www.hackney.gov.uk, https://www.cardiff.gov.uk/")
    assert Settings().cors_origins == (COUNCIL, "https://www.cardiff.gov.uk")
    monkeypatch.delenv("CORS_ORIGINS")
    assert Settings().cors_origins == ()


@pytest.mark.parametrize("bad", ["*", "https://*.gov.uk", "https://www.hackney.gov.uk/path",
                                 "www.hackney.gov.uk", "null"])
def test_wildcards_and_malformed_origins_are_refused_at_start_up(bad: str) -> None:
    with pytest.raises(ValueError, match="not an origin"):
        Settings(cors_origins=(bad,))
