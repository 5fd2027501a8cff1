"""Deploying RoleFit as written: the lock, requirements.txt, the Dockerfile and the Procfile agree,
and (opt-in, slow) a fresh environment built from them only runs RoleFit."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from bot.cli import build_parser
from bot.sandbox import FakeSlackApi, SlackRequests
from bot.sandbox.live import send
from bot.settings import SlackSettings

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
LINUX_PY311 = {"sys_platform": "linux", "platform_system": "Linux", "python_version": "3.11"}


@dataclass(frozen=True)
class Pin:
    version: str
    hashes: tuple[str, ...]
    via: tuple[str, ...]  # the packages that need it ("rolefit (pyproject.toml)" for ours)
    block: str  # the lock's lines for it, exactly


def read_lock(text: str) -> dict[str, Pin]:
    """requirements.lock as uv writes it: `name==version \\`, hash lines, then `# via` lines."""
    pins: dict[str, Pin] = {}
    for block in re.split(r"\n(?=[^\s#])", text.strip()):
        first = block.splitlines()[0]
        if first.startswith("#"):  # the header
            continue
        match = re.fullmatch(r"([A-Za-z0-9._-]+)==(\S+)(?: ; [^\\]+)? \\", first)
        assert match, f"not a pinned requirement: {first!r}"
        via_text = block.split("# via", 1)[1] if "# via" in block else ""
        via = tuple(v.strip() for v in re.split(r"[,\n]\s*#?", via_text) if v.strip())
        pins[canonicalize_name(match[1])] = Pin(
            match[2], tuple(re.findall(r"--hash=sha256:([0-9a-f]{64})", block)), via, block
        )
    return pins


def pyproject() -> dict[str, Any]:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)


def requirements(extra: str | None = None) -> list[Requirement]:
    """pyproject's runtime requirements (or an extra's) that apply on Linux, Python 3.11."""
    project = pyproject()["project"]
    raw = project["optional-dependencies"][extra] if extra else project["dependencies"]
    parsed = [Requirement(line) for line in raw]
    return [r for r in parsed if r.marker is None or r.marker.evaluate(LINUX_PY311)]


def runtime_closure(pins: dict[str, Pin]) -> set[str]:
    """The runtime requirements and everything the lock says they pull in."""
    closure = {canonicalize_name(r.name) for r in requirements()}
    while True:
        more = {
            name
            for name, pin in pins.items()
            if name not in closure and any(canonicalize_name(v) in closure for v in pin.via)
        }
        if not more:
            return closure
        closure |= more


def requirements_txt() -> tuple[dict[str, str], list[str]]:
    """requirements.txt's pins, and its other requirement lines."""
    pins: dict[str, str] = {}
    others: list[str] = []
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if match := re.fullmatch(r"([A-Za-z0-9._-]+)==(\S+)(?: ; .+)?", line):
            pins[canonicalize_name(match[1])] = match[2]
        elif line:
            others.append(line)
    return pins, others


def dockerfile() -> str:
    """The Dockerfile with line continuations joined, as Docker reads it."""
    return (ROOT / "Dockerfile").read_text(encoding="utf-8").replace("\\\n", "")


def dockerfile_instructions(name: str) -> list[str]:
    return [
        line.split(None, 1)[1]
        for line in dockerfile().splitlines()
        if line.split(None, 1)[:1] == [name]
    ]


def docker_runtime_lock(tmp_path: Path) -> Path:
    """Run the Dockerfile's own awk filter over the repository's lock and requirements.txt."""
    awk = shutil.which("awk")
    if awk is None:
        pytest.skip("needs awk, which the Dockerfile uses to pick the runtime part of the lock")
    program = re.search(r"awk '([^']*)'", dockerfile())
    assert program, "the Dockerfile no longer filters the lock with awk; update this test"
    out = tmp_path / "runtime.lock"
    with out.open("w") as file:
        subprocess.run(
            [awk, program[1], str(ROOT / "requirements.txt"), str(LOCK)],
            stdout=file,
            check=True,
            timeout=60,
        )
    return out


