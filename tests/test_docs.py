"""The README documents every command and every rule."""

from checker.rules import ALL_RULES

from checker.cli import app


def test_readme_names_every_command_and_rule(root):
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        assert f"copydesk {name}" in readme, name
    for rule in ALL_RULES:
        assert f"`{rule.id}`" in readme, rule.id


def test_integrations_call_real_options(root):
    from typer.testing import CliRunner

    hook = (root / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    action = (root / "action.yml").read_text(encoding="utf-8")
    assert "entry: copydesk check" in hook and "- id: copydesk" in hook
    script = (root / "scripts" / "github-action.sh").read_text(encoding="utf-8")
    assert 'run: bash "$GITHUB_ACTION_PATH/scripts/github-action.sh"' in action
    assert "args=(check --format github --fail-on" in script
    usage = CliRunner().invoke(app, ["check", "--help"]).output
    for option in ("--format", "--fail-on", "--output", "--jobs", "--stdin-filename"):
        assert option in usage
    for option in ("--baseline", "--changed-since", "--changed-lines", "--also"):
        assert option in usage and option in script
    assert "github" in usage and "junit" in usage


def test_every_package_is_installed(root):
    """A folder of checker with an __init__.py that pyproject does not list is left out of
    a real (non-editable) install: the editable one the tests use would never notice."""
    import tomllib

    listed = set(tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
                 ["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(root).parts) for p in
             (root / "checker").rglob("__init__.py")} | {"checker.rules"}
    assert found == listed
