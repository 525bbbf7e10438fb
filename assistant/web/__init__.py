"""The Gradio web app, one module per view. `build_app(settings)` and `launch(settings)` live in app.py."""

from __future__ import annotations


def build_app(settings, services=None):
    from assistant.web.app import build_app as _build

    return _build(settings, services)


def launch(settings, share: bool = False, **kwargs) -> None:
    from assistant.web.app import launch as _launch

    _launch(settings, share=share, **kwargs)
