from .plain_errors import register  # noqa: F401
