"""``sladd`` command line: a thin front-end over the core (``sladd --help``)."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Sequence
from pathlib import Path

from proxy.cli.logs_args import configure_parser as configure_logs_parser
from proxy.settings import ConfigError, Settings, load_settings
from proxy.vault.base import VaultError
from recognizers.errors import RecognizerSetupError

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
    scan.add_argument(
        "--no-marks",
        action="store_true",
        help="text format: print the text as it would be sent, without marking kept findings",
    )
    scan.add_argument("file", nargs="?", type=Path, help="input file (default: stdin)")
    _add_common(scan)

    serve = commands.add_parser("serve", help="run the proxy")
    _add_common(serve)
    serve.add_argument("--host", help="listen address (default 127.0.0.1)")
    serve.add_argument("--port", type=int, help="listen port (default 8787)")
    serve.add_argument(
        "--route",
        action="append",
        default=[],
        metavar="NAME=URL",
        help="replace a route's upstream, e.g. openai=http://127.0.0.1:9000/v1 (repeatable)",
    )
    serve.add_argument("--vault", metavar="URL", help="memory://, sqlite:///PATH or redis://...")
    _add_data_dir(serve)
    _add_vault_parser(commands)
    _add_ca_parser(commands)

    demo = commands.add_parser("demo", help="show a scrubbed round trip with an offline upstream")
    _add_common(demo)
    logs = commands.add_parser("logs", help="the redaction log: summary, one exchange, feedback")
    configure_logs_parser(logs)
    reload = commands.add_parser(
        "reload", help="make the running sladd serve re-read recognizers, feedback and policy"
    )
    _add_common(reload)
    _add_data_dir(reload)
    return parser


def _add_vault_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    vault = commands.add_parser("vault", help="key rotation, erasure and counts")
    actions = vault.add_subparsers(dest="vault_command", required=True, metavar="ACTION")
    parsers = {
        "stats": actions.add_parser("stats", help="counts of scopes and entries"),
        "rotate-key": actions.add_parser("rotate-key", help="new key; re-encrypt every entry"),
        "purge": actions.add_parser("purge", help="erase a scope, or scopes idle too long"),
    }
    which = parsers["purge"].add_mutually_exclusive_group(required=True)
    which.add_argument("--scope", help="the scope fingerprint (from the audit log)")
    which.add_argument("--older-than", metavar="DURATION", help="e.g. 7d, 12h, 30m")
    for parser in parsers.values():
        _add_common(parser)
        _add_data_dir(parser)
        parser.add_argument("--vault", metavar="URL", help="default: the configured vault")
    actions.add_parser(
        "new-key", help="print a key ring for SLADD_VAULT_KEY (with it set: plus a new key)"
    )


def _add_ca_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ca = commands.add_parser("ca", help="sladd's local CA for HTTPS_PROXY mode")
    actions = ca.add_subparsers(dest="ca_command", required=True, metavar="ACTION")
    parsers = [
        actions.add_parser("init", help="create the CA in the data dir (if missing)"),
        actions.add_parser("path", help="print the CA certificate file clients should trust"),
    ]
    export = actions.add_parser("export", help="write a PEM bundle for SSL_CERT_FILE")
    export.add_argument("--out", type=Path, required=True, metavar="PATH", help="bundle to write")
    export.add_argument(
        "--with-system", action="store_true", help="the system roots first, then sladd's CA"
    )
    for parser in (*parsers, export):
        _add_common(parser)
        _add_data_dir(parser)


def _settings(args: argparse.Namespace) -> Settings:
    settings = load_settings(args.config)
    data_dir = getattr(args, "data_dir", None)
    return dataclasses.replace(settings, data_dir=data_dir) if data_dir else settings


def _cmd_scan(args: argparse.Namespace) -> int:
    from proxy.build import build_scrubber
    from proxy.cli.scan import ScanInputError, ScanOptions, run_scan
    from proxy.vault.memory import MemoryVault

    settings = _settings(args)
    scrubber = build_scrubber(settings, MemoryVault())
    name = str(args.file) if args.file else "<stdin>"
    try:
        if args.file:
            with args.file.open("rb") as source:
                run_scan(
                    scrubber, source, ScanOptions(args.format, name, not args.no_marks), sys.stdout
                )
        else:
            run_scan(
                scrubber,
                sys.stdin.buffer,
                ScanOptions(args.format, name, not args.no_marks),
                sys.stdout,
            )
    except ScanInputError as exc:
        print(f"sladd scan: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"sladd scan: {name}: {exc.strerror}", file=sys.stderr)
        return EXIT_USAGE
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    from proxy.cli.serve import ListenError, ServeFlags, serve, with_overrides
    from proxy.forward.tls import CAError

    flags = ServeFlags(args.host, args.port, args.route, args.vault)
    try:
        serve(
            with_overrides(_settings(args), flags), lambda: with_overrides(_settings(args), flags)
        )
    except CAError as exc:
        print(f"sladd: CA error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ListenError as exc:
        print(f"sladd: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return 0


def _cmd_vault(args: argparse.Namespace) -> int:
    from proxy.cli import vault as vault_cli

    if args.vault_command == "new-key":  # no settings, no vault: prints key material
        vault_cli.new_key(sys.stdout, notes=sys.stderr)
        return 0
    settings = _settings(args)
    url = args.vault or settings.resolved_vault_url()
    data_dir = settings.resolved_data_dir()
    missing = _missing_vault_file(url, data_dir)
    if missing is not None:
        print(
            f"sladd vault: no vault at {missing} (set --data-dir or data_dir in the config, "
            "or --vault URL, to the vault `sladd serve` uses)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    options = vault_cli.VaultOptions(ttl_seconds=settings.vault.ttl_seconds)
    try:
        if args.vault_command == "stats":
            vault_cli.stats(url, data_dir, sys.stdout, options=options)
        elif args.vault_command == "rotate-key":
            vault_cli.rotate_key(url, data_dir, sys.stdout, options=options)
        elif args.scope:
            vault_cli.purge_scope(url, data_dir, args.scope, sys.stdout, options=options)
        else:
            vault_cli.purge_older_than(url, data_dir, args.older_than, sys.stdout, options=options)
    except (VaultError, vault_cli.DurationError) as exc:
        print(f"sladd vault: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return 0


def _missing_vault_file(url: str, data_dir: Path) -> Path | None:
    """The SQLite file ``url`` names when it does not exist (opening it would create an
    empty vault and key there), else ``None``."""
    from proxy.vault.urls import sqlite_path, url_scheme

    if url_scheme(url) != "sqlite":
        return None
    path = sqlite_path(url, data_dir)
    return None if path.exists() else path


def _cmd_ca(args: argparse.Namespace) -> int:
    from proxy.cli import ca as ca_cli
    from proxy.forward.tls import CAError

    data_dir = _settings(args).resolved_data_dir()
    try:
        if args.ca_command == "init":
            ca_cli.init(data_dir, sys.stdout)
        elif args.ca_command == "path":
            ca_cli.path(data_dir, sys.stdout)
        else:
            ca_cli.export(data_dir, args.out, args.with_system, sys.stdout)
    except (CAError, OSError) as exc:
        print(f"sladd ca: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from proxy.cli.demo import run_demo

    run_demo(_settings(args), sys.stdout)
    return 0


def _cmd_logs(args: argparse.Namespace) -> int:
    from proxy.cli import logs as logs_cli

    return logs_cli.run(args)


def _cmd_reload(args: argparse.Namespace) -> int:
    from proxy.cli.reload import NotRunningError, signal_reload

    try:
        pid = signal_reload(_settings(args).resolved_data_dir())
    except NotRunningError as exc:
        print(f"sladd reload: {exc}", file=sys.stderr)
        return 1
    print(f"sladd reload: asked sladd serve (process {pid}) to reload; its log says how it went")
    return 0


COMMANDS = {
    "logs": _cmd_logs,
    "scan": _cmd_scan,
    "serve": _cmd_serve,
    "demo": _cmd_demo,
    "reload": _cmd_reload,
    "vault": _cmd_vault,
    "ca": _cmd_ca,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``sladd`` console script; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (ConfigError, RecognizerSetupError, VaultError) as exc:
        print(f"sladd: configuration error: {exc}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
