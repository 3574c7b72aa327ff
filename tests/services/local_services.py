#!/usr/bin/env python3
"""Start and stop real servers on localhost, in a temporary folder, on free ports.

Three services stand in for a hospital's infrastructure so that cxrbuild is
tested against the real thing rather than mocks:

* ``slurm``    a single-node SLURM cluster (Debian ``slurm-wlm`` + ``munge``):
               ``munged``, ``slurmctld`` and ``slurmd`` with a minimal
               ``slurm.conf`` (no accounting, ``proctrack/linuxproc``).
* ``postgres`` a PostgreSQL server (Debian ``postgresql``): ``initdb`` +
               ``pg_ctl`` with trust authentication on 127.0.0.1 only.
* ``orthanc``  Orthanc with its DICOMweb plugin (Debian ``orthanc`` +
               ``orthanc-dicomweb``), HTTP and DICOM ports on 127.0.0.1 only.

Usage::

    local_services.py start SERVICE --dir DIR    # prints the connection facts as JSON
    local_services.py stop SERVICE --dir DIR
    local_services.py status SERVICE --dir DIR

Each service keeps its state (pids, ports, logs, data) under ``DIR/SERVICE``
and a ``DIR/SERVICE.json`` describing it; ``stop`` ends exactly the processes
that ``start`` recorded. Missing Debian packages are installed with apt-get
when run as root; otherwise the command says which packages to install.

SLURM's commands read their configuration from ``/etc/slurm/slurm.conf``
(the ``srun`` that runs inside each batch job ignores ``SLURM_CONF``), so
``start slurm`` writes that file (root only), keeping any previous one aside,
and ``stop slurm`` puts the previous one back.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import requests

SLURM_CONF = Path("/etc/slurm/slurm.conf")
# first line of every slurm.conf this script writes: a file without it is not ours to replace
SLURM_CONF_MARKER = "# cxrbuild local single-node cluster (tests/services/local_services.py)"
ORTHANC_DICOMWEB_PLUGIN_PATHS = (
    Path("/usr/share/orthanc/plugins/libOrthancDicomWeb.so"),
    Path("/usr/lib/orthanc/plugins/libOrthancDicomWeb.so"),
)
POSTGRES_BIN_GLOB = "/usr/lib/postgresql/*/bin"

PACKAGES = {
    "slurm": (("slurm-wlm", "munge"), ("slurmctld", "slurmd", "munged", "sbatch", "squeue", "srun")),
    "postgres": (("postgresql",), ("initdb", "pg_ctl")),
    "orthanc": (("orthanc", "orthanc-dicomweb"), ("Orthanc",)),
}


class ServiceUnavailable(RuntimeError):
    """This machine cannot run the service (not root, package missing); the message says why."""


class ServiceError(RuntimeError):
    """The service was available but failed to start or answer; the message names the log."""


# ---------------------------------------------------------------- helpers


def is_root() -> bool:
    return os.geteuid() == 0


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def find_binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    # Debian keeps the PostgreSQL server programs off PATH, one folder per major version
    for folder in sorted(Path("/").glob(POSTGRES_BIN_GLOB.lstrip("/")), reverse=True):
        if (folder / name).exists():
            return str(folder / name)
    for folder in ("/usr/sbin", "/sbin"):
        if (Path(folder) / name).exists():
            return str(Path(folder) / name)
    return None


def ensure_packages(service: str) -> None:
    """Install the service's Debian packages with apt-get when a program is missing (root only)."""
    packages, binaries = PACKAGES[service]
    missing = [b for b in binaries if find_binary(b) is None]
    if service == "orthanc" and not any(p.exists() for p in ORTHANC_DICOMWEB_PLUGIN_PATHS):
        missing.append("libOrthancDicomWeb.so")
    if not missing:
        return
    if not is_root():
        raise ServiceUnavailable(
            f"{service}: {', '.join(missing)} not found and not root: "
            f"run 'apt-get install {' '.join(packages)}' as root"
        )
    if shutil.which("apt-get") is None:
        raise ServiceUnavailable(f"{service}: {', '.join(missing)} not found and no apt-get here")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    print(f"{service}: installing Debian packages: {' '.join(packages)}", file=sys.stderr)
    update = subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True, text=True)
    install = subprocess.run(
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages],
        env=env, capture_output=True, text=True,
    )
    if install.returncode != 0:
        detail = (install.stderr or update.stderr).strip().splitlines()[-1:] or ["no output"]
        raise ServiceUnavailable(f"{service}: apt-get install {' '.join(packages)} failed: {detail[0]}")
    still = [b for b in binaries if find_binary(b) is None]
    if still:
        raise ServiceUnavailable(f"{service}: {', '.join(still)} still missing after apt-get install")


