"""The ``sladd logs`` command line (arguments only: cheap to import for ``sladd --help``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from proxy.providers.records import ROUTE_NAMES


def _common(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument("--config", type=Path, default=default, help="config file")
    parser.add_argument("--data-dir", type=Path, default=default, help="state folder")


def configure_parser(parser: argparse.ArgumentParser) -> None:
    """Add the ``logs`` options and actions to ``parser`` (the ``sladd logs`` sub-parser)."""
    _common(parser, None)
    parser.add_argument("--since", help="e.g. 30m, 12h, 7d, 2w, or 2025-01-31[T08:00]")
    parser.add_argument("--route", help=f"only this route ({', '.join(ROUTE_NAMES)})")
    parser.add_argument("--entity", help="only exchanges with a finding of this entity type")
    parser.add_argument("--outcome", help="forwarded, blocked, refused or failed")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--limit", type=int, default=20, help="recent exchanges in the table")
    actions = parser.add_subparsers(dest="logs_command", metavar="ACTION")
    show = actions.add_parser("show", help="one exchange, scrubbed text decrypted if possible")
    show.add_argument("request_id")
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    mark = actions.add_parser("mark-false-positive", help="allow-list a finding's value")
    mark.add_argument("request_id")
    mark.add_argument("--finding", type=int, required=True, help="finding number, from show")
    missed = actions.add_parser("add-missed", help="teach detection a span it missed")
    missed.add_argument("request_id")
    missed.add_argument("--text", required=True, help="the text, as it appears in show")
    missed.add_argument("--entity", required=True, help="its entity type, e.g. PERSON")
    for action in (show, mark, missed):
        _common(action, argparse.SUPPRESS)
