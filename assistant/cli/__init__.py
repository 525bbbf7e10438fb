"""The `minutes` command. Each group of subcommands lives in its own module and registers on `main`."""

from __future__ import annotations

import importlib
import sys

import click

# Modules that register subcommands on `main`; a module that is missing is skipped.
_COMMAND_MODULES = ("parse", "index", "ask", "serve", "export", "fetch")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="referat-assistenten")
def main() -> None:
    """Referat-assistenten: spørg til kommunale referater med kildehenvisninger."""


def _register() -> None:
    for name in _COMMAND_MODULES:
        try:
            importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise


_register()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
