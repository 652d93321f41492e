"""`klantanalyse` on the command line: a thin layer over the library."""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Sequence

from .core import labels
from .errors import KlantanalyseError, Stopped

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
    _add_workbook_parser(sub)
    return parser


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
        default="klantanalyse.xlsm",
        help="the .xlsm to write (default: klantanalyse.xlsm)",
    )
    build.add_argument("--data", metavar="FILE", help=labels.text("workbook.help_data", "en"))


def _workbook(args: argparse.Namespace) -> int:
    from .files.outfile import open_elsewhere_warnings
    from .workbook.build import build

    path = build(args.output, args.data)
    print(labels.text("workbook.written", "nl", file=str(path)))
    _print_warnings(open_elsewhere_warnings(path, "nl"), "nl")
    return 0


def _analyse(args: argparse.Namespace) -> int:
    from .pipeline import analyse_file
    from .progress import Progress

    lang = args.lang or "nl"
    with Progress(sys.stderr, lang) as progress:  # shown only for a run of seconds
        report = analyse_file(
            args.input,
            args.output,
            lang=args.lang,
            orders_path=args.orders,
            prospects_path=args.prospects,
            keep_macros=args.keep_macros,
            progress=progress.step,
        )
    lang = report.analysis.settings.lang
    s = report.analysis.summary
    print(labels.text("cli.written", lang, file=str(report.output)))
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
    view = report.affinity
    if view is not None and view.profile is not None:
        untapped = int(report.analysis.results["untapped"].notna().sum())
        scored = view.prospect_count if view.prospect_scores is not None else 0
        if scored:
            print(labels.text("cli.affinity", lang, untapped=untapped, prospects=scored))
        else:  # no prospects: no line about them
            print(labels.text("cli.affinity_customers", lang, untapped=untapped))
    _print_warnings(report.warnings, lang)
    return 0


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


def _tidy(args: argparse.Namespace) -> None:
    """After a stop: no temporary file of this process stays next to the output."""
    from pathlib import Path

    from .files.write import remove_own_temps

    try:
        if args.command == "workbook":
            remove_own_temps(Path(args.output))
        else:
            from .pipeline import default_output

            remove_own_temps(Path(args.output) if args.output else default_output(Path(args.input)))
    except (OSError, Stopped):
        pass


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
    try:
        if args.command == "workbook":
            return _workbook(args)
        return _analyse(args)
    except KlantanalyseError as exc:
        print(labels.text("cli.error", lang, message=exc.message), file=sys.stderr)
        return exc.exit_code
    except (KeyboardInterrupt, Stopped) as stop:
        _tidy(args)
        print(labels.text("cli.interrupted", lang), file=sys.stderr)
        return stop.exit_code if isinstance(stop, Stopped) else 130
    except Exception as exc:  # last resort: one sentence, never a traceback
        print(
            labels.text("cli.unexpected", lang, error=f"{type(exc).__name__}: {exc}"),
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":
    sys.exit(main())
