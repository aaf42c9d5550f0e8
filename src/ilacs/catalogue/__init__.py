"""The rule catalogue: the frameworks' rules as typed, immutable data, each with its sources.

Modules: :mod:`~ilacs.catalogue.grades` (scales and wordings),
:mod:`~ilacs.catalogue.frameworks` (frameworks, versions, judgement areas),
:mod:`~ilacs.catalogue.inspection_types` (types and routes), :mod:`~ilacs.catalogue.cadence`
(cycles, focused visits, monitoring, pauses), :mod:`~ilacs.catalogue.duties` (post-inspection
deadlines), :mod:`~ilacs.catalogue.refs` (the documents cited) and
:mod:`~ilacs.catalogue.plans` (the route and plan of the next inspection),
:mod:`~ilacs.catalogue.listing` (every rule, for listings).
"""