def spawn(argv: Sequence[str], log_path: Path, env: dict[str, str] | None = None,
          user: str | None = None) -> int:
    """Start a daemon in the foreground mode of its own session; return its pid."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    if user is not None and is_root():
        argv = ["runuser", "-u", user, "--", *argv]
    with open(log_path, "ab") as log:
        process = subprocess.Popen(
            list(argv), stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            env=env, start_new_session=True,
        )
    return process.pid


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # a zombie child of ours counts as ended
    with contextlib.suppress(OSError):
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            return False
    return True


def terminate(pids: Sequence[int], timeout: float = 15.0) -> None:
    """SIGTERM each recorded process group, then SIGKILL whatever is left after ``timeout``."""
    for pid in pids:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(pid_alive(p) for p in pids):
        time.sleep(0.2)
    for pid in pids:
        if pid_alive(pid):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(pid, signal.SIGKILL)


def wait_until(check, timeout: float, what: str, log: Path, pids: Sequence[int] = ()) -> None:
    """Poll ``check()`` until true; fail with the last log line when it times out or a daemon died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):
            if check():
                return
        dead = [p for p in pids if not pid_alive(p)]
        if dead:
            raise ServiceError(f"{what}: daemon exited early; see {log}: {last_line(log)}")
        time.sleep(0.3)
    raise ServiceError(f"{what}: not ready after {timeout:.0f}s; see {log}: {last_line(log)}")


def last_line(path: Path) -> str:
    try:
        lines = [ln for ln in path.read_text(errors="replace").splitlines() if ln.strip()]
    except OSError:
        return "(no log)"
    return lines[-1].strip() if lines else "(empty log)"


def state_file(base: Path, service: str) -> Path:
    return base / f"{service}.json"


def write_state(base: Path, service: str, state: dict) -> None:
    path = state_file(base, service)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(state, indent=2) + "\n")
    os.replace(tmp, path)


def read_state(base: Path, service: str) -> dict | None:
    path = state_file(base, service)
    if not path.exists():
        return None
    return json.loads(path.read_text())


def meminfo_mb() -> int:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1]) // 1024
    return 2048


# ---------------------------------------------------------------- SLURM


def _slurm_env(state: dict) -> dict[str, str]:
    return dict(os.environ, SLURM_CONF=state["conf"])


