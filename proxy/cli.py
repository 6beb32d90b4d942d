"""``sladd`` command line: a thin front-end over the core (``sladd --help``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from proxy.settings import ConfigError, Settings, load_settings

EXIT_USAGE = 2


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, help="config file (default: config/sladd.toml)")


def _add_data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir", type=Path, help="state folder (default: $SLADD_DATA_DIR or per-user)"
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every sub-command."""
    parser = argparse.ArgumentParser(
        prog="sladd", description="Privacy proxy for Norwegian health data in LLM requests."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    scan = commands.add_parser("scan", help="pseudonymise text from FILE or stdin")
    scan.add_argument("--format", choices=("text", "json", "jsonl"), default="text")
    scan.add_argument("file", nargs="?", type=Path, help="input file (default: stdin)")
    _add_common(scan)
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    return load_settings(args.config)


def _cmd_scan(args: argparse.Namespace) -> int:
    from proxy.scan import ScanInputError, ScanOptions, run_scan
    from proxy.scrub.factory import build_scrubber
    from proxy.vault.memory import MemoryVault

    settings = _settings(args)
    scrubber = build_scrubber(settings, MemoryVault())
    name = str(args.file) if args.file else "<stdin>"
    try:
        if args.file:
            with args.file.open("rb") as source:
                run_scan(scrubber, source, ScanOptions(args.format, name), sys.stdout)
        else:
            run_scan(scrubber, sys.stdin.buffer, ScanOptions(args.format, name), sys.stdout)
    except ScanInputError as exc:
        print(f"sladd scan: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"sladd scan: {name}: {exc.strerror}", file=sys.stderr)
        return EXIT_USAGE
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``sladd`` console script; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        if args.command == "scan":
            return _cmd_scan(args)
    except ConfigError as exc:
        print(f"sladd: configuration error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_USAGE  # pragma: no cover - argparse rejects unknown commands


if __name__ == "__main__":
    sys.exit(main())
