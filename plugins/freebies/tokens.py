"""The unguessable part of a gated freebie's delivery URL.

The token is an HMAC of the freebie and language under the owner's secret:
the same on every build, different for each freebie and language, and
impossible to work out from the public pages without the secret.
"""

import hashlib
import hmac
import logging

from .settings import DEVELOPMENT_SECRET

logger = logging.getLogger(__name__)

TOKEN_LENGTH = 32  # hex digits: 128 bits
MIN_SECRET_LENGTH = 16


class SecretError(ValueError):
    """The live site is being built without a usable FREEBIE_SECRET."""


def delivery_token(secret, key, lang):
    message = f"freebie-delivery/{key}/{lang}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()[:TOKEN_LENGTH]


def secret_from(settings):
    """The secret to derive tokens from, with a warning (or an error) when it is missing or weak."""
    secret = str(settings.get("FREEBIE_SECRET") or "")
    how = (
        "set the FREEBIE_SECRET environment variable to a long random value, e.g. "
        "`export FREEBIE_SECRET=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')`, "
        "and keep it: a new secret changes every delivery URL"
    )
    if not secret:
        if settings.get("FREEBIE_SECRET_REQUIRED"):
            raise SecretError(f"FREEBIE_SECRET is empty, so gated freebies would be open to anyone: {how}")
        logger.warning("FREEBIE_SECRET is not set: delivery URLs use a development secret; before publishing, %s", how)
        return DEVELOPMENT_SECRET
    if len(secret) < MIN_SECRET_LENGTH:
        message = f"FREEBIE_SECRET is shorter than {MIN_SECRET_LENGTH} characters and could be guessed: {how}"
        if settings.get("FREEBIE_SECRET_REQUIRED"):
            raise SecretError(message)
        logger.warning(message)
    return secret