def start_slurm(base: Path) -> dict:
    """Start munged, slurmctld and slurmd for a one-node cluster named after this host."""
    ensure_packages("slurm")
    if not is_root():
        raise ServiceUnavailable("slurm: needs root (slurmd launches jobs and slurm.conf lives in /etc/slurm)")
    root = base / "slurm"
    for sub in ("munge", "ctld", "spool", "log"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    os.chmod(root, 0o700)
    os.chmod(root / "munge", 0o700)
    key = root / "munge" / "munge.key"
    if not key.exists():
        key.write_bytes(secrets.token_bytes(1024))
    os.chmod(key, 0o400)
    socket_path = root / "munge" / "munge.socket"
    state: dict = {"service": "slurm", "root": str(root), "pids": [], "conf": str(SLURM_CONF)}

    munged = find_binary("munged")
    munge_log = root / "log" / "munged.log"
    munge_pid = spawn(
        [munged, "--foreground", "--force", f"--socket={socket_path}", f"--key-file={key}",
         f"--pid-file={root / 'munge' / 'munged.pid'}", f"--log-file={munge_log}",
         f"--seed-file={root / 'munge' / 'munged.seed'}"],
        munge_log,
    )
    state["pids"].append(munge_pid)
    write_state(base, "slurm", state)
    wait_until(socket_path.exists, 15, "munged", munge_log, [munge_pid])

    host = socket.gethostname().split(".")[0]
    cpus = os.cpu_count() or 1
    # leave headroom for the daemons and whatever else runs on the machine
    real_memory = max(512, int(meminfo_mb() * 0.8))
    ctld_port, slurmd_port = free_port(), free_port()
    conf_text = "\n".join([
        SLURM_CONF_MARKER,
        f"# state, logs and munge socket under {root}",
        "ClusterName=cxrbuild",
        f"SlurmctldHost={host}(127.0.0.1)",
        f"SlurmctldPort={ctld_port}",
        f"SlurmdPort={slurmd_port}",
        "SlurmUser=root",
        "SlurmdUser=root",
        "AuthType=auth/munge",
        "CredType=cred/munge",
        f"AuthInfo=socket={socket_path}",
        f"StateSaveLocation={root / 'ctld'}",
        f"SlurmdSpoolDir={root / 'spool'}",
        f"SlurmctldPidFile={root / 'slurmctld.pid'}",
        f"SlurmdPidFile={root / 'slurmd.pid'}",
        f"SlurmctldLogFile={root / 'log' / 'slurmctld.log'}",
        f"SlurmdLogFile={root / 'log' / 'slurmd.log'}",
        "ProctrackType=proctrack/linuxproc",
        "TaskPlugin=task/none",
        "JobAcctGatherType=jobacct_gather/none",
        "AccountingStorageType=accounting_storage/none",
        "JobCompType=jobcomp/none",
        "MpiDefault=none",
        "SwitchType=switch/none",
        "SchedulerType=sched/backfill",
        "SelectType=select/cons_tres",
        "SelectTypeParameters=CR_Core_Memory",
        "ReturnToService=2",
        "SlurmctldTimeout=30",
        "SlurmdTimeout=30",
        f"NodeName={host} NodeAddr=127.0.0.1 CPUs={cpus} RealMemory={real_memory} State=UNKNOWN",
        "PartitionName=local Nodes=ALL Default=YES MaxTime=INFINITE State=UP",
        "",
    ])
    SLURM_CONF.parent.mkdir(parents=True, exist_ok=True)
    if SLURM_CONF.exists() and not SLURM_CONF.read_text(errors="replace").startswith(SLURM_CONF_MARKER):
        backup = root / "slurm.conf.previous"
        shutil.copy2(SLURM_CONF, backup)
        state["previous_conf"] = str(backup)
    SLURM_CONF.write_text(conf_text)
    state.update(host=host, cpus=cpus, real_memory_mb=real_memory,
                 ctld_port=ctld_port, slurmd_port=slurmd_port, partition="local")
    write_state(base, "slurm", state)

    ctld_log = root / "log" / "slurmctld.stdout"
    ctld_pid = spawn([find_binary("slurmctld"), "-D", "-c", "-i", "-f", str(SLURM_CONF)], ctld_log)
    state["pids"].append(ctld_pid)
    write_state(base, "slurm", state)
    env = _slurm_env(state)

    def controller_up() -> bool:
        return subprocess.run(["scontrol", "ping"], env=env, capture_output=True, text=True,
                              timeout=10).stdout.find("UP") >= 0

    wait_until(controller_up, 30, "slurmctld", root / "log" / "slurmctld.log", [ctld_pid])
    slurmd_log = root / "log" / "slurmd.stdout"
    slurmd_pid = spawn([find_binary("slurmd"), "-D", "-f", str(SLURM_CONF)], slurmd_log)
    state["pids"].append(slurmd_pid)
    write_state(base, "slurm", state)

    def node_idle() -> bool:
        out = subprocess.run(["sinfo", "-h", "-o", "%T"], env=env, capture_output=True, text=True,
                             timeout=10).stdout
        return "idle" in out or "mixed" in out

    wait_until(node_idle, 45, "slurmd", root / "log" / "slurmd.log", [slurmd_pid])
    state["ready"] = True
    write_state(base, "slurm", state)
    return state


def stop_slurm(base: Path) -> None:
    state = read_state(base, "slurm")
    if state is None:
        return
    if state.get("ready"):
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            subprocess.run(["scancel", "--full", "--user", pwd.getpwuid(os.geteuid()).pw_name],
                           env=_slurm_env(state), capture_output=True, timeout=10)
    # slurmd, then slurmctld, then munged: the reverse of their start
    terminate(list(reversed(state.get("pids", []))))
    if SLURM_CONF.exists() and SLURM_CONF.read_text(errors="replace").startswith(SLURM_CONF_MARKER):
        previous = state.get("previous_conf")
        if previous and Path(previous).exists():
            shutil.copy2(previous, SLURM_CONF)
        else:
            SLURM_CONF.unlink()
    state_file(base, "slurm").unlink(missing_ok=True)


# ---------------------------------------------------------------- PostgreSQL


def start_postgres(base: Path) -> dict:
    """initdb + pg_ctl start on a free 127.0.0.1 port; trust authentication, database ``ehr``.

    ``initdb`` refuses to run as root, so as root the cluster belongs to the
    ``postgres`` system user and lives in its own folder under the system
    temporary directory (a test's private folder is not reachable by it).
    """
    ensure_packages("postgres")
    initdb, pg_ctl = find_binary("initdb"), find_binary("pg_ctl")
    root = base / "postgres"
    root.mkdir(parents=True, exist_ok=True)
    run_as = None
    if is_root():
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError as err:
            raise ServiceUnavailable("postgres: running as root but no 'postgres' user exists") from err
        run_as = "postgres"
        data_home = Path(tempfile.mkdtemp(prefix="cxrbuild-pg-"))
        os.chown(data_home, owner.pw_uid, owner.pw_gid)
    else:
        data_home = root
    data_dir, socket_dir, log = data_home / "data", data_home, data_home / "postgres.log"
    port = free_port()
    user = "cxrbuild"
    state = {"service": "postgres", "root": str(root), "data_home": str(data_home),
             "data_dir": str(data_dir), "port": port, "user": user, "run_as": run_as,
             "pg_ctl": pg_ctl, "log": str(log)}
    write_state(base, "postgres", state)

    def as_owner(argv: list[str]) -> subprocess.CompletedProcess:
        if run_as:
            argv = ["runuser", "-u", run_as, "--", *argv]
        return subprocess.run(argv, capture_output=True, text=True, timeout=120)

    init = as_owner([initdb, "-D", str(data_dir), "-U", user, "-A", "trust", "-E", "UTF8",
                     "--locale=C.UTF-8", "--no-sync"])
    if init.returncode != 0:
        raise ServiceError(f"postgres: initdb failed: {(init.stderr or init.stdout).strip().splitlines()[-1:]}")
    options = (f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={socket_dir} "
               "-c fsync=off -c full_page_writes=off -c synchronous_commit=off")
    started = as_owner([pg_ctl, "-D", str(data_dir), "-l", str(log), "-o", options, "-w", "-t", "60", "start"])
    if started.returncode != 0:
        raise ServiceError(f"postgres: pg_ctl start failed; see {log}: {last_line(log)}")
    state["started"] = True
    write_state(base, "postgres", state)
    created = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-p", str(port), "-U", user, "-d", "postgres", "-v", "ON_ERROR_STOP=1",
         "-c", "CREATE DATABASE ehr"],
        capture_output=True, text=True, timeout=60,
    )
    if created.returncode != 0:
        raise ServiceError(f"postgres: CREATE DATABASE failed: {created.stderr.strip()}")
    state["url"] = f"postgresql://{user}@127.0.0.1:{port}/ehr"
    write_state(base, "postgres", state)
    return state


