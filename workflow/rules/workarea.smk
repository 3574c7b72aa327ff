# The work area (cxrbuild.workarea): where it may lie is checked when the workflow
# is read; the driving snakemake process takes its lock and its key in onstart,
# before any job runs. Jobs spawned by the driver (cluster jobs included) run
# with --no-hooks and take neither.

from cxrbuild.util.errors import CxrbuildError  # noqa: E402
from cxrbuild.util.paths import is_inside  # noqa: E402
from cxrbuild.workarea import WorkAreaLock, check_layout, work_area_key  # noqa: E402

WORK_AREA_LOCK = WorkAreaLock(WORK)


def stop_build(err):
    """End the build with the one-line reason (before any job has run)."""
    print(f"cxrbuild: error: {err}", file=sys.stderr)
    raise SystemExit(1)


def clear_stale_snakemake_locks():
    """Remove the Snakemake locks a killed build of this work area left behind.

    Snakemake locks a run's files in .snakemake/locks/ (one file listing
    inputs, one outputs) and removes them when the run ends; a run killed with
    SIGKILL leaves them, and every later run stops with a LockException until
    `snakemake --unlock`. A live build of this work area holds its lock (taken
    in onstart); when nobody holds it, a Snakemake lock naming a file of the
    work area can only be such a leftover, and rerunning the same command
    resumes. Locks of other builds from this checkout are left alone.
    """
    if not workflow.is_main_process:
        return
    if not WORK_AREA_LOCK.is_free():
        # a dry run may go on; a build stops in onstart, or first on Snakemake's lock in this checkout
        print(f"cxrbuild: {WORK}: work area in use by another build ({WORK_AREA_LOCK.holder()})", file=sys.stderr)
        return
    for lock_file in sorted(Path(".snakemake", "locks").glob("*.lock")):
        try:
            names = lock_file.read_text().splitlines()
        except OSError:
            continue
        if any(is_inside(name, WORK) for name in names if name.strip()):
            lock_file.unlink(missing_ok=True)
            print(f"cxrbuild: removed {lock_file}, a Snakemake lock left by a killed build of {WORK}", file=sys.stderr)


def take_work_area():
    """Lock the work area for this process, then bind it to its key (made on its first build)."""
    try:
        WORK_AREA_LOCK.acquire(checkout=workflow.basedir)
        _key, fingerprint, created = work_area_key(WORK, config["secrets"]["key_file"], create=True)
    except CxrbuildError as err:
        stop_build(err)
    if created:
        print(f"cxrbuild: made the secret key {config['secrets']['key_file']} (fingerprint {fingerprint}) for the "
              f"new work area {WORK}; keep it to issue the same ids again", file=sys.stderr)


try:
    check_layout(pacs_dir(), WORK, RELEASE)
except CxrbuildError as err:
    stop_build(f"config: {err}")
clear_stale_snakemake_locks()


onstart:
    take_work_area()
