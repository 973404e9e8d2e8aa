from .live_preview import register  # noqa: F401
