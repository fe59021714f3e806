"""Production settings refuse to start half-configured and pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    environment = {key: value for key, value in os.environ.items()
                   if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE"}}
    environment.update(DJANGO_SETTINGS_MODULE="navigator.settings.production", **env)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=environment,
                          capture_output=True, text=True, timeout=120)


def test_refuses_to_start_without_a_secret_key():
    result = manage("check", ALLOWED_HOSTS="navigator.example.cz")
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


def test_refuses_to_start_without_allowed_hosts():
    result = manage("check", SECRET_KEY="x" * 60)
    assert result.returncode != 0 and "ALLOWED_HOSTS" in result.stderr


def test_check_deploy_gives_no_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING",
                    SECRET_KEY="a-long-random-production-secret-key-0123456789-abcdefghijklmnop",
                    ALLOWED_HOSTS="navigator.example.cz")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
