"""`klantanalyse` on the command line: a thin layer over the library."""

from __future__ import annotations

import argparse
import datetime as dt
import signal
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .core import labels
from .errors import InputError, KlantanalyseError, Stopped

if TYPE_CHECKING:
    from pathlib import Path

    from .files.report import RunReport

PROG = "klantanalyse"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=(
            "A/B/C-klantanalyse: score, omzetklasse, segment en contactadvies per klant. "
            "A/B/C customer analysis: score, revenue class, segment and advice per customer."
        ),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    run = sub.add_parser(
        "analyse",
        help="analyse a customer list (.xlsx, .xlsm, .xls, .ods, .csv) into a new workbook",
        description=(
            "Analyse INPUT (.xlsx, .xlsm, .xls, .ods or .csv) and write a new workbook with the "
            "results, colours and chart. INPUT is never modified."
        ),
    )
    run.add_argument(
        "input", metavar="INPUT", help="customer list: .xlsx, .xlsm, .xls, .ods or .csv"
    )
    run.add_argument(
        "-o",
        "--output",
        metavar="OUTPUT",
        help="workbook to write (default: INPUT-analyse.xlsx, or .xlsm for an .xlsm input)",
    )
    run.add_argument(
        "--orders",
        metavar="ORDERS",
        help="order history in its own file (.csv, .csv.gz, or a workbook with an Orders sheet)",
    )
    run.add_argument(
        "--prospects",
        metavar="PROSPECTS",
        help="prospects to score against the A customers (.csv, or a workbook with a Prospects "
        "sheet)",
    )
    run.add_argument(
        "--keep-macros",
        action="store_true",
        help="keep the VBA project of an .xlsm input that is not Klantanalyse's own (it is "
        "left out by default, with a warning naming its modules)",
    )
    run.add_argument(
        "--lang",
        choices=labels.LANGS,
        help="language of results and messages (default: the workbook's Taal setting, else nl)",
    )
    _add_reference_option(run)
    _add_workbook_parser(sub)
    return parser


def _add_reference_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--peildatum",
        metavar="YYYY-MM-DD",
        help="reference date of the order history (default: the Instellingen cell, else the "
        "date of the last order)",
    )


def _reference_date(args: argparse.Namespace, lang: str) -> dt.date | None:
    """The --peildatum date; a value that is not YYYY-MM-DD is input the user can fix."""
    value = getattr(args, "peildatum", None)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(labels.text("cli.bad_reference", lang, value=value)) from None


# --- klantanalyse workbook ---------------------------------------------------------------
def _add_workbook_parser(sub) -> None:
    build = sub.add_parser(
        "workbook",
        help=labels.text("workbook.help", "en"),
        description=labels.text("workbook.help", "nl")
        + ". "
        + labels.text("workbook.help", "en")
        + ".",
    )
    build.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="the workbook to write (default: klantanalyse.xlsm, with --lite "
        "klantanalyse-lite.xlsx)",
    )
    build.add_argument("--data", metavar="FILE", help=labels.text("workbook.help_data", "en"))
    build.add_argument("--lite", action="store_true", help=labels.text("workbook.help_lite", "en"))
    build.add_argument(
        "--udf-server", action="store_true", help=labels.text("workbook.help_udf_server", "en")
    )
    _add_reference_option(build)


def _workbook_output(args: argparse.Namespace) -> str:
    """The workbook `klantanalyse workbook` writes: -o, else the default of the kind."""
    if args.output:
        return args.output
    return "klantanalyse-lite.xlsx" if args.lite else "klantanalyse.xlsm"


def _workbook(args: argparse.Namespace) -> int:
    from .files.outfile import open_elsewhere_warnings

    reference_date = _reference_date(args, "nl")
    if args.lite:
        if args.udf_server:
            raise InputError(labels.text("workbook.udf_server_lite", "nl"))
        from .workbook.lite import build_report

        report = build_report(_workbook_output(args), args.data, reference_date=reference_date)
    else:
        from .workbook.build import build_report

        report = build_report(
            _workbook_output(args),
            args.data,
            reference_date=reference_date,
            udf_server=args.udf_server,
        )
    path = report.output
    print(labels.text("workbook.written", "nl", file=str(path)))
    if args.data is None:  # the demo workbook: nothing to report
        _print_warnings(open_elsewhere_warnings(path, "nl"), "nl")
        return 0
    lang = report.analysis.settings.lang
    _print_report(report)
    _print_warnings(report.warnings + open_elsewhere_warnings(path, lang), lang)
    return 0


def _analyse(args: argparse.Namespace) -> int:
    from .collector import collector_paused

    lang = args.lang or "nl"
    reference_date = _reference_date(args, lang)
    with collector_paused():  # from the first cell read ahead on
        report = _analysed(args, lang, reference_date)
    lang = report.analysis.settings.lang
    print(labels.text("cli.written", lang, file=str(report.output)))
    _print_report(report)
    _print_warnings(report.warnings, lang)
    return 0


