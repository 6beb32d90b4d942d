"""Real Redis Sentinel and Redis Cluster set-ups on loopback ports, for the vault tests.

Each set-up starts its own ``redis-server`` processes (no persistence, files in a temporary
folder) and stops them in :meth:`stop`; the fixtures in ``conftest.py`` call it in their
finalizers, so no server outlives the test session. ``redis-server`` and ``redis-cli`` must
be installed (``scripts/ensure_services.sh``); without them the tests fail saying so.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
import redis

SERVICE = "mymaster"
START_SECONDS = 30.0
"""How long a set-up may take to come up before the test fails (not a speed assertion)."""


def free_port() -> int:
    """A port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _require(program: str) -> None:
    if shutil.which(program) is None:
        pytest.fail(
            f"{program} is not installed: run scripts/ensure_services.sh (Debian's "
            "redis-server package has redis-server and redis-cli); these vault tests need it",
            pytrace=False,
        )


def wait_for(what: str, ready: Callable[[], bool]) -> None:
    """Poll ``ready`` until it holds; fail the test naming ``what`` if it never does."""
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        try:
            if ready():
                return
        except (redis.RedisError, OSError):
            pass
        time.sleep(0.05)
    pytest.fail(f"redis set-up: {what} did not happen", pytrace=False)


def ask(port: int, *command: str | int) -> object:
    """One command to the server on ``port`` (a short-lived synchronous client)."""
    client = redis.Redis(port=port, socket_connect_timeout=1, socket_timeout=5)
    try:
        return client.execute_command(*command)  # type: ignore[no-untyped-call]
    finally:
        client.close()


def replication(port: int) -> dict[str, object]:
    """``INFO replication`` of the server on ``port``."""
    client = redis.Redis(port=port, socket_connect_timeout=1, socket_timeout=5)
    try:
        return dict(client.info("replication"))
    finally:
        client.close()


class Processes:
    """``redis-server`` processes started in one folder, all stopped by :meth:`stop`."""

    def __init__(self, workdir: Path) -> None:
        _require("redis-server")
        self.workdir = workdir
        self._running: list[subprocess.Popen[bytes]] = []

    def start(self, port: int, *args: str) -> None:
        """``redis-server [args] --port PORT`` on 127.0.0.1, answering PING before return."""
        command = ["redis-server", *args, "--port", str(port), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "no", "--dir", str(self.workdir)]
        command += ["--logfile", str(self.workdir / f"redis-{port}.log")]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self._running.append(process)
        wait_for(f"redis-server on port {port} answering", lambda: self._pings(port, process))

    @staticmethod
    def _pings(port: int, process: subprocess.Popen[bytes]) -> bool:
        if process.poll() is not None:
            pytest.fail(f"redis-server on port {port} exited at start", pytrace=False)
        return bool(ask(port, "PING"))

    def stop(self) -> None:
        """Stop every process (terminate, then kill if one hangs)."""
        running, self._running = self._running, []
        for process in running:
            process.terminate()
        for process in running:
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:  # pragma: no cover
                process.kill()
                process.wait()