def stop_postgres(base: Path) -> None:
    state = read_state(base, "postgres")
    if state is None:
        return
    if state.get("started"):
        argv = [state["pg_ctl"], "-D", state["data_dir"], "-m", "immediate", "-w", "stop"]
        if state.get("run_as"):
            argv = ["runuser", "-u", state["run_as"], "--", *argv]
        subprocess.run(argv, capture_output=True, timeout=60)
    if state.get("run_as"):
        shutil.rmtree(state["data_home"], ignore_errors=True)
    state_file(base, "postgres").unlink(missing_ok=True)


# ---------------------------------------------------------------- Orthanc


def start_orthanc(base: Path) -> dict:
    """Orthanc with the DICOMweb plugin on free 127.0.0.1 ports, storage in ``DIR/orthanc``."""
    ensure_packages("orthanc")
    plugin = next(p for p in ORTHANC_DICOMWEB_PLUGIN_PATHS if p.exists())
    root = base / "orthanc"
    (root / "storage").mkdir(parents=True, exist_ok=True)
    http_port, dicom_port = free_port(), free_port()
    config = {
        "Name": "cxrbuild-local",
        "StorageDirectory": str(root / "storage"),
        "IndexDirectory": str(root / "storage"),
        "HttpPort": http_port,
        "DicomPort": dicom_port,
        "RemoteAccessAllowed": False,
        "AuthenticationEnabled": False,
        "HttpServerEnabled": True,
        "DicomServerEnabled": True,
        "StorageCompression": False,
        # keep the bytes exactly as uploaded: the release must match a folder build
        "OverwriteInstances": False,
        "Plugins": [str(plugin)],
        "DicomWeb": {"Enable": True, "Root": "/dicom-web/", "EnableWado": True,
                     "StudiesMetadata": "Full", "SeriesMetadata": "Full"},
    }
    config_path = root / "orthanc.json"
    config_path.write_text(json.dumps(config, indent=2))
    log = root / "orthanc.log"
    pid = spawn([find_binary("Orthanc"), f"--logfile={log}", str(config_path)], root / "orthanc.stdout")
    url = f"http://127.0.0.1:{http_port}"
    state = {"service": "orthanc", "root": str(root), "pids": [pid], "http_port": http_port,
             "dicom_port": dicom_port, "url": url, "dicomweb_url": f"{url}/dicom-web"}
    write_state(base, "orthanc", state)

    def answers() -> bool:
        return requests.get(f"{url}/system", timeout=2).ok and \
            requests.get(f"{url}/dicom-web/studies", timeout=2).status_code in (200, 204)

    wait_until(answers, 60, "orthanc", root / "orthanc.stdout", [pid])
    state["ready"] = True
    write_state(base, "orthanc", state)
    return state


