"""Learning observed practice from data, and measuring forecasts against what happened.

Kept apart from :mod:`ilacs.scheduling`, which only reads a calibration:

- :func:`calibrate`: a :class:`~ilacs.scheduling.calibration.Calibration` from any national
  history (:mod:`~ilacs.fitting.calibrate`), built from the waits it holds
  (:mod:`~ilacs.fitting.waits`) with a weighted product-limit estimate
  (:mod:`~ilacs.fitting.survival`);
- :func:`backtest`: replay a history from past origins and score the windows
  (:mod:`~ilacs.fitting.backtest`).
"""

from __future__ import annotations

from ilacs.fitting.calibrate import calibrate

__all__ = ["calibrate"]
