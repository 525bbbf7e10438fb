"""The `minutes` command. Each group of subcommands lives in its own module and registers on `main`.

It speaks Danish, or English with `--lang en` or MINUTES_LANGUAGE=en: help, messages and click's own words
(assistant/cli/texts.py).
"""

from __future__ import annotations

import importlib
import sys

import click

from assistant.cli.texts import LANGUAGES, h, install_click_translations, localize, pick_language

# Modules that register subcommands on `main`; a module that is missing is skipped.
_COMMAND_MODULES = ("parse", "index", "ask", "serve", "export", "fetch", "feedback")


class MinutesGroup(click.Group):
    """Picks the language from the command line (or MINUTES_LANGUAGE) before click parses or prints anything."""

    def main(self, args=None, prog_name=None, *rest, **kwargs):
        args = list(sys.argv[1:] if args is None else args)
        localize(self, pick_language(args))
        return super().main(args, prog_name, *rest, **kwargs)


@click.group(cls=MinutesGroup, help=h("cmd:main"), context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--lang", type=click.Choice(LANGUAGES), expose_value=False, is_eager=True, help=h("lang_cli"))
@click.version_option(package_name="referat-assistenten", help=h("version"))
def main() -> None:
    """The command group (its help text is HELP["cmd:main"] in assistant/cli/texts.py)."""


def _register() -> None:
    for name in _COMMAND_MODULES:
        try:
            importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise


install_click_translations()
_register()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
