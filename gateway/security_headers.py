"""HTTP hardening: security headers on every response, and CORS for the API only.

Install with `install_security_headers(app, Settings())`, after
`install_limits`, so that refusals (429, 503, 413) carry the headers and CORS too.

uvicorn adds its own `server: uvicorn` header below the app, where no middleware
can reach it: run it with `--no-server-header`.
"""

from __future__ import annotations

from collections.abc import Iterable

from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from common.settings import Settings

# Council pages load these two with <script src> and <link href>: they must be embeddable.
EMBEDDABLE_PATHS = ("/widget.js", "/widget.css")
API_PREFIX = "/api/"

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()" for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "geolocation", "gyroscope",
        "magnetometer", "microphone", "midi", "payment", "usb", "browsing-topics",
    )
)
# Headers that say what runs the server, or could carry an identifier back.
_REMOVED = ("server", "x-powered-by", "set-cookie")


def content_security_policy(frame_ancestors: Iterable[str] = ()) -> str:
    ancestors = " ".join(frame_ancestors) or "'none'"
    return "; ".join([
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "font-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "object-src 'none'",
        f"frame-ancestors {ancestors}",
    ])


def install_security_headers(app: Starlette, settings: Settings) -> None:
    """Add CORS for /api/ and the security headers, outermost, to a FastAPI/Starlette app."""
    app.add_middleware(ApiCorsMiddleware, origins=settings.cors_origins)
    app.add_middleware(
        SecurityHeadersMiddleware, frame_ancestors=settings.frame_ancestors
    )


class SecurityHeadersMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        frame_ancestors: Iterable[str] = (),
        embeddable_paths: Iterable[str] = EMBEDDABLE_PATHS,
    ) -> None:
        self.app = app
        self.frame_ancestors = tuple(frame_ancestors)
        self.embeddable_paths = frozenset(embeddable_paths)
        self.csp = content_security_policy(self.frame_ancestors)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name in _REMOVED:
                    del headers[name]
                headers["content-security-policy"] = self.csp
                headers["referrer-policy"] = "no-referrer"
                headers["x-content-type-options"] = "nosniff"
                headers["permissions-policy"] = PERMISSIONS_POLICY
                headers["cross-origin-opener-policy"] = "same-origin"
                headers["cross-origin-resource-policy"] = (
                    "cross-origin" if path in self.embeddable_paths else "same-origin"
                )
                if not self.frame_ancestors:
                    headers["x-frame-options"] = "DENY"  # for browsers without CSP 3
                if path.startswith(API_PREFIX):
                    # Replies are about someone's situation: no cache may keep them.
                    headers["cache-control"] = "no-store"
                if scope.get("scheme") == "https":
                    headers["strict-transport-security"] = "max-age=31536000"
            await send(message)

        await self.app(scope, receive, send_with_headers)


class ApiCorsMiddleware:
    """Starlette's CORS for /api/ only: the listed council origins, no credentials."""

    def __init__(self, app: ASGIApp, origins: Iterable[str] = ()) -> None:
        self.app = app
        self.cors = CORSMiddleware(
            app,
            allow_origins=list(origins),
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Content-Type"],
            allow_credentials=False,
            # The widget reads Retry-After to say how long to wait.
            expose_headers=["Retry-After"],
            max_age=600,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith(API_PREFIX):
            await self.cors(scope, receive, send)
        else:
            await self.app(scope, receive, send)
