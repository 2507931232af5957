"""The parts of a cluster on loopback: `guidecite serve` replicas and nginx in front of them.

Nothing is installed here: nginx is the system's (`apt-get install nginx`), guidecite the one
this Python runs. Every process is a child of the benchmark, on 127.0.0.1, stopped on exit.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import httpx

from ..errors import ConfigError

HOST = "127.0.0.1"
STARTUP_SECONDS = 300


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def guidecite(args: Sequence[str], env: dict[str, str], check: bool = True) -> str:
    """Run a guidecite command (this Python's) and return its stdout."""
    done = subprocess.run(
        [sys.executable, "-m", "guidecite", *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=600,
    )
    if check and done.returncode != 0:
        raise ConfigError(f"guidecite {' '.join(args)} failed: {done.stderr.strip()[-500:]}")
    return done.stdout


class Replica:
    """One `guidecite serve` process on its own port, with the store named by `env`."""

    def __init__(self, name: str, env: dict[str, str], log: Path) -> None:
        self.name = name
        self.port = free_port()
        self.env = env
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.port}"

    def start(self) -> None:
        command = [
            sys.executable, "-m", "guidecite", "serve", "--host", HOST,
            "--port", str(self.port), "--rate-limit", "0", "--log-level", "warning",
        ]  # fmt: skip
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                command,
                env={**os.environ, "GUIDECITE_STARTER": "0", **self.env},
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def wait_ready(self) -> float:
        """Seconds until /api/status answers 200."""
        started = time.monotonic()
        while time.monotonic() - started < STARTUP_SECONDS:
            if self.process is None or self.process.poll() is not None:
                tail = self.log.read_text(errors="replace")[-1500:]
                raise ConfigError(f"replica {self.name} exited:\n{tail}")
            try:
                if httpx.get(self.base + "/api/status", timeout=10).status_code == 200:
                    return time.monotonic() - started
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise ConfigError(f"replica {self.name} did not answer within {STARTUP_SECONDS} s")

    def pid(self) -> int | None:
        return self.process.pid if self.process and self.process.poll() is None else None

    def rss_mb(self) -> float | None:
        pid = self.pid()
        if pid is None:
            return None
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return None

    def kill(self) -> None:
        """SIGKILL: no shutdown, no flushing, as a crashed machine would."""
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


NGINX_CONF = """\
worker_processes 1;
user root root;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    upstream guidecite {{
{servers}
        keepalive 64;
    }}
    server {{
        listen {host}:{port};
        location / {{
            proxy_pass http://guidecite;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_connect_timeout 2s;
            proxy_read_timeout 120s;
            proxy_next_upstream error timeout;
        }}
    }}
}}
"""


class Nginx:
    """nginx on 127.0.0.1 balancing over the replicas (round robin; a replica that refuses
    a connection is skipped for 5 s; a request it had already received is not resent)."""

    def __init__(self, folder: Path, ports: Sequence[int]) -> None:
        self.folder = folder
        self.port = free_port()
        self.ports = ports
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.port}"

    def __enter__(self) -> Nginx:
        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(binary).exists():
            raise ConfigError("nginx is not installed: apt-get install nginx")
        self.folder.mkdir(parents=True, exist_ok=True)
        servers = "\n".join(
            f"        server {HOST}:{port} max_fails=1 fail_timeout=5s;" for port in self.ports
        )
        conf = self.folder / "nginx.conf"
        conf.write_text(
            NGINX_CONF.format(folder=self.folder, servers=servers, host=HOST, port=self.port)
        )
        self.process = subprocess.Popen(
            [binary, "-p", str(self.folder), "-c", str(conf), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=(self.folder / "stderr.log").open("wb"),
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with socket.create_connection((HOST, self.port), timeout=1):
                    return self
            except OSError:
                time.sleep(0.1)
        raise ConfigError(f"nginx did not start: see {self.folder}/error.log")

    def __exit__(self, *exc: object) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
