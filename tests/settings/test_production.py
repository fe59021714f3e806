"""Production settings refuse to start half-configured and pass Django's deployment checks; development makes a
secret key of its own."""

import subprocess
import sys

from .conftest import ROOT, clean_environment


def manage(*args, **env):
    environment = clean_environment(DJANGO_SETTINGS_MODULE="navigator.settings.production")
    environment.update(env)
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


def test_local_http_is_refused_for_a_public_host_name():
    result = manage("check", SECRET_KEY="x" * 60, ALLOWED_HOSTS="127.0.0.1,navigator.example.cz", LOCAL_HTTP="1")
    assert result.returncode != 0 and "LOCAL_HTTP" in result.stderr


def test_a_public_address_must_be_https():
    result = manage("check", SECRET_KEY="x" * 60, ALLOWED_HOSTS="navigator.example.cz",
                    SITE_URL="http://navigator.example.cz")
    assert result.returncode != 0 and "SITE_URL" in result.stderr


def test_the_secret_key_may_come_from_a_file(tmp_path):
    key_file = tmp_path / "secret-key"
    key_file.write_text("a-key-kept-in-a-file-0123456789-abcdefghijklmnopqrstuvwxyz\n")
    shown = manage("shell", "-c", "from django.conf import settings; print(settings.SECRET_KEY, settings.SITE_URL)",
                   SECRET_KEY_FILE=str(key_file), ALLOWED_HOSTS="navigator.example.cz")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines()[-1].split() == ["a-key-kept-in-a-file-0123456789-abcdefghijklmnopqrstuvwxyz",
                                    "https://navigator.example.cz"]
    missing = manage("check", SECRET_KEY_FILE=str(tmp_path / "missing"), ALLOWED_HOSTS="navigator.example.cz")
    assert missing.returncode != 0 and "secret key" in missing.stderr


def test_development_makes_its_own_key_once_instead_of_a_public_one(tmp_path):
    def key():
        result = manage("shell", "-c", "from django.conf import settings; print(settings.SECRET_KEY)",
                        DJANGO_SETTINGS_MODULE="navigator.settings.dev", NAVIGATOR_VAR_DIR=str(tmp_path))
        assert result.returncode == 0, result.stderr
        return result.stdout.splitlines()[-1].strip()

    first = key()
    assert first == (tmp_path / "secret-key").read_text().strip() and len(first) >= 50
    assert (tmp_path / "secret-key").stat().st_mode & 0o777 == 0o600
    assert key() == first
