"""Verwantschap speed: profile 100,000 customers x 10 characteristics and score 10,000
prospects, against the A/B/C core analysis of the same customers in the same run.

Run: python benchmarks/bench_affinity.py [customers] [prospects]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "python"))

from klantanalyse.core import Settings, affinity, analyse  # noqa: E402

EXTRA = ("Branchevereniging", "Vestigingen", "Klant sinds", "Kanaal", "Provincie", "Keurmerk")


def characteristics(rng: np.random.Generator, n: int, lean: np.ndarray) -> dict[str, object]:
    """Ten characteristic columns; `lean` (0..1 per row) tilts some values towards A."""
    sectors = np.array(["Bouw", "Zorg", "Retail", "Industrie", "Logistiek", "ICT", "Horeca"])
    regions = np.array(["Noord", "Oost", "Zuid", "West", "Midden", "Randstad"])
    relation = np.array(["Vaste klant", "Projectklant", "Eenmalig", "Partner"])
    sector_pick = np.where(rng.random(n) < 0.4 * lean, 0, rng.integers(0, len(sectors), n))
    return {
        "Sector": sectors[sector_pick],
        "Regio": regions[rng.integers(0, len(regions), n)],
        "Relatietype": relation[np.where(rng.random(n) < 0.5 * lean, 0, rng.integers(0, 4, n))],
        "Medewerkers": np.round(rng.lognormal(2.5 + lean, 1.2, n)).astype(int),
        "Branchevereniging": np.where(rng.random(n) < 0.3 + 0.3 * lean, "Ja", "Nee"),
        "Vestigingen": rng.integers(1, 6, n),
        "Klant sinds": rng.integers(1990, 2025, n),
        "Kanaal": np.array(["Webshop", "Binnendienst", "Buitendienst"])[rng.integers(0, 3, n)],
        "Provincie": np.array([f"Provincie {i}" for i in range(12)])[rng.integers(0, 12, n)],
        "Keurmerk": np.where(rng.random(n) < 0.2, "ISO 9001", None),
    }


def customers(n: int, seed: int = 7) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    lean = rng.random(n)
    yes = np.array(["Nee", "Ja"])
    frame = {
        "Klant": [f"Klant {i}" for i in range(n)],
        "Omzet": np.round(rng.lognormal(10 + lean, 1.2, n)),
        "Potentie": np.round(rng.lognormal(8, 1.0, n)),
    }
    for name in ("Marge", "Snelheid", "Innovatie", "Netwerk"):
        frame[name] = yes[(rng.random(n) < 0.3 + 0.4 * lean).astype(int)]
    frame.update(characteristics(rng, n, lean))
    return pd.DataFrame(frame)


def prospects(n: int, seed: int = 8) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    frame = {"Prospect": [f"Prospect {i}" for i in range(n)]}
    frame.update(characteristics(rng, n, rng.random(n)))
    return pd.DataFrame(frame)


def best_of(repeats: int, run) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    n_customers = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    n_prospects = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    repeats = 5
    table = customers(n_customers)
    leads = prospects(n_prospects)
    settings = Settings(affinity_columns=EXTRA)

    t_analyse, analysis = best_of(repeats, lambda: analyse(table, settings))
    t_profile, prof = best_of(repeats, lambda: affinity.profile(analysis, table, settings))
    t_score, scored = best_of(repeats, lambda: affinity.score(prof, leads))
    t_customers, own = best_of(repeats, lambda: affinity.score_customers(prof))

    print(
        f"customers {n_customers:,} x {len(prof.characteristics)} characteristics, "
        f"prospects {n_prospects:,}; best of {repeats} runs"
    )
    print(f"  A/B/C core analysis          {t_analyse * 1000:8.1f} ms")
    print(f"  profile                      {t_profile * 1000:8.1f} ms")
    print(f"  score prospects              {t_score * 1000:8.1f} ms")
    print(
        f"  profile + score prospects    {(t_profile + t_score) * 1000:8.1f} ms"
        f"  ({(t_profile + t_score) / t_analyse:.2f}x the core analysis)"
    )
    print(f"  score existing customers     {t_customers * 1000:8.1f} ms")
    print(
        f"  profile lines {len(prof.table)}, hidden {prof.hidden}, "
        f"segments A/C {prof.a_customers}/{prof.c_customers}"
    )
    prospect_scores = scored.results["similarity"].dropna().astype(float)
    print(
        f"  prospect similarity: median {statistics.median(prospect_scores):.0f}, "
        f"untapped customers {int(own.results['untapped'].sum()):,}"
    )
    verdict = "met" if t_profile + t_score <= t_analyse else "NOT met"
    print(f"  target (profile + score <= core analysis): {verdict}")


if __name__ == "__main__":
    main()
