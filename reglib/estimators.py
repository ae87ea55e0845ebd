"""Ridge and lasso estimators with an unpenalized intercept.

Both fit ``y ~ X w + b`` by minimizing

.. math::

    \\lVert y - X w - b \\mathbf{1} \\rVert_2^2 + \\lambda R(w), \\qquad
    R(w) = \\lVert w \\rVert_2^2 \\ (\\text{Ridge}) \\ \\text{or} \\ \\lVert w \\rVert_1 \\ (\\text{Lasso}),

with ``b`` free (never penalized). Minimizing over ``b`` first gives
:math:`b = \\bar y - \\bar x^\\top w`, so the fit centers ``X`` and ``y``, solves the
problem without intercept on the centered data, and restores ``b``.
"""

from __future__ import annotations

from ._validation import as_matrix, as_xy, check_bool, check_lam
from .lasso import lasso
from .ridge import ridge

__all__ = ["Lasso", "Ridge"]


class _Penalized:
    """Shared fit/predict logic; subclasses define ``_solve`` and set ``_name``."""

    _name = "estimator"

    def __init__(self, lam=1.0, fit_intercept=True):
        self.lam = check_lam(lam)
        self.fit_intercept = check_bool(fit_intercept, "fit_intercept")
        self.coef_ = None
        self.intercept_ = None

    def _solve(self, X, y):  # pragma: no cover - overridden
        raise NotImplementedError

    def fit(self, X, y):
        """Fit to data.

        Parameters
        ----------
        X : array_like, shape (n, p)
        y : array_like, shape (n,)

        Returns
        -------
        self
            With ``coef_`` (shape (p,)) and ``intercept_`` (float; 0.0 when
            ``fit_intercept=False``) set.

        Raises
        ------
        ValueError, TypeError
            On NaN/inf, wrong dimensions, empty or mismatched ``X``/``y``, or a ``lam`` or
            ``fit_intercept`` that is no longer valid (attributes set after construction).
        """
        X, y = as_xy(X, y)
        # hyperparameters may have been set after construction: check them again
        self.lam = check_lam(self.lam)
        self.fit_intercept = check_bool(self.fit_intercept, "fit_intercept")
        if self.fit_intercept:
            x_mean = X.mean(axis=0)
            y_mean = float(y.mean())
            w = self._solve(X - x_mean, y - y_mean)
            b = y_mean - float(x_mean @ w)
        else:
            w = self._solve(X, y)
            b = 0.0
        self.coef_ = w
        self.intercept_ = b
        return self

    def predict(self, X):
        """Predictions ``y_hat = X @ coef_ + intercept_``.

        Parameters
        ----------
        X : array_like, shape (m, p)

        Returns
        -------
        numpy.ndarray, shape (m,)

        Raises
        ------
        RuntimeError
            If called before :meth:`fit`.
        ValueError, TypeError
            If ``X`` is malformed or has a different number of columns than at fit time.
        """
        if self.coef_ is None:
            raise RuntimeError(f"this {self._name} is not fitted yet: call fit(X, y) first")
        X = as_matrix(X, "X")
        if X.shape[1] != self.coef_.shape[0]:
            raise ValueError(
                f"X must have {self.coef_.shape[0]} columns (as at fit time), got {X.shape[1]}"
            )
        return X @ self.coef_ + self.intercept_

    def __repr__(self) -> str:
        return f"{self._name}(lam={self.lam!r}, fit_intercept={self.fit_intercept!r})"


class Ridge(_Penalized):
    """Ridge regression with an unpenalized intercept.

    Minimizes :math:`\\lVert y - X w - b\\mathbf 1 \\rVert_2^2 + \\lambda \\lVert w \\rVert_2^2`
    over ``w`` and ``b`` (``b = 0`` if ``fit_intercept=False``). Same as scikit-learn's
    ``Ridge(alpha=lam)``.

    Parameters
    ----------
    lam : float, default 1.0
        Regularization strength, ``>= 0``.
    fit_intercept : bool, default True
        Whether to fit the (unpenalized) intercept ``b``.

    Attributes
    ----------
    coef_ : numpy.ndarray, shape (p,)
        The weights ``w`` (after :meth:`fit`).
    intercept_ : float
        The intercept ``b`` (after :meth:`fit`).

    Examples
    --------
    >>> import numpy as np, reglib
    >>> X = np.array([[0.0], [1.0], [2.0]]); y = np.array([1.0, 3.0, 5.0])
    >>> model = reglib.Ridge(lam=0.0).fit(X, y)
    >>> round(float(model.coef_[0]), 6), round(model.intercept_, 6)
    (2.0, 1.0)
    """

    _name = "Ridge"

    def _solve(self, X, y):
        return ridge(X, y, self.lam)


class Lasso(_Penalized):
    """Lasso regression with an unpenalized intercept.

    Minimizes :math:`\\lVert y - X w - b\\mathbf 1 \\rVert_2^2 + \\lambda \\lVert w \\rVert_1`
    over ``w`` and ``b`` (``b = 0`` if ``fit_intercept=False``), by coordinate descent
    (:func:`reglib.lasso`). Same as scikit-learn's ``Lasso(alpha=lam / (2 * n))``.

    Parameters
    ----------
    lam : float, default 1.0
        Regularization strength, ``>= 0``.
    fit_intercept : bool, default True
        Whether to fit the (unpenalized) intercept ``b``.

    Attributes
    ----------
    coef_ : numpy.ndarray, shape (p,)
        The weights ``w`` (after :meth:`fit`).
    intercept_ : float
        The intercept ``b`` (after :meth:`fit`).
    """

    _name = "Lasso"

    def _solve(self, X, y):
        return lasso(X, y, self.lam)
