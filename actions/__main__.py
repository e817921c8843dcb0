"""`python -m actions`: Rasa's action server, plus the NLG endpoint (actions/nlg.py).

It is rasa_sdk's own server (`python -m rasa_sdk --actions actions`) with one more
route, so that the action server is the one place that words replies.
"""

from __future__ import annotations

import argparse
import logging

from rasa_sdk import utils
from rasa_sdk.endpoint import create_app
from sanic import response
from sanic.request import Request

from actions import nlg
from common.settings import Settings

logger = logging.getLogger(__name__)


async def generate_response(request: Request) -> response.HTTPResponse:
    try:
        return response.json(nlg.generate(request.json or {}))
    except KeyError as error:
        # A response name is not personal data; the text of the conversation is never logged.
        logger.error("NLG: %s", error)
        return response.json({"error": str(error)}, status=404)


def main() -> None:
    settings = Settings()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=settings.actions_port)
    args = parser.parse_args()
    utils.configure_colored_logging(settings.log_level)
    utils.update_sanic_log_level()
    app = create_app("actions", cors_origins=None)
    app.add_route(generate_response, "/nlg", methods=["POST"])
    # Loopback unless told otherwise: only Rasa, on the same machine, calls it.
    app.run(settings.sanic_host, args.port, workers=1, access_log=False)


if __name__ == "__main__":
    main()
