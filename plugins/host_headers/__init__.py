from .host_headers import register  # noqa: F401
