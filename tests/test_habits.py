"""The contributor's tools say what they should: the hosted CI runs the same checks as .ci/run
on Linux and builds the frozen program on Windows, the pre-commit hooks need no download, and
both files are valid for the tools that read them (checked offline with the tools' own schemas)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"
PRE_COMMIT = ROOT / ".pre-commit-config.yaml"


def run_steps(job: dict[str, object]) -> str:
    steps = job["steps"]
    assert isinstance(steps, list)
    return "\n".join(str(step.get("run", "")) for step in steps)


def test_the_workflow_is_valid_for_github() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema",
         "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_refuses_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "ci.yml"
    broken.write_text("name: CI\non: push\njobs:\n  linux:\n    steps: []\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema",
         "vendor.github-workflows", str(broken)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode != 0  # a job without runs-on


def test_linux_runs_the_same_checks_as_ci_here_and_windows_builds_the_program() -> None:
    jobs = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    linux, windows = run_steps(jobs["linux"]), run_steps(jobs["windows"])
    assert "make test" in linux and "make lint" in linux
    assert "windows" in jobs["windows"]["runs-on"]
    assert "-m pytest" in windows and "build\\build.py" in windows
    here = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in here and "make lint" in here


def test_pre_commit_hooks_are_local_and_valid() -> None:
    config = yaml.safe_load(PRE_COMMIT.read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    hooks = {hook["id"]: hook for hook in config["repos"][0]["hooks"]}
    assert {"ruff-check", "ruff-format", "mypy"} <= set(hooks)
    assert all(hook["language"] == "system" for hook in hooks.values())
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(PRE_COMMIT)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_sources_refer_to_the_projects_own_docs() -> None:
    """The design notes outside the repository are not there for a reader of the code."""
    outside = [
        str(path.relative_to(ROOT))
        for folder in ("index", "desktop", "bench", "build", "tools", "tests")
        for path in (ROOT / folder).rglob("*")
        if path.suffix in {".py", ".sh", ".spec", ".md"}
        and "DESIGN.md" in path.read_text(encoding="utf-8", errors="replace")
        and path.name != "test_habits.py"
    ]
    assert outside == []
