"""Prices per million tokens, per model, for --dry-run and --max-cost (configurable with a JSON file).

Defaults are list prices in USD as published by the providers in 2025 (standard tier, no cache hits);
check them before relying on a figure. A JSON file {"model": [input_per_M, output_per_M], ...} named by
the prices_file setting or $DIGEST_CHECK_PRICES overrides and extends the table. Unknown models cost
nothing in dry runs, and are said to be unpriced; --max-cost then refuses to run (use --max-tokens).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_PRICES: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1-nano": (0.10, 0.40),
    "deepseek-chat": (0.28, 0.42),
    "qwen-plus": (0.40, 1.20),
    "qwen-turbo": (0.05, 0.20),
}


@dataclass(frozen=True)
class Price:
    model: str
    input_per_m: float
    output_per_m: float
    known: bool

    def cost(self, input_tokens: int, output_tokens: int) -> float:
        return (input_tokens * self.input_per_m + output_tokens * self.output_per_m) / 1_000_000


def load_price_table(prices_file: Path | None = None) -> dict[str, tuple[float, float]]:
    table = dict(DEFAULT_PRICES)
    path = prices_file or (Path(os.environ["DIGEST_CHECK_PRICES"]) if os.environ.get("DIGEST_CHECK_PRICES") else None)
    if path is None:
        return table
    data = json.loads(path.read_text(encoding="utf-8"))
    for model, pair in data.items():
        table[str(model)] = (float(pair[0]), float(pair[1]))
    return table


def price_for(model: str, table: dict[str, tuple[float, float]]) -> Price:
    """Exact name first, then the longest known prefix (gpt-4o-mini-2024-07-18 -> gpt-4o-mini)."""
    if model in table:
        return Price(model, *table[model], known=True)
    prefixes = [name for name in table if model.startswith(name)]
    if prefixes:
        best = max(prefixes, key=len)
        return Price(best, *table[best], known=True)
    return Price(model, 0.0, 0.0, known=False)
