"""The audit stages run by Snakemake, and the QC report opened in headless Chromium.

A hand-made build (release + work files, see test_audit_support.make_build)
goes through the real rules of workflow/rules/audit.smk (with common.smk);
``snakemake --report`` makes the HTML, which Debian's Chromium opens headless.
The report app is driven by a small script injected into a copy of the HTML
(clicking a category, then a file's eye button), and the screenshot must show
the gallery tile (its red INTERNAL banner) and a plot (its bar colour).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import yaml
from PIL import Image
from test_audit_support import make_build

REPO = Path(__file__).resolve().parent.parent
SNAKEMAKE = Path(sys.executable).parent / "snakemake"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]
BANNER_RED = (180, 0, 0)  # the gallery tile's INTERNAL banner (cxrbuild.audit.qc)
BAR_BLUE = (74, 122, 181)  # the plots' bar colour (#4a7ab5)

needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("qc")
    build = make_build(root / "hospital")
    workdir = root / "wf"
    workdir.mkdir()
    (workdir / "src").symlink_to(REPO / "src")  # common.smk finds the library beside the Snakefile
    config = yaml.safe_load((REPO / "config" / "config.yaml").read_text())
    config["ehr"]["url"] = build["ehr_url"]
    config["pacs"]["dir"] = str(build["pacs"])
    config["release"]["dir"] = str(build["release"])
    config["work"]["dir"] = str(build["work"])
    (workdir / "config.yaml").write_text(yaml.safe_dump(config))
    (workdir / "Snakefile").write_text(
        'configfile: "config.yaml"\n'
        f'include: "{REPO}/workflow/rules/common.smk"\n'
        f'include: "{REPO}/workflow/rules/audit.smk"\n'
        "rule all:\n    input: AUDIT_TARGETS\n    default_target: True\n")
    run = subprocess.run([str(SNAKEMAKE), "--cores", "1", "--quiet", "all"], cwd=workdir,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    report = subprocess.run([str(SNAKEMAKE), "--report", "report.html"], cwd=workdir,
                            capture_output=True, text=True, timeout=600)
    assert report.returncode == 0, report.stderr[-3000:]
    return build | {"workdir": workdir, "report": workdir / "report.html", "log": run.stdout + run.stderr}


def test_stages_write_the_card_the_reconciliation_and_a_passed_audit(built: dict) -> None:
    work, release = built["work"], built["release"]
    table = (work / "qc" / "reconciliation.csv").read_text().splitlines()
    assert table[0] == "stage,detail,studies,images"
    assert table[-1].startswith("unaccounted,") and table[-1].endswith(",0,0")
    assert "withheld,study: no image in the PACS,1," in table
    assert "reconciliation: cohort 3 studies" in built["log"]  # the end-of-run summary
    assert json.loads((work / "audit" / "passed.json").read_text())["confirmed"] == 0
    card = (release / "README.md").read_text()
    assert "| images (DICOM files) | 2 |" in card
    assert "| boxes blacked out in released images | 1 |" in card
    assert "SHA256SUMS.txt" not in [line.split("  ")[-1] for line in
                                    (release / "SHA256SUMS.txt").read_text().splitlines()]
    # nothing of the QC (original pixels) or the findings (identifiers) is in the release
    released = {p.name for p in release.rglob("*")}
    assert not released & {"gallery", "findings.json", "summary.md", "report.html"}
    assert sorted(p.name for p in (work / "qc" / "plots").glob("*.png")) == [
        "boxes_per_image.png", "phi_per_report.png", "quarantine_reasons.png", "reconciliation.png"]


def test_report_is_one_self_contained_file(built: dict) -> None:
    html = built["report"].read_text(encoding="utf-8")
    assert "INTERNAL - NOT FOR RELEASE" in html
    # no script, style or image is fetched from elsewhere
    for pattern in ('<script src="http', "<link rel=\"stylesheet\" href=\"http", '<img src="http'):
        assert pattern not in html


def _probe(report: Path, target: Path, clicks: list[str]) -> None:
    """A copy of the report that records script errors and clicks through the app after load.

    ``clicks``: link texts to click in turn; '@eye' clicks the first file's eye button.
    """
    script = """<script>
