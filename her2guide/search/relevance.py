"""How good the ranking is: success@1, success@3 and MRR over a file of judged queries.

A judged query names its language and the results that are a right answer in first place (a
page id, or ``glossary#term`` for a glossary entry); see ``tests/search_relevance.yaml``. The test
suite asserts the levels; the benchmarks print them beside the speed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from her2guide.search.index import SearchIndex, SearchResult


@dataclass(frozen=True)
class Judged:
    query: str
    lang: str
    kind: str
    first: frozenset[str]


@dataclass(frozen=True)
class Outcome:
    """Where the first right result came (1-based; 0: not in the results) for each query."""

    ranks: tuple[tuple[Judged, int], ...]

    def success_at(self, k: int) -> float:
        return sum(1 for _j, rank in self.ranks if 0 < rank <= k) / len(self.ranks)

    @property
    def mrr(self) -> float:
        return sum(1 / rank for _j, rank in self.ranks if rank) / len(self.ranks)

    def misses(self, k: int) -> list[str]:
        return [f"{j.lang}: {j.query} (rank {rank})" for j, rank in self.ranks if not 0 < rank <= k]


def load(path: Path) -> list[Judged]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Judged(str(e["query"]), e["lang"], e.get("kind", ""), frozenset(e["first"]))
        for e in entries
    ]


def result_id(result: SearchResult) -> str:
    return f"{result.page_id}#{result.fragment}" if result.fragment else result.page_id


def evaluate(index: SearchIndex, judged: list[Judged], depth: int = 10) -> Outcome:
    """Searches each query as typed (no trailing space) in its language alone."""
    ranks = []
    for item in judged:
        ids = [result_id(r) for r in index.search(item.query, [item.lang], limit=depth)]
        rank = next((n for n, found in enumerate(ids, 1) if found in item.first), 0)
        ranks.append((item, rank))
    return Outcome(tuple(ranks))