# The lock


def test_the_lock_pins_every_dependency_with_hashes() -> None:
    pins = read_lock(LOCK.read_text(encoding="utf-8"))
    wanted = [*requirements(), *requirements("dev")]
    wanted += [Requirement(r) for r in pyproject()["build-system"]["requires"]]
    for requirement in wanted:
        pin = pins.get(canonicalize_name(requirement.name))
        assert pin is not None, f"{requirement.name} is not in the lock; run `make lock`"
        assert requirement.specifier.contains(pin.version, prereleases=True), (
            f"the lock's {requirement.name}=={pin.version} does not satisfy pyproject's "
            f"{requirement}; run `make lock`"
        )
    assert all(pin.hashes for pin in pins.values()), [n for n, p in pins.items() if not p.hashes]


def test_make_installs_from_the_lock_and_regenerates_it() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "LOCK := requirements.lock" in makefile
    assert "pip install --quiet --require-hashes -r $(LOCK)" in makefile
    assert "pip install --quiet --no-deps --no-build-isolation -e ." in makefile
    assert re.search(r"^lock:", makefile, re.MULTILINE)
    assert "--python-version 3.11 --universal" in makefile  # one lock for every platform


# requirements.txt


def test_requirements_txt_is_the_runtime_part_of_the_lock_plus_rolefit() -> None:
    pins = read_lock(LOCK.read_text(encoding="utf-8"))
    runtime, others = requirements_txt()
    assert others == ["."], "requirements.txt must end by installing RoleFit itself (`.`)"
    assert set(runtime) == runtime_closure(pins), "run `make lock`"
    mismatched = {n: (v, pins[n].version) for n, v in runtime.items() if pins[n].version != v}
    assert mismatched == {}, "requirements.txt and the lock disagree; run `make lock`"
    dev_only = {canonicalize_name(r.name) for r in requirements("dev")} - runtime_closure(pins)
    assert dev_only and not dev_only & set(runtime)


# Dockerfile and Procfile


def test_the_dockerfile_installs_the_lock_for_the_python_it_was_resolved_for() -> None:
    assert dockerfile_instructions("FROM") == ["python:3.11-slim"]
    runs = " ".join(dockerfile_instructions("RUN"))
    assert "pip install --require-hashes -r /tmp/deps/runtime.lock" in runs
    assert "pip install --no-deps --no-build-isolation /tmp/src" in runs
    copied = " ".join(dockerfile_instructions("COPY"))
    assert "requirements.lock requirements.txt" in copied


def test_the_dockerfile_installs_exactly_the_runtime_pins_with_the_locks_hashes(
    tmp_path: Path,
) -> None:
    pins = read_lock(LOCK.read_text(encoding="utf-8"))
    picked = read_lock(docker_runtime_lock(tmp_path).read_text(encoding="utf-8"))
    runtime, _ = requirements_txt()
    assert set(picked) == {*runtime, "setuptools"}
    assert all(pin.block == pins[name].block for name, pin in picked.items())


def test_the_image_runs_rolefit_serve_as_a_non_root_user_on_port() -> None:
    (cmd,) = dockerfile_instructions("CMD")
    command = json.loads(cmd)  # exec form: rolefit is PID 1 and receives SIGTERM
    scripts = pyproject()["project"]["scripts"]
    assert command[0] in scripts
    assert build_parser().parse_args(command[1:]).command == "serve"
    default_port = SlackSettings.model_fields["port"].default
    assert dockerfile_instructions("EXPOSE") == [str(default_port)]
    assert dockerfile_instructions("ENV")[-1] == f"PORT={default_port}"
    (user,) = dockerfile_instructions("USER")
    assert user.isdigit() and int(user) != 0


def test_the_procfile_runs_the_same_command() -> None:
    procfile = (ROOT / "Procfile").read_text(encoding="utf-8").strip()
    process, command = procfile.split(":", 1)
    assert process == "web"
    argv = shlex.split(command.replace("$PORT", "5000"))
    assert argv[0] in pyproject()["project"]["scripts"]
    assert argv[:2] == json.loads(dockerfile_instructions("CMD")[0])
    assert build_parser().parse_args(argv[1:]).port == 5000


