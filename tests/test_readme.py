"""The README documents every setting and the quick start."""

from pathlib import Path

from klantanalyse.core import labels

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented():
    missing = [dutch for dutch, *_ in labels.SETTING_LABELS.values() if f"`{dutch}`" not in README]
    assert missing == []


def test_quick_start_is_two_commands():
    quick = README.split("## Quick start", 1)[1].split("##", 1)[0]
    block = quick.split("```", 2)[1]
    assert block.split() == ["make", "demo", "make", "test"]
