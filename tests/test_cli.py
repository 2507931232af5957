"""The `guidecite` command as a user meets it: a real process, a real store, clean errors."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from guidecite.cli import main

BAD_QUESTIONS = {
    "empty": "",
    "whitespace": "   \t  ",
    "punctuation only": "?!?",
    "too long": "why " * 1001,
}


def words_only(text: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.casefold()).split())


def run_cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GUIDECITE_HOME": str(home), "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run(
        [sys.executable, "-m", "guidecite", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    runner = CliRunner()
    for name, command in main.commands.items():
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0, name
        assert (command.help or "").strip(), f"{name} has no help text"
        assert f"guidecite {name}" in readme, f"{name} is not documented in the README"


@pytest.mark.parametrize("label", sorted(BAD_QUESTIONS))
def test_bad_questions_give_a_clear_error_and_exit_2(label: str, slice_home: Path) -> None:
    result = CliRunner().invoke(main, ["ask", BAD_QUESTIONS[label], "--home", str(slice_home)])
    assert result.exit_code == 2, result.output
    assert "guidecite: error:" in result.output
    assert "Traceback" not in result.output


def test_an_unknown_reader_is_one_error_listing_the_readers(slice_home: Path) -> None:
    from guidecite.errors import InputError
    from guidecite.readers import parse_reader

    with pytest.raises(InputError) as raised:
        parse_reader("chef")
    args = ["ask", "asthma?", "--audience", "chef", "--home", str(slice_home)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert result.output.strip() == f"guidecite: error: {raised.value}"


def test_clinician_is_read_as_physician_and_answers_say_physician(slice_home: Path) -> None:
    for question in ("What surveillance is recommended for neuroendocrine tumours?", "zzqx?"):
        args = ["ask", question, "--audience", "clinician", "--format", "json", "--fresh"]
        result = CliRunner().invoke(main, [*args, "--home", str(slice_home)])
        assert result.exit_code == 0, result.output
        assert json.loads(result.output)["audience"] == "physician", question


def test_search_syntax_and_control_characters_are_just_words(slice_home: Path) -> None:
    question = 'colorectal "screening" AND (age OR NOT *) : - title:x \x00\x07 -'
    result = CliRunner().invoke(
        main, ["ask", question, "--home", str(slice_home), "--format", "json", "--fresh"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["status"] in {"answered", "insufficient_evidence"}


def test_ingest_of_a_missing_path_fails_cleanly(tmp_path: Path) -> None:
    result = run_cli("ingest", str(tmp_path / "does-not-exist"), home=tmp_path / "home")
    assert result.returncode == 2
    assert "no such file or folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_ask_json_on_the_slice_cites_real_passages(slice_home: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "ask",
            "At what ages does the USPSTF recommend colorectal cancer screening?",
            "--home",
            str(slice_home),
            "--format",
            "json",
            "--fresh",
        ],
    )
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert body["status"] == "answered"
    sources = {ref["source"] for ref in body["references"]}
    assert "ngc/ngc-11005.html" in sources
    for section in [{"statements": body["bottom_line"]}, *body["sections"]]:
        for statement in section["statements"]:
            for citation in statement["citations"]:
                passage = words_only(citation["passage_text"])
                for piece in statement["text"].split("; "):  # list items and table cells
                    assert words_only(piece) in passage


def test_a_fresh_home_answers_from_the_starter_library(tmp_path: Path) -> None:
    result = run_cli(
        "ask",
        "What tidal volume is recommended for adults with sepsis-induced ARDS?",
        home=tmp_path / "fresh",
    )
    assert result.returncode == 0, result.stderr
    assert "First run: building the starter library" in result.stderr  # not a silent wait
    assert "First run: the starter library is ready" in result.stderr
    assert "open-medicine/ssc_sepsis_2021" in result.stdout
    assert "mL/kg" in result.stdout


@pytest.mark.parametrize("name", ["bench-cluster", "bench-lexical", "bench-scale"])
def test_the_benchmarks_of_several_processes_are_commands_with_their_own_help(name: str) -> None:
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "--home" in result.output  # the benchmark module's own parser answered