# A fresh install from the lock (slow; CI opts in)


@pytest.mark.slow
@pytest.mark.skipif(
    os.environ.get("ROLEFIT_DEPLOY_TEST") != "1",
    reason="builds virtual environments from PyPI (slow, needs the network); "
    "set ROLEFIT_DEPLOY_TEST=1 to run it",
)
@pytest.mark.parametrize("install", ["make", "docker", "procfile"])
def test_a_fresh_environment_from_the_lock_runs_rolefit(tmp_path: Path, install: str) -> None:
    """`make`: what the Makefile installs (the whole lock). `docker`: what the Dockerfile installs
    (its runtime part), so RoleFit must run without any dev tool. `procfile`: what a Heroku-style
    builder does (`pip install -r requirements.txt`). Each then serves, as the README's deploy
    steps say, against the Web API stand-in: /readyz says ready and `/rolefit` answers."""
    source = tmp_path / "src"  # a copy, so the build leaves nothing in the checkout
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "requirements.txt"):
        shutil.copy2(ROOT / name, source / name)
    for package in ("bot", "knowledge"):
        shutil.copytree(
            ROOT / package, source / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    venv = tmp_path / "venv"
    bin_dir = venv / ("Scripts" if sys.platform == "win32" else "bin")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ROLEFIT_", "SLACK_"))}

    def run(*argv: str | Path, cwd: Path = tmp_path) -> str:
        done = subprocess.run(
            [str(a) for a in argv],
            capture_output=True,
            text=True,
            cwd=cwd,  # not the checkout: only the installed RoleFit can answer
            env=env,
            timeout=900,
            check=False,
        )
        assert done.returncode == 0, f"{argv}:\n{done.stdout}\n{done.stderr}"
        return done.stdout

    run(sys.executable, "-m", "venv", venv)
    python = bin_dir / "python"
    if install == "procfile":
        run(
            python, "-m", "pip", "install", "--quiet", "-r", source / "requirements.txt", cwd=source
        )
    else:
        lock = LOCK if install == "make" else docker_runtime_lock(tmp_path)
        run(python, "-m", "pip", "install", "--quiet", "--require-hashes", "-r", lock)
        run(python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", source)
    run(python, "-m", "pip", "check")
    assert "serve" in run(bin_dir / "rolefit", "--help")
    assert run(bin_dir / "rolefit", "knowledge", "validate").startswith("OK: 2 roles, ")
    run(python, "-c", "import bot.app, bot.server, uvicorn, uvloop, httptools")
    serves_and_answers(bin_dir / "rolefit", env, tmp_path)


def serves_and_answers(rolefit: Path, env: dict[str, str], where: Path) -> None:
    """`rolefit serve` as the Procfile runs it, against the stand-in: ready, then an answer."""
    with FakeSlackApi() as api:
        secret = "deploy-test-secret"
        process = subprocess.Popen(
            [str(rolefit), "serve", "--host", "127.0.0.1"],
            env={
                **env,
                "PORT": "0",
                "SLACK_BOT_TOKEN": "xoxb-deploy-test",
                "SLACK_SIGNING_SECRET": secret,
                "SLACK_API_URL": api.base_url,
            },
            cwd=where,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert process.stdout is not None
            url = process.stdout.readline().strip().rsplit(" ", 1)[-1]
            assert url.startswith("http://127.0.0.1:"), url
            assert send(url, "GET", "/readyz")[0] == 200
            status, _, body = send(
                url, "POST", "/slack/events", *_signed_command(secret, "who owns the backlog?")
            )
            assert status == 200 and "Product Owner" in json.loads(body)["text"]
        finally:
            process.terminate()
            process.wait(timeout=10)


def _signed_command(secret: str, text: str) -> tuple[bytes, dict[str, str]]:
    signed = SlackRequests(secret).slash_command(text)
    return signed.body, signed.headers
