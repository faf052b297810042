"""The README documents every command and every rule."""

from checker.cli import app
from checker.rules import ALL_RULES


def test_readme_names_every_command_and_rule(root):
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        assert f"copydesk {name}" in readme, name
    for rule in ALL_RULES:
        assert f"`{rule.id}`" in readme, rule.id