class SentinelSetup:
    """A master, one replica and one Sentinel watching them as :data:`SERVICE`."""

    def __init__(self, workdir: Path) -> None:
        self.processes = Processes(workdir)
        self.master_port, self.replica_port, self.sentinel_port = (free_port() for _ in "abc")
        self.url = f"redis+sentinel://127.0.0.1:{self.sentinel_port}/{SERVICE}/0"

    def start(self) -> None:
        now = ("--repl-diskless-sync-delay", "0")  # sync a replica at once, not after 5 s
        self.processes.start(self.master_port, *now)
        replica_of = ("--replicaof", "127.0.0.1", str(self.master_port))
        self.processes.start(self.replica_port, *now, *replica_of)
        wait_for("the replica's link to its master", self._replica_linked)
        config = self.processes.workdir / "sentinel.conf"
        config.write_text(
            f"sentinel monitor {SERVICE} 127.0.0.1 {self.master_port} 1\n"
            f"sentinel down-after-milliseconds {SERVICE} 5000\n"
            f"sentinel failover-timeout {SERVICE} 10000\n"
        )
        self.processes.start(self.sentinel_port, str(config), "--sentinel")
        wait_for("the Sentinel knowing the replica", self._sentinel_sees_replica)

    def _replica_linked(self) -> bool:
        return replication(self.replica_port).get("master_link_status") == "up"

    def _sentinel_sees_replica(self) -> bool:
        """The Sentinel has the replica connected and in sync (else FAILOVER: NOGOODSLAVE)."""
        replicas = ask(self.sentinel_port, "SENTINEL", "REPLICAS", SERVICE)
        if not isinstance(replicas, list) or len(replicas) != 1:
            return False
        replica = replicas[0]
        return bool(
            replica.get(b"flags") == b"slave" and replica.get(b"master-link-status") == b"ok"
        )

    def master(self) -> int:
        """The port the Sentinel names as the master now."""
        address = ask(self.sentinel_port, "SENTINEL", "GET-MASTER-ADDR-BY-NAME", SERVICE)
        assert isinstance(address, list)
        return int(address[1])

    def flush(self) -> None:
        ask(self.master(), "FLUSHALL")
        ask(self.master(), "WAIT", 1, 5000)

    def fail_over(self) -> None:
        """Make the replica the master (``SENTINEL FAILOVER``) and wait until it is."""
        old = self.master()
        ask(old, "WAIT", 1, 5000)  # everything written so far is on the replica
        ask(self.sentinel_port, "SENTINEL", "FAILOVER", SERVICE)
        wait_for("the failover", lambda: self.master() != old)
        wait_for("the new master accepting writes", lambda: self._is_master(self.master()))

    @staticmethod
    def _is_master(port: int) -> bool:
        return replication(port).get("role") == "master"

    def stop(self) -> None:
        self.processes.stop()


class ClusterSetup:
    """Three masters (no replicas) made into a cluster with ``redis-cli --cluster create``."""

    def __init__(self, workdir: Path) -> None:
        _require("redis-cli")
        self.processes = Processes(workdir)
        self.ports = [free_port() for _ in range(3)]
        self.url = "redis+cluster://" + ",".join(f"127.0.0.1:{p}" for p in self.ports[:2])

    def start(self) -> None:
        for port in self.ports:
            self.processes.start(
                port,
                *("--cluster-enabled", "yes", "--cluster-port", str(free_port())),
                *("--cluster-config-file", f"nodes-{port}.conf"),
                *("--cluster-node-timeout", "5000"),
            )
        nodes = [f"127.0.0.1:{port}" for port in self.ports]
        created = subprocess.run(
            [
                "redis-cli",
                "--cluster",
                "create",
                *nodes,
                "--cluster-replicas",
                "0",
                "--cluster-yes",
            ],
            capture_output=True,
            text=True,
            timeout=START_SECONDS,
            check=False,
        )
        if created.returncode != 0:
            self.stop()
            pytest.fail(f"redis-cli --cluster create failed: {created.stdout[-500:]}")
        for port in self.ports:
            wait_for(f"cluster state ok on {port}", partial(self._ok, port))

    @staticmethod
    def _ok(port: int) -> bool:
        client = redis.Redis(port=port, socket_connect_timeout=1, socket_timeout=5)
        try:
            return client.cluster("INFO").get("cluster_state") == "ok"  # type: ignore[no-any-return]
        finally:
            client.close()

    def flush(self) -> None:
        for port in self.ports:
            ask(port, "FLUSHALL")

    def keys_by_node(self) -> dict[int, list[bytes]]:
        """Every key, by the port of the node that holds it."""
        found: dict[int, list[bytes]] = {}
        for port in self.ports:
            client = redis.Redis(port=port)
            try:
                found[port] = list(client.scan_iter(count=1000))
            finally:
                client.close()
        return found

    def stop(self) -> None:
        self.processes.stop()