def stop_orthanc(base: Path) -> None:
    state = read_state(base, "orthanc")
    if state is None:
        return
    terminate(state.get("pids", []))
    state_file(base, "orthanc").unlink(missing_ok=True)


def upload_to_orthanc(url: str, files: Path | Iterable[Path]) -> tuple[int, int]:
    """POST each file (every file under a folder) to ``url/instances``; returns (stored, rejected).

    Orthanc rejects files that are not DICOM, as a real PACS would.
    """
    if isinstance(files, Path):
        files = (p for p in files.rglob("*") if p.is_file())
    stored = rejected = 0
    with requests.Session() as session:
        for path in sorted(files):
            response = session.post(f"{url}/instances", data=path.read_bytes(),
                                    headers={"Content-Type": "application/dicom"}, timeout=60)
            if response.ok:
                stored += 1
            else:
                rejected += 1
    return stored, rejected


# ---------------------------------------------------------------- command line

STARTERS = {"slurm": start_slurm, "postgres": start_postgres, "orthanc": start_orthanc}
STOPPERS = {"slurm": stop_slurm, "postgres": stop_postgres, "orthanc": stop_orthanc}


def start(service: str, base: Path) -> dict:
    """Start ``service`` under ``base``; on failure stop whatever part of it did start."""
    base.mkdir(parents=True, exist_ok=True)
    try:
        return STARTERS[service](base)
    except BaseException:
        STOPPERS[service](base)
        raise


def stop(service: str, base: Path) -> None:
    STOPPERS[service](base)


@contextlib.contextmanager
def running(service: str, base: Path) -> Iterator[dict]:
    """Start ``service`` under ``base`` for the duration of a ``with`` block."""
    state = start(service, base)
    try:
        yield state
    finally:
        stop(service, base)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=("start", "stop", "status"))
    parser.add_argument("service", choices=sorted(STARTERS))
    parser.add_argument("--dir", required=True, type=Path, help="folder for the service's state, data and logs")
    parser.add_argument("--upload", type=Path, help="orthanc: after start, POST every file of this folder")
    args = parser.parse_args(argv)
    base = args.dir.resolve()
    began = time.monotonic()
    try:
        if args.action == "start":
            state = start(args.service, base)
            if args.upload and args.service == "orthanc":
                stored, rejected = upload_to_orthanc(state["url"], args.upload)
                state.update(uploaded=stored, rejected=rejected)
            print(json.dumps(state, indent=2))
            print(f"{args.service}: started in {time.monotonic() - began:.1f}s "
                  f"(state in {state_file(base, args.service)})", file=sys.stderr)
        elif args.action == "stop":
            stop(args.service, base)
            print(f"{args.service}: stopped", file=sys.stderr)
        else:
            state = read_state(base, args.service)
            alive = bool(state) and all(pid_alive(p) for p in state.get("pids", []))
            print(json.dumps({"running": alive, **(state or {})}, indent=2))
            return 0 if alive else 1
    except ServiceUnavailable as err:
        print(f"local_services: unavailable: {err}", file=sys.stderr)
        return 3
    except ServiceError as err:
        print(f"local_services: error: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
