"""``sladd logs``: summarise and show the redaction log; record reviewer feedback.

::

    sladd logs [--since 7d] [--route R] [--entity TYPE] [--outcome O] [--format table|json]
    sladd logs show REQUEST_ID [--format text|json] [--color auto|always|never]
    sladd logs mark-false-positive REQUEST_ID --finding N
    sladd logs add-missed REQUEST_ID --text "..." --entity PERSON

Output holds counts, tokens, offsets and — for ``show`` with the audit key — the scrubbed
text (tokens where values were). Control characters from requests are shown escaped, so a
request cannot drive the reviewer's terminal. Exit codes: 0 done, 1 not found (also: no
redaction log in the data dir at all) or refused, 2 bad usage or configuration.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import sys
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from proxy.audit.crypto import load_audit_cipher, open_scrubbed
from proxy.audit.reader import (
    AuditFilter,
    AuditReader,
    RecordNotFoundError,
    SinceError,
    newest_first,
    parse_since,
    summarise,
)
from proxy.audit.record import AuditRecord
from proxy.audit.writer import audit_dir, daily_files
from proxy.cli import logs_output
from proxy.cli.logs_args import configure_parser
from proxy.review.feedback import FeedbackError, add_missed, mark_false_positive, targets_for
from proxy.review.highlight import safe
from proxy.scrub.tokens import TokenFormat
from proxy.settings import ConfigError, Settings, load_settings
from proxy.vault.base import VaultError

EXIT_REFUSED = 1
EXIT_USAGE = 2


def settings_from(args: argparse.Namespace, environ: Mapping[str, str] | None = None) -> Settings:
    """Settings from ``--config`` and ``--data-dir``."""
    settings = load_settings(args.config, environ)
    if args.data_dir is not None:
        settings = dataclasses.replace(settings, data_dir=args.data_dir)
    return settings


def run(
    args: argparse.Namespace,
    out: TextIO | None = None,
    err: TextIO | None = None,
    environ: Mapping[str, str] | None = None,
) -> int:
    """Run the parsed ``sladd logs`` command; the exit code."""
    out, err = out or sys.stdout, err or sys.stderr
    try:
        settings = settings_from(args, environ)
        return _dispatch(args, settings, out, environ)
    except (SinceError, ConfigError, VaultError) as exc:  # AuditKeyError is a ConfigError
        err.write(f"sladd logs: {safe(str(exc))}\n")
        return EXIT_USAGE
    except (RecordNotFoundError, FeedbackError) as exc:
        err.write(f"sladd logs: {safe(str(exc.args[0]))}\n")
        return EXIT_REFUSED


def _dispatch(
    args: argparse.Namespace, settings: Settings, out: TextIO, env: Mapping[str, str] | None
) -> int:
    data_dir = settings.resolved_data_dir()
    _require_log(data_dir, settings.audit.enabled)
    command = args.logs_command
    if command is None:
        return _summary(args, data_dir, out)
    record = AuditReader(data_dir).get(args.request_id)
    if command == "show":
        return _show(args, record, settings, out, env)
    if command == "mark-false-positive":
        return _mark(record, args.finding, settings, out, env)
    cipher = load_audit_cipher(data_dir, env)
    scrubbed = open_scrubbed(record.request_id, record.scrubbed, cipher).slots
    result = add_missed(record, args.text, args.entity, targets_for(settings, env), scrubbed)
    out.write(logs_output.feedback_message(result, "missed span"))
    return 0


def _require_log(data_dir: Path, enabled: bool) -> None:
    """:class:`RecordNotFoundError` saying where it looked when ``data_dir`` holds no
    redaction log at all (most often: not the data dir ``sladd serve`` writes to)."""
    directory = audit_dir(data_dir)
    if not daily_files(directory):
        off = "" if enabled else "; audit.enabled is false in this config"
        raise RecordNotFoundError(
            f"no redaction log in {directory} (set --data-dir or data_dir in the config "
            f"to the data dir `sladd serve` uses{off})"
        )


def _summary(args: argparse.Namespace, data_dir: Path, out: TextIO) -> int:
    since = parse_since(args.since, datetime.now(UTC)) if args.since else None
    where = AuditFilter(since, args.route, args.entity, args.outcome)
    reader = AuditReader(data_dir)
    if args.format == "json":
        for record in reader.records(where):
            out.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")
        return 0
    records = list(reader.records(where))
    recent = newest_first(records)[: max(args.limit, 0)]
    out.write(logs_output.summary_table(summarise(records), recent))
    if reader.skipped:
        out.write(f"({reader.skipped} unreadable line(s) skipped)\n")
    return 0


def _show(
    args: argparse.Namespace,
    record: AuditRecord,
    settings: Settings,
    out: TextIO,
    env: Mapping[str, str] | None,
) -> int:
    cipher = load_audit_cipher(settings.resolved_data_dir(), env)
    view = open_scrubbed(record.request_id, record.scrubbed, cipher)
    if args.format == "json":
        document = record.to_json()
        if view.slots is not None:
            document["scrubbed_text"] = [{"slot": s.slot, "text": s.text} for s in view.slots]
        out.write(json.dumps(document, ensure_ascii=False) + "\n")
        return 0
    color = args.color == "always" or (args.color == "auto" and out.isatty())
    token_format = TokenFormat(settings.pseudonyms.token_format)
    out.write(logs_output.exchange_text(record, view, token_format, color))
    return 0


def _mark(
    record: AuditRecord,
    finding: int,
    settings: Settings,
    out: TextIO,
    env: Mapping[str, str] | None,
) -> int:
    from proxy.vault.open import open_vault  # noqa: PLC0415 - only this action needs a vault

    async def work() -> int:
        data_dir = settings.resolved_data_dir()
        vault_url = settings.resolved_vault_url()
        if vault_url.lower().startswith("memory:"):
            raise FeedbackError(
                "a memory:// vault lives only inside the running sladd: use the review page"
            )
        vault = await open_vault(vault_url, data_dir, env, settings.vault.ttl_seconds)
        try:
            token_format = TokenFormat(settings.pseudonyms.token_format)
            targets = targets_for(settings, env)
            result = await mark_false_positive(record, finding, vault.lookup, token_format, targets)
        finally:
            await vault.close()
        out.write(logs_output.feedback_message(result, "false positive"))
        return 0

    return asyncio.run(work())


def build_parser() -> argparse.ArgumentParser:
    """The parser for ``python -m proxy.cli.logs`` (same as ``sladd logs``)."""
    parser = argparse.ArgumentParser(prog="sladd logs", description="The redaction log.")
    configure_parser(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """``sladd logs`` on its own; returns the exit code."""
    return run(build_parser().parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