window.__errors = [];
window.addEventListener('error', function (e) { window.__errors.push(String(e.message)); });
var originalConsoleError = console.error;
console.error = function () { window.__errors.push(Array.from(arguments).join(' ')); originalConsoleError.apply(console, arguments); };
window.addEventListener('load', function () {
  var clicks = CLICKS;
  function next(i) {
    if (i >= clicks.length) {
      var marker = document.createElement('pre'); marker.id = 'qc-probe';
      marker.textContent = 'QC-ERRORS:' + JSON.stringify(window.__errors);
      document.body.appendChild(marker);
      return;
    }
    var element = clicks[i] === '@eye' ? document.querySelector('a[iconname=eye]')
      : Array.from(document.querySelectorAll('a')).find(function (a) { return a.textContent.trim() === clicks[i]; });
    if (element) { element.click(); } else { window.__errors.push('not found: ' + clicks[i]); }
    setTimeout(function () { next(i + 1); }, 400);
  }
  setTimeout(function () { next(0); }, 400);
});
</script>""".replace("CLICKS", json.dumps(clicks))
    html = report.read_text(encoding="utf-8")
    target.write_text(html.replace("<head>", "<head>" + script, 1), encoding="utf-8")


def _chromium(args: list[str], profile: Path) -> subprocess.CompletedProcess:
    """Run headless Chromium once; a rare start-up stall on a loaded machine gets one more try."""
    command = [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--virtual-time-budget=8000",
               "--timeout=30000", "--window-size=1400,1000", *args]
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=90)
    except subprocess.TimeoutExpired:
        shutil.rmtree(profile, ignore_errors=True)
        return subprocess.run(command, capture_output=True, text=True, timeout=90)


def _colour_pixels(png: Path, colour: tuple[int, int, int], tolerance: int = 12) -> int:
    pixels = np.asarray(Image.open(png).convert("RGB")).astype(int)
    return int((np.abs(pixels - np.array(colour)).max(axis=2) <= tolerance).sum())


@needs_chromium
def test_report_opens_in_chromium_without_errors(built: dict, tmp_path: Path) -> None:
    probe = tmp_path / "probe.html"
    _probe(built["report"], probe, ["3. INTERNAL gallery: before and after redaction"])
    run = _chromium(["--dump-dom", probe.as_uri()], tmp_path / "profile")
    assert run.returncode == 0, run.stderr[-2000:]
    assert "QC-ERRORS:[]" in run.stdout
    for name in ("001_p10-0-Acme-Imaging-CR-100.png", "002_p11-0-Borealis-Medical-DX-9.png"):
        assert name in run.stdout  # both strata (batch x device) of the gallery are listed


@needs_chromium
def test_screenshot_shows_the_gallery_and_the_plots(built: dict, tmp_path: Path) -> None:
    shots = {}
    for name, clicks in (
        ("home", []),
        ("gallery", ["3. INTERNAL gallery: before and after redaction", "@eye"]),
        ("plots", ["2. De-identification statistics", "@eye"]),
    ):
        probe = tmp_path / f"{name}.html"
        _probe(built["report"], probe, clicks)
        shots[name] = tmp_path / f"{name}.png"
        run = _chromium([f"--screenshot={shots[name]}", probe.as_uri()], tmp_path / f"profile-{name}")
        assert run.returncode == 0 and shots[name].exists(), run.stderr[-2000:]
    # the landing page shows neither; the gallery view shows the tile's INTERNAL banner,
    # the plots view a bar chart
    assert _colour_pixels(shots["home"], BANNER_RED) == 0
    assert _colour_pixels(shots["home"], BAR_BLUE) == 0
    assert _colour_pixels(shots["gallery"], BANNER_RED) > 2000
    assert _colour_pixels(shots["plots"], BAR_BLUE) > 500
