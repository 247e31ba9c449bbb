"""The README's commands can't drift: every `ceasefire …` line in it names a real command with
real options (each is run with --help appended, which fails on an unknown command or option)."""

import shlex
import subprocess
import sys

import pytest

from tests.support import REPO


def readme_commands() -> list[str]:
    lines = []
    in_block = False
    for line in (REPO / "README.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            in_block = not in_block
            continue
        command = line.split("#")[0].strip()
        if in_block and "ceasefire " in command and not command.startswith("make"):
            lines.append(command[command.index("ceasefire ") :])
    return lines


def test_the_readme_shows_commands():
    assert len(readme_commands()) >= 10


@pytest.mark.parametrize("command", readme_commands())
def test_each_readme_command_exists_with_its_options(command):
    args = shlex.split(command)[1:]
    result = subprocess.run([sys.executable, "-m", "ceasefire", *args, "--help"], capture_output=True, text=True,
                            cwd=REPO, check=False)
    assert result.returncode == 0, f"{command}: {result.stderr[-400:]}"
    assert "Usage" in result.stdout
