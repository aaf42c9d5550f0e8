"""Merging the sheets of one of Ofsted's files: accounts of inspections into one record each.

Each row of a sheet gives an :class:`Event`, one sheet's account of an inspection or visit;
:class:`Merger` groups the accounts of each LA into :class:`Cluster` s, one per inspection, by
the rules of ``docs/ofsted-files.md`` (same day; inspection dates a few days apart; inspection
date and publication date paired within the publication lag), reporting an account that
disagrees with the one read first, and builds each cluster's record. Every step takes time
near-linear in the number of accounts (a dictionary of days, a sort, a search of the sorted
publication dates), so that a file of many accounts of one LA cannot make it quadratic.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from ilacs._rows import field_of
from ilacs.catalogue.frameworks import (
    Framework,
    FrameworkVersion,
    JudgementArea,
    framework_version_on,
    versions_of,
)
from ilacs.catalogue.inspection_types import InspectionType
from ilacs.errors import FileFormatError, IlacsError, ParseError
from ilacs.records import AnyGrade, Inspection, framework_of

if TYPE_CHECKING:
    from ilacs._accounts import Event

__all__ = ["Cluster", "Merger"]


class Cluster:
    """The accounts of one inspection: the one read first leads (its judgements, its row)."""

    __slots__ = ("events", "graded", "order", "published", "start", "themes", "types")

    def __init__(self, event: Event, order: int) -> None:
        self.events = [event]
        self.order = order  # in reading order, which decides the account kept
        self.start = event.start  # the earliest inspection date the accounts give
        self.published = event.published  # the first publication date read
        self.types = {event.type} - {None}
        self.themes = {event.theme} - {""}
        self.graded = event.graded

    @property
    def head(self) -> Event:
        return self.events[0]

    def add(self, event: Event) -> None:
        self.events.append(event)
        if event.start is not None and (self.start is None or event.start < self.start):
            self.start = event.start
        if self.published is None:
            self.published = event.published
        if event.type is not None:
            self.types.add(event.type)
        if event.theme:
            self.themes.add(event.theme)
        self.graded = self.graded and event.graded

    def agrees(self, event: Event) -> bool:
        """True when ``event`` gives no other type, judgements or theme than the cluster."""
        return (
            event.judgements == self.head.judgements
            and (event.type is None or not self.types or event.type in self.types)
            and (not event.theme or not self.themes or event.theme in self.themes)
        )

    def disagreement(self, event: Event) -> tuple[str, str] | None:
        """The field and value on which ``event`` disagrees with the cluster, or None."""
        if self.agrees(event):
            return None
        if event.type is not None and self.types and event.type not in self.types:
            return "type", event.type.value
        head = self.head.judgements
        if event.judgements != head:
            area = next(a for a in JudgementArea if event.judgements.get(a) != head.get(a))
            shown = event.judgements.get(area)
            return "judgements." + area.name, shown.label if shown is not None else ""
        if event.theme and self.themes and event.theme not in self.themes:
            return "theme", event.theme
        return None

    def first_disagreement(self, events: Iterable[Event]) -> tuple[str, str] | None:
        return next(filter(None, map(self.disagreement, events)), None)

    def error(self, field: str | None, error: IlacsError) -> FileFormatError:
        """``error`` placed at the first account that gives ``field``."""
        holder = next((e for e in self.events if field in e.fields), self.head)
        return holder.error(field, error)

    def __str__(self) -> str:
        return str(self.head)


_Key = tuple[InspectionType | None, str, dt.date]


class Merger:
    """Merges the accounts of a file into clusters, one per inspection, errors aside.

    Args:
        lag: the longest gap from inspection date to publication that pairs two accounts
            (:data:`ilacs.ofsted.MAX_PUBLICATION_LAG`).
        near: the largest difference of inspection dates of one inspection
            (:data:`ilacs.ofsted.MAX_START_DISAGREEMENT`).
        errors: where the accounts that disagree are reported.
    """

    def __init__(
        self, lag: dt.timedelta, near: dt.timedelta, errors: list[FileFormatError]
    ) -> None:
        self.lag = lag
        self.near = near
        self.errors = errors

    def conflict(self, kept: Event, other: Event, field: str, value: str) -> None:
        """Report that ``other`` disagrees with ``kept`` about one inspection."""
        what = "judgement" if field.startswith("judgements.") else field
        expected = f"the same {what} as {kept}, which describes the same inspection"
        self.errors.append(other.error(field, ParseError(field, value, expected)))

    def merge(self, events: Iterable[Event]) -> list[Cluster]:
        """Group the events of each LA into inspections (see ``docs/ofsted-files.md``)."""
        by_la: dict[str, list[Event]] = {}
        for event in events:
            by_la.setdefault(event.la_code, []).append(event)
        merged: list[Cluster] = []
        for group in by_la.values():
            merged += self.pair_by_lag(self.join_near_starts(self.same_day(group)))
        return merged

    def same_day(self, group: Sequence[Event]) -> list[Cluster]:
        """Clusters of the accounts of one LA that give the same inspection or publication day.

        Graded accounts go together, visits with visits of their type. An account that joins
        a cluster must agree with it; a second account of it in the same sheet is a duplicate.
        """
        clusters: list[Cluster] = []
        index: dict[_Key, list[Cluster]] = {}
        for event in group:
            home = _find(index, _keys(event.kind, event.start, event.published))
            if home is None:
                home = Cluster(event, len(clusters))
                clusters.append(home)
            elif (found := home.disagreement(event)) is not None:
                self.conflict(home.head, event, *found)
                continue
            elif twin := next((e for e in home.events if e.row.sheet == event.row.sheet), None):
                error = ParseError(
                    "inspection",
                    f"{event.la_name} ({event.la_code}) {event.start or event.published}",
                    f"each inspection once in a sheet ({twin} is the same)",
                )
                self.errors.append(event.error(None, error))
                continue
            else:
                home.add(event)
            for key in _keys(event.kind, home.start, home.published):
                listed = index.setdefault(key, [])
                if home not in listed:
                    listed.append(home)
        return clusters

    def join_near_starts(self, clusters: list[Cluster]) -> list[Cluster]:
        """Join graded clusters whose inspection dates differ by a few days (one inspection)."""
        dated = sorted(
            (c for c in clusters if c.start is not None and c.graded),
            key=lambda c: c.start or dt.date.min,
        )
        gone: set[int] = set()
        current: Cluster | None = None
        for cluster in dated:
            if current is None or not self.near_by(current, cluster):
                current = cluster
                continue
            if all(map(current.agrees, cluster.events)):
                for event in cluster.events:
                    current.add(event)
                gone.add(id(cluster))
                continue
            # One inspection told two ways: the account read first is kept, the other reported.
            kept, lost = sorted((current, cluster), key=lambda c: c.order)
            found = kept.first_disagreement(lost.events)
            self.conflict(kept.head, lost.head, *(found or ("start", "")))
            gone.add(id(lost))
            current = kept
        return [c for c in clusters if id(c) not in gone]

    def near_by(self, earlier: Cluster, later: Cluster) -> bool:
        """True when two graded clusters' dates are close enough to be one inspection."""
        if earlier.start is None or later.start is None:
            return False
        published = {d for d in (earlier.published, later.published) if d is not None}
        return later.start - earlier.start <= self.near and len(published) <= 1

    def pair_by_lag(self, clusters: list[Cluster]) -> list[Cluster]:
        """Join graded clusters known only by start to those known only by publication.

        Pairs within the lag are taken shortest gap first and join when the type and
        judgements agree. A start-dated cluster whose nearest publication-dated partner
        disagrees is reported (the history sheet's account is kept). The partners of each
        start-dated cluster are found by a search of the sorted publication dates.
        """
        graded = [c for c in clusters if c.graded]
        started = [c for c in graded if c.start and not c.published]
        published = [c for c in graded if c.published and not c.start]
        by_day = sorted(range(len(published)), key=lambda j: published[j].published or dt.date.min)
        days = [published[j].published or dt.date.min for j in by_day]
        pairs: list[tuple[dt.timedelta, int, int]] = []
        for i, cluster in enumerate(started):
            begun = cluster.start or dt.date.min
            first = bisect.bisect_left(days, begun)
            for at in range(first, bisect.bisect_right(days, begun + self.lag)):
                pairs.append((days[at] - begun, i, by_day[at]))
        pairs.sort()
        used_s: set[int] = set()
        used_p: set[int] = set()
        gone: set[int] = set()
        for _, i, j in pairs:
            if i in used_s or j in used_p:
                continue
            source, target = published[j], started[i]
            if not all(map(target.agrees, source.events)):
                continue
            used_s.add(i)
            used_p.add(j)
            for event in source.events:
                target.add(event)
            gone.add(id(source))
        for _, i, j in pairs:  # the nearest partner of each start-dated cluster left alone
            if i in used_s or j in used_p:
                continue
            used_s.add(i)
            target, source = started[i], published[j]
            found = source.first_disagreement(target.events)
            if found is not None:
                self.conflict(source.head, target.head, *found)
                gone.add(id(target))
        return [c for c in clusters if id(c) not in gone]

    def inspection(self, cluster: Cluster, name: str) -> Inspection | None:
        """The record of one merged inspection, or None with an error reported."""
        head = cluster.head
        kind = next((e.type for e in cluster.events if e.type is not None), None)
        if kind is None:
            expected = (
                "an inspection type: this sheet gives none and no other sheet of the file "
                "describes the same inspection"
            )
            self.errors.append(head.error("start", ParseError("type", "", expected)))
            return None
        framework = next((e.framework for e in cluster.events if e.framework), None)
        start, published = cluster.start, cluster.published
        misdated = None if start else self.misdated(kind, framework, published, head.judgements)
        try:
            record = Inspection(
                head.la_code,
                name,
                kind,
                start=start,
                published=published,
                judgements=head.judgements,
                framework=framework,
                theme=next((e.theme for e in cluster.events if e.theme), ""),
            )
        except IlacsError as error:
            problem = misdated or error
            self.errors.append(cluster.error(field_of(problem, head.judgements), problem))
            return None
        if misdated is not None:
            self.errors.append(cluster.error("published", misdated))
            return None
        return record

    def misdated(
        self,
        kind: InspectionType,
        framework: Framework | None,
        published: dt.date | None,
        judgements: Mapping[JudgementArea, AnyGrade],
    ) -> IlacsError | None:
        """Why a record dated only by publication would fall under the wrong framework version.

        Versions follow the inspection's start. Without it, the version in force on the
        publication date is used; when the judgements are exactly those of another version of
        the framework in force in the lag before publication (e.g. children in care and care
        leavers judged together, published after 16 January 2023), the record would be
        misplaced.
        """
        chosen = framework_of(kind, framework)
        if published is None or not judgements or chosen is None:
            return None
        try:
            derived: FrameworkVersion | None = framework_version_on(published, chosen)
        except IlacsError:
            derived = None
        judged = set(judgements)
        if derived is not None and set(derived.judgement_areas) == judged:
            return None
        earliest = published - self.lag
        for version in versions_of(chosen):
            in_window = version.valid_from <= published and (
                version.valid_to is None or version.valid_to >= earliest
            )
            if version is not derived and in_window and set(version.judgement_areas) == judged:
                return ParseError(
                    "published",
                    published.isoformat(),
                    "an inspection date, which the file does not give",
                    f"the judgements are those of {version.name} (inspections starting "
                    f"{version.valid_from.isoformat()} to {version.valid_to or 'now'}), but a "
                    f"record dated by its publication on {published.isoformat()} would fall "
                    f"under {derived.name if derived else 'no version'}",
                )
        return None


def _keys(
    kind: InspectionType | None, start: dt.date | None, published: dt.date | None
) -> list[_Key]:
    keys = [(kind, "start", start)] if start is not None else []
    return [*keys, (kind, "published", published)] if published is not None else keys


def _find(index: Mapping[_Key, list[Cluster]], keys: Sequence[_Key]) -> Cluster | None:
    """The cluster read first whose day (its start, or its publication) is one of ``keys``."""
    best: Cluster | None = None
    for key in keys:
        for cluster in index.get(key, ()):
            day = cluster.start if key[1] == "start" else cluster.published
            if day == key[2] and (best is None or cluster.order < best.order):
                best = cluster
    return best
