"""``careerkit workshop gather``: plans kept in each person's home, copied read-only for the
cohort summary; the sources are never changed, links and oversized files are skipped."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from careerkit.cli import main
from careerkit.coach import cohort, gather
from tests.conftest import PERSONA


def homes(tmp_path: Path, *users: str) -> Path:
    """``tmp_path/home/<user>/careerkit-plan/plan.json`` for each user, as on a hub."""
    base = tmp_path / "home"
    for user in users:
        folder = base / user / "careerkit-plan"
        folder.mkdir(parents=True)
        text = PERSONA.read_text(encoding="utf-8")
        text = text.replace('"Maya Alvarez (sample persona)"', f'"{user} R"', 1)
        (folder / "plan.json").write_text(text, encoding="utf-8")
    return base


def pattern(base: Path) -> str:
    return str(base / "*" / "careerkit-plan" / "plan.json")


def test_each_plan_is_copied_read_only_under_its_owners_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = homes(tmp_path, "jupyter-ana", "jupyter-bo")
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in base.rglob("plan.json")}
    cohort_dir = tmp_path / "cohort"
    assert main(["workshop", "gather", str(cohort_dir), "--from", pattern(base)]) == 0
    out = capsys.readouterr().out
    assert "Gathered 2 plan(s)" in out and "jupyter-ana: " in out
    for user in ("jupyter-ana", "jupyter-bo"):
        copy = cohort_dir / "participants" / user / "plan.json"
        assert copy.read_bytes() == (base / user / "careerkit-plan" / "plan.json").read_bytes()
        assert stat.S_IMODE(copy.stat().st_mode) == gather.COPY_MODE
        assert stat.S_IMODE(copy.parent.stat().st_mode) == gather.FOLDER_MODE
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in base.rglob("plan.json")} == before
    # The cohort summary reads the copies: one row a person, their names.
    found = cohort.read_cohort(cohort_dir)
    assert [(p.folder, p.name, p.problem) for p in found.participants] == [
        ("jupyter-ana", "jupyter-ana R", ""),
        ("jupyter-bo", "jupyter-bo R", ""),
    ]


def test_gathering_again_replaces_the_copies(tmp_path: Path) -> None:
    base = homes(tmp_path, "ana")
    cohort_dir = tmp_path / "cohort"
    gather.gather(cohort_dir, pattern(base))
    source = base / "ana" / "careerkit-plan" / "plan.json"
    source.write_text(source.read_text(encoding="utf-8").replace("ana R", "Ana Q"), "utf-8")
    done = gather.gather(cohort_dir, pattern(base))
    assert [name for name, _ in done.copied] == ["ana"]
    assert "Ana Q" in (cohort_dir / "participants" / "ana" / "plan.json").read_text("utf-8")
    assert not list((cohort_dir / "participants" / "ana").glob(".gather-*"))  # no leftovers


def test_links_and_oversized_files_are_skipped_with_the_reason(tmp_path: Path) -> None:
    base = homes(tmp_path, "ana")
    secret = tmp_path / "secret.json"
    secret.write_text('{"not": "a plan of theirs"}', encoding="utf-8")
    (base / "eve" / "careerkit-plan").mkdir(parents=True)
    (base / "eve" / "careerkit-plan" / "plan.json").symlink_to(secret)
    (base / "big" / "careerkit-plan").mkdir(parents=True)
    with (base / "big" / "careerkit-plan" / "plan.json").open("wb") as big:
        big.truncate(cohort.MAX_BYTES + 1)
    done = gather.gather(tmp_path / "cohort", pattern(base))
    assert [name for name, _ in done.copied] == ["ana"]
    reasons = {source.parts[-3]: why for source, why in done.skipped}
    assert "symbolic link" in reasons["eve"] and "MB" in reasons["big"]
    assert not (tmp_path / "cohort" / "participants" / "eve").exists()
    assert "Skipped " in str(done)


def test_a_pattern_that_finds_nothing_or_names_nobody_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "cohort")
    assert main(["workshop", "gather", out, "--from", str(tmp_path / "*" / "plan.json")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: no file matches") and len(err.splitlines()) == 1
    assert main(["workshop", "gather", out, "--from", str(tmp_path / "plan.json")]) == 1
    assert "no wildcard" in capsys.readouterr().err
    assert not Path(out).exists()


@pytest.mark.skipif(os.geteuid() != 0, reason="chown to another user needs root")
def test_under_sudo_the_copies_belong_to_the_coach(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = homes(tmp_path, "ana")
    monkeypatch.setenv("SUDO_UID", "4321")
    monkeypatch.setenv("SUDO_GID", "4322")
    gather.gather(tmp_path / "cohort", pattern(base))
    copy = tmp_path / "cohort" / "participants" / "ana" / "plan.json"
    for path in (copy, copy.parent, tmp_path / "cohort"):
        assert (path.stat().st_uid, path.stat().st_gid) == (4321, 4322), path


def test_a_copy_that_cannot_be_written_is_named_in_plain_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = homes(tmp_path, "jupyter-ana")

    def refuse(*_args: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(gather.GatherError) as raised:
        gather.gather(tmp_path / "cohort", pattern(base))
    target = tmp_path / "cohort" / "participants" / "jupyter-ana" / "plan.json"
    assert f"{target} could not be written because you are not allowed" in str(raised.value)
    assert list(target.parent.iterdir()) == []  # no temporary file left behind