def _analysed(args: argparse.Namespace, lang: str, reference_date: dt.date | None) -> RunReport:
    """The run of `analyse`: its input's customer sheet read while the analysis and the
    writer (pandas, openpyxl) are being loaded."""
    from .files.ahead import read_ahead

    ahead = read_ahead(args.input, lang, meanwhile=_load_the_run)
    from .pipeline import analyse_file
    from .progress import Progress

    with Progress(sys.stderr, lang) as progress:  # shown only for a run of seconds
        report = analyse_file(
            args.input,
            args.output,
            lang=args.lang,
            orders_path=args.orders,
            prospects_path=args.prospects,
            keep_macros=args.keep_macros,
            reference_date=reference_date,
            progress=progress.step,
            ahead=ahead,
        )
    return report


def _load_the_run() -> None:
    """Import what a run uses after reading: the analysis, the plan and the writer."""
    import importlib

    for name in ("pipeline", "files.write", "progress"):
        importlib.import_module(f"{__package__}.{name}")


def _print_report(report: RunReport) -> None:
    """The counts of a run: segments, the 80/20 figure, the Peildatum, Verwantschap."""
    lang = report.analysis.settings.lang
    s = report.analysis.summary
    print(
        labels.text(
            "cli.summary",
            lang,
            customers=s.customers,
            a=s.segments[0].customers,
            b=s.segments[1].customers,
            c=s.segments[2].customers,
        )
    )
    if s.pareto_share is not None:
        print(labels.text("sum.pareto", lang, share=labels.percent(s.pareto_share, lang)) + ".")
    reference = report.reference
    if reference is not None:
        source = labels.text(f"ref.{reference.source}", lang)
        date = labels.short_date(reference.date, lang)
        print(labels.text("cli.reference", lang, date=date, source=source))
    view = report.affinity
    if view is not None and view.profile is not None:
        untapped = int(report.analysis.results["untapped"].notna().sum())
        scored = view.prospect_count if view.prospect_scores is not None else 0
        if scored:
            print(labels.text("cli.affinity", lang, untapped=untapped, prospects=scored))
        else:  # no prospects: no line about them
            print(labels.text("cli.affinity_customers", lang, untapped=untapped))
    for line in report.columns:
        print(line)


def _print_warnings(warnings: Sequence[str], lang: str) -> None:
    if warnings:
        print(labels.text("cli.warnings", lang, count=len(warnings)), file=sys.stderr)
        for warning in warnings:
            print(f"  - {warning}", file=sys.stderr)


def _stop(signal_number: int, _frame) -> None:
    raise Stopped(signal_number)


def _on_stop_signals() -> dict[int, object]:
    """Make SIGTERM and SIGHUP unwind the run (the previous handlers come back)."""
    previous = {}
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is None:
            continue
        try:
            previous[number] = signal.signal(number, _stop)
        except ValueError:  # not the main thread: leave the signals alone
            pass
    return previous


def _output_path(args: argparse.Namespace) -> Path:
    """The file this command writes."""
    from pathlib import Path

    if args.command == "workbook":
        return Path(_workbook_output(args))
    from .files.outfile import default_output

    return Path(args.output) if args.output else default_output(Path(args.input))


def _output_state(args: argparse.Namespace) -> tuple[int, int, int] | None:
    """What tells whether the output was put in place: its inode, size and time (None
    when there is none, or it cannot be looked at)."""
    try:
        found = _output_path(args).stat()
    except (OSError, ValueError, Stopped):
        return None
    return (found.st_ino, found.st_size, found.st_mtime_ns)


def _tidy(args: argparse.Namespace) -> None:
    """After a stop: no temporary file of this process stays next to the output."""
    from .files.write import remove_own_temps

    try:
        remove_own_temps(_output_path(args))
    except (OSError, Stopped):
        pass


def _stopped_text(
    args: argparse.Namespace, before: tuple | None, key: str, lang: str, **values
) -> str:
    """`key`'s sentence, or its `_written` one naming the output when the run had already
    put it in place before it stopped."""
    after = _output_state(args)
    if after is not None and after != before:
        return labels.text(f"{key}_written", lang, file=str(_output_path(args)), **values)
    return labels.text(key, lang, **values)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `klantanalyse` command; returns the exit code."""
    args = _parser().parse_args(argv)
    previous = _on_stop_signals()
    try:
        return _run(args)
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _run(args: argparse.Namespace) -> int:
    lang = getattr(args, "lang", None) or "nl"
    before = _output_state(args)
    try:
        if args.command == "workbook":
            return _workbook(args)
        return _analyse(args)
    except KlantanalyseError as exc:
        print(labels.text("cli.error", lang, message=exc.message), file=sys.stderr)
        return exc.exit_code
    except (KeyboardInterrupt, Stopped) as stop:
        _tidy(args)
        print(_stopped_text(args, before, "cli.interrupted", lang), file=sys.stderr)
        return stop.exit_code if isinstance(stop, Stopped) else 130
    except Exception as exc:  # last resort: one sentence, never a traceback
        error = f"{type(exc).__name__}: {exc}"
        print(_stopped_text(args, before, "cli.unexpected", lang, error=error), file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
