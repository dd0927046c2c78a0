"""Scoring of a self-check: the same rules as selfcheck/src/lib/scoring.js.

Every rule comes from the edition's YAML (answer states, tiers, display precision). Shares are
compared exactly with integer arithmetic (met * 100 >= min_percent * total), so 30 of 45 is
66.7% and stays below a 67% tier, and Python and JavaScript cannot disagree through floating point.
Percentages are rounded half up, as the certification report prints them (7 of 9 is 78%).
"""

from __future__ import annotations

from fractions import Fraction


def criterion_ids(group: dict) -> list[str]:
    return [criterion["id"] for criterion in group["criteria"]]


def edition_total(edition: dict) -> int:
    return sum(len(group["criteria"]) for group in edition["groups"])


def met_states(edition: dict) -> set[str]:
    return {state["id"] for state in edition["answer_states"] if state["met"]}


def reaches(met: int, total: int, min_percent: float) -> bool:
    return total > 0 and Fraction(met * 100) >= Fraction(str(min_percent)) * total


def min_met_for(total: int, min_percent: float) -> int:
    """Smallest number of criteria met that reaches ``min_percent`` of ``total``."""
    needed = Fraction(str(min_percent)) * total / 100
    return -(-needed.numerator // needed.denominator)


def tier_for(met: int, total: int, tiers: list[dict]) -> dict | None:
    reached = [tier for tier in tiers if reaches(met, total, tier["min_percent"])]
    return max(reached, key=lambda tier: tier["min_percent"]) if reached else None


def tier_ranges(edition: dict) -> list[dict]:
    """For each tier, the range of criteria met that lands in it, e.g. 23 to 30 of 45 for a tier from 51%."""
    total = edition_total(edition)
    tiers = sorted(edition["tiers"], key=lambda tier: tier["min_percent"])
    ranges = []
    for index, tier in enumerate(tiers):
        low = min_met_for(total, tier["min_percent"])
        high = min_met_for(total, tiers[index + 1]["min_percent"]) - 1 if index + 1 < len(tiers) else total
        ranges.append({"tier": tier, "min_met": low, "max_met": high, "total": total})
    return ranges


def rounded_percent(part: int, whole: int, decimals: int) -> str:
    """part/whole as a percentage rounded half up to ``decimals`` places, as text."""
    if whole == 0:
        return format(0, f".{decimals}f")
    scale = 10**decimals
    scaled = (part * 100 * scale * 2 + whole) // (whole * 2)
    whole_part, fraction = divmod(scaled, scale)
    return f"{whole_part}.{fraction:0{decimals}d}" if decimals else str(whole_part)


def score(edition: dict, answers: dict[str, str]) -> dict:
    """Score ``answers`` (criterion id -> answer state id) against ``edition``.

    Answers to ids the edition does not have are ignored; the caller reports them.
    """
    met_ids = met_states(edition)
    decimals = edition["display"]
    groups = []
    met_total = answered_total = 0
    for group in edition["groups"]:
        ids = criterion_ids(group)
        met = sum(1 for cid in ids if answers.get(cid) in met_ids)
        answered = sum(1 for cid in ids if cid in answers)
        met_total += met
        answered_total += answered
        benchmark = group.get("benchmark")
        groups.append(
            {
                "id": group["id"],
                "met": met,
                "total": len(ids),
                "percent": rounded_percent(met, len(ids), decimals["group_decimals"]),
                "average_percent": benchmark["all_applicants_percent"] if benchmark else None,
            }
        )
    total = edition_total(edition)
    tier = tier_for(met_total, total, edition["tiers"])
    higher = sorted(
        (t for t in edition["tiers"] if not reaches(met_total, total, t["min_percent"])),
        key=lambda t: t["min_percent"],
    )
    next_tier = None
    if higher:
        next_tier = {"id": higher[0]["id"], "more_needed": min_met_for(total, higher[0]["min_percent"]) - met_total}
    return {
        "met": met_total,
        "total": total,
        "unanswered": total - answered_total,
        "percent": rounded_percent(met_total, total, decimals["overall_decimals"]),
        "tier": tier["id"] if tier else None,
        "next_tier": next_tier,
        "groups": groups,
    }


# --- reading a share the way the published whole-percent ranges are read -------------------------


def rounded_tier(edition: dict, met: int) -> str | None:
    """The id of the tier a reader who rounds the share to a whole percent (half up) would give ``met``.

    Tier ranges are published as whole percentages (e.g. 51-66, 67-84), so a share such as 66.7% falls
    between two of them. The guide itself compares the exact share (``tier_for``); this is the other
    reading, for saying which tier rounding would give (the twin of roundedTier in selfcheck/src/lib/scoring.js). None when the rounded share reaches no tier.
    """
    total = edition_total(edition)
    if total == 0:
        return None
    percent = int(rounded_percent(met, total, 0))
    reached = [tier for tier in edition["tiers"] if percent >= tier["min_percent"]]
    return max(reached, key=lambda tier: tier["min_percent"])["id"] if reached else None
