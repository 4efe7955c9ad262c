"""MRZ parse + verify throughput, against a trivial same-input baseline from the same run.

Run: `python benchmarks/bench_mrz.py [COUNT]`. Prints figures; asserts nothing.
"""

from __future__ import annotations

import random
import re
import string
import time
from collections.abc import Callable
from datetime import date, timedelta

from _args import count_argument  # benchmarks/, run as a script

from inspection_client.domain.mrz import build_td1, build_td3, parse_mrz

TODAY = date(2025, 6, 1)
_LINE = re.compile(r"[A-Z0-9<]{44}")


def generate(count: int, seed: int = 6346) -> tuple[list[str], float]:
    """Return `count` TD3 texts (one in ten typed as a burst) and the build rate per second."""
    rng = random.Random(seed)
    people = []
    for _ in range(count):
        people.append(
            {
                "issuing_state": rng.choice(("UTO", "CHN", "KAZ", "D", "KGZ")),
                "nationality": rng.choice(("UTO", "CHN", "KAZ", "D", "TJK")),
                "document_number": "".join(
                    rng.choices(string.ascii_uppercase + string.digits, k=9)
                ),
                "surname": "".join(rng.choices(string.ascii_uppercase, k=rng.randint(3, 12))),
                "given_names": "".join(rng.choices(string.ascii_uppercase, k=rng.randint(3, 10))),
                "birth_date": TODAY - timedelta(days=rng.randint(365, 30_000)),
                "expiry_date": TODAY + timedelta(days=rng.randint(-3_000, 3_650)),
                "sex": rng.choice("MFX"),
                "personal_number": rng.choice(("", "ZE184226B")),
            }
        )
    started = time.perf_counter()
    texts = [
        "\n".join(build_td3(**person)) if i % 10 else "".join(build_td3(**person))  # type: ignore[arg-type]
        for i, person in enumerate(people)
    ]
    return texts, count / (time.perf_counter() - started)


def rate(operation: Callable[[str], object], texts: list[str]) -> float:
    """Best of three passes, in operations per second."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for text in texts:
            operation(text)
        best = min(best, time.perf_counter() - started)
    return len(texts) / best


def baseline(text: str) -> object:
    lines = text.upper().split()
    return [_LINE.fullmatch(line) for line in lines]


def main() -> None:
    count = count_argument(200_000)
    texts, build_rate = generate(count)
    sample_valid = sum(parse_mrz(text, today=TODAY).valid for text in texts[:1000])
    td1_rate = rate(lambda _: build_td1(**_TD1_ARGUMENTS), texts[: count // 4])  # type: ignore[arg-type]

    parse_rate = rate(lambda text: parse_mrz(text, today=TODAY), texts)
    base_rate = rate(baseline, texts)
    broken = [
        text[:60] + ("O" if text[60] != "O" else "0") + text[61:] for text in texts[: count // 20]
    ]
    broken_rate = rate(lambda text: parse_mrz(text, today=TODAY), broken)
    print(f"inputs                         {count:,} TD3 (10% as separator-less bursts)")
    print(f"build_td3                      {build_rate:12,.0f} /s")
    print(f"build_td1 (long number)        {td1_rate:12,.0f} /s")
    print(f"sanity: valid in first 1,000   {sample_valid:12,}")
    print(f"parse_mrz (valid)              {parse_rate:12,.0f} /s")
    print(f"baseline upper+split+regex     {base_rate:12,.0f} /s")
    print(f"parse / baseline               {parse_rate / base_rate:12.3f}")
    print(f"parse_mrz (one bad character)  {broken_rate:12,.0f} /s   (includes suggestion search)")


_TD1_ARGUMENTS: dict[str, object] = {
    "issuing_state": "UTO",
    "document_number": "D23145890734",
    "surname": "STEVENSON",
    "given_names": "PETER JOHN",
    "nationality": "UTO",
    "birth_date": date(1934, 7, 12),
    "sex": "M",
    "expiry_date": date(2030, 7, 12),
}

if __name__ == "__main__":
    main()
