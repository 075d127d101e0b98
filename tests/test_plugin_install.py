"""Plugins as a user meets them: installed into a fresh virtual environment.

One environment, built once for this module: first with only the core
installed (a plan that uses a missing framework), then with the example
third-party plugin installed from `examples/plugin-template`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib

import pytest

from support import EXAMPLES, REPO

# Its module-wide fixture is costly: the tests of this file run on one worker (pytest -n, --dist loadgroup).
pytestmark = pytest.mark.xdist_group("plugin_install")


TEMPLATE = EXAMPLES / "plugin-template"


def _uv() -> str:
    uv = os.environ.get("UV") or shutil.which("uv")
    if not uv:
        pytest.fail("uv is needed to build a fresh environment (the README's commands install it)")
    return uv


def _run(*args, extra_env: dict[str, str] | None = None, **kwargs) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "UV_PROJECT"))}
    env["NO_COLOR"] = "1"
    env.update(extra_env or {})
    result = subprocess.run(list(map(str, args)), capture_output=True, text=True, env=env, timeout=600, **kwargs)
    return result


@pytest.fixture(scope="module")
def venv(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fresh") / "venv"
    made = _run(_uv(), "venv", "--quiet", "--python", sys.executable, folder)
    assert made.returncode == 0, made.stderr
    python = folder / "bin" / "python"
    core = _run(_uv(), "pip", "install", "--quiet", "--python", python, REPO)
    assert core.returncode == 0, core.stderr
    return folder


def _bin(venv, name):
    return venv / "bin" / name


def test_core_alone_says_how_to_install_the_editor_and_the_language_server(venv):
    result = _run(_bin(venv, "intl"), "edit", EXAMPLES / "nwda.toml")
    assert result.returncode == 2
    assert result.stderr == "intl edit: the editor is not installed; install it with: pip install intl-tui\n"
    server = _run(_bin(venv, "intl"), "lsp")
    assert server.returncode == 2
    assert server.stderr == "intl lsp: the language server is not installed; install it with: pip install intl-lsp\n"
    no_textual = _run(_bin(venv, "python"), "-c", "import importlib.util as u; print(u.find_spec('textual'))")
    assert no_textual.stdout.strip() == "None"  # the core does not pull Textual in


def test_core_alone_reports_the_missing_framework_and_keeps_its_agreements(venv):
    plugins = _run(_bin(venv, "intl"), "plugins", "--format", "json")
    assert plugins.returncode == 0 and json.loads(plugins.stdout)["plugins"] == []
    check = _run(_bin(venv, "intl"), "check", EXAMPLES / "corallia.toml", "--format", "json")
    findings = json.loads(check.stdout)["files"][0]["findings"]
    missing = [f for f in findings if f["code"] == "framework-missing"]
    assert len(missing) == 1 and "'corallia'" in missing[0]["message"] and "intl-corallia" in missing[0]["hint"]
    assert not [f for f in findings if f["code"].startswith("corallia/")]
    script = (
        "import sys, tomllib, intl_sdk;"
        "plan = intl_sdk.load(sys.argv[1]);"
        "plan.strategy.name = 'Renamed';"
        "sys.stdout.write(intl_sdk.dumps(plan))"
    )
    saved = _run(_bin(venv, "python"), "-c", script, EXAMPLES / "corallia.toml")
    assert saved.returncode == 0, saved.stderr
    before = tomllib.loads((EXAMPLES / "corallia.toml").read_text(encoding="utf-8"))
    after = tomllib.loads(saved.stdout)
    assert after["agreements"] == before["agreements"]
    assert after["strategy"]["name"] == "Renamed"


def test_the_example_plugin_installs_is_found_through_its_entry_point_and_its_check_fires(venv, tmp_path):
    installed = _run(_uv(), "pip", "install", "--quiet", "--python", _bin(venv, "python"), f"{TEMPLATE}[test]")
    assert installed.returncode == 0, installed.stderr

    listing = _run(_bin(venv, "intl"), "plugins")
    assert listing.returncode == 0, listing.stdout + listing.stderr
    assert "twinning  (intl-twinning 0.1.0)" in listing.stdout
    assert "hooks: intl_frameworks, intl_checks" in listing.stdout
    assert "checks: twinning/no-sponsor" in listing.stdout

    plan = tmp_path / "twinned.toml"
    plan.write_text(
        'format = 1\nframeworks = ["twinning"]\n\n[strategy]\nname = "x"\n\n'
        '[[agreements]]\nid = "loi"\nframework = "twinning"\nkind = "letter-of-intent"\npartner = "B"\nstatus = "signed"\n\n'
        '[[agreements]]\nid = "twin"\nframework = "twinning"\nkind = "twinning"\npartner = "B"\nstatus = "signed"\nbuilds_on = ["loi"]\n',
        encoding="utf-8",
    )
    check = _run(_bin(venv, "intl"), "check", plan)
    assert f"{plan}:14: warning[twinning/no-sponsor] twinning agreement twin is signed but has no political sponsor" in check.stdout
    assert "framework-missing" not in check.stdout

    explained = _run(_bin(venv, "intl"), "explain", "twinning/no-sponsor")
    assert explained.returncode == 0 and "from intl-twinning" in explained.stdout

    own_tests = _run(_bin(venv, "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider", TEMPLATE / "tests", cwd=TEMPLATE)
    assert own_tests.returncode == 0, own_tests.stdout + own_tests.stderr
    assert "3 passed" in own_tests.stdout


def test_a_broken_plugin_is_reported_and_isolated_never_a_traceback(venv, tmp_path):
    broken = REPO / "tests" / "fixtures" / "broken-plugin"
    installed = _run(_uv(), "pip", "install", "--quiet", "--python", _bin(venv, "python"), broken)
    assert installed.returncode == 0, installed.stderr

    listing = _run(_bin(venv, "intl"), "plugins", "--format", "json")
    assert listing.returncode == 1 and "Traceback" not in listing.stderr
    failures = {(f["name"], f["stage"]) for f in json.loads(listing.stdout)["failures"]}
    assert ("broken-import", "import") in failures
    assert ("broken-hook", "intl_frameworks") in failures
    assert ("broken-garbage", "intl_frameworks") in failures and ("broken-garbage", "intl_templates") in failures
    assert ("broken-garbage", "intl_checks") in failures

    check = _run(_bin(venv, "intl"), "check", EXAMPLES / "nwda.toml", "--format", "json")
    assert check.returncode == 1 and check.stderr == "" and "Traceback" not in check.stdout
    findings = json.loads(check.stdout)["files"][0]["findings"]
    errors = [f["message"] for f in findings if f["code"] == "plugin-error"]
    assert any("intl-broken" in m and "ImportError: this plugin needs a module" in m for m in errors)
    assert any("RuntimeError: the framework's database is unreachable" in m for m in errors)
    assert any("check broken/explodes" in m and "ZeroDivisionError" in m for m in errors)
    assert any("check broken/garbage" in m and "TypeError" in m for m in errors)
    assert "shares-sum" in {f["code"] for f in findings}  # the core's checks still ran
    assert "twinning/no-sponsor" not in {f["code"] for f in findings}

    text = _run(_bin(venv, "intl"), "check", EXAMPLES / "nwda.toml")
    assert text.returncode == 1 and "Traceback" not in text.stdout + text.stderr
    explain = _run(_bin(venv, "intl"), "explain", "broken/explodes")
    assert explain.returncode == 0 and "from intl-broken" in explain.stdout


def _tiny_plugin(folder, version: str):
    """A one-module distribution `intl-cachetest` at `version`, providing a framework."""
    (folder / "intl_cachetest").mkdir(parents=True, exist_ok=True)
    (folder / "intl_cachetest" / "__init__.py").write_text(
        "from intl_sdk import hookimpl\n"
        "from intl_sdk.frameworks import AgreementKind, Framework\n\n"
        "@hookimpl\n"
        "def intl_frameworks():\n"
        f"    return [Framework('cachetest', 'Cache test {version}', [AgreementKind('pact', 'Pact', 1)])]\n",
        encoding="utf-8",
    )
    (folder / "pyproject.toml").write_text(
        f'[project]\nname = "intl-cachetest"\nversion = "{version}"\n'
        '[project.entry-points.intl_sdk]\ncachetest = "intl_cachetest"\n'
        '[build-system]\nrequires = ["hatchling>=1.25"]\nbuild-backend = "hatchling.build"\n'
        '[tool.hatch.build.targets.wheel]\npackages = ["intl_cachetest"]\n',
        encoding="utf-8",
    )
    return folder


def _listed(venv) -> dict[str, str]:
    listing = _run(_bin(venv, "intl"), "plugins", "--format", "json")
    return {p["name"]: p["version"] for p in json.loads(listing.stdout)["plugins"]}


def _scans_metadata(venv) -> bool:
    """Whether `intl plugins` had to scan the installed distributions (a cache miss)."""
    timed = _run(_bin(venv, "intl"), "plugins", extra_env={"PYTHONPROFILEIMPORTTIME": "1"})
    return "importlib.metadata" in timed.stderr


def test_the_entry_point_cache_follows_installs_upgrades_and_removals(venv, tmp_path):
    pip = [_uv(), "pip", "--quiet"]
    python = ["--python", _bin(venv, "python")]
    _listed(venv)
    assert not _scans_metadata(venv), "a second run with nothing installed reads the cache"
    assert _run(*pip, "install", *python, _tiny_plugin(tmp_path / "v1", "1.0")).returncode == 0
    assert _listed(venv).get("cachetest") == "1.0"  # installed: seen at once
    assert _run(*pip, "install", *python, _tiny_plugin(tmp_path / "v2", "2.0")).returncode == 0
    assert _listed(venv).get("cachetest") == "2.0"  # upgraded
    assert not _scans_metadata(venv)
    assert _run(*pip, "uninstall", *python, "intl-cachetest").returncode == 0
    assert "cachetest" not in _listed(venv)  # removed
