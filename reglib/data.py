"""Data for the course: seeded synthetic generators and two real data sets.

Generators take an explicit ``rng: numpy.random.Generator`` (make one with
``np.random.default_rng(seed)``), so every notebook is deterministic.

The real sets are the copies scikit-learn ships inside its package (no download):
diabetes (442 x 10, Efron et al. 2004) and digits (1797 x 64, 8 x 8 images).
"""

from __future__ import annotations

import numpy as np

from ._validation import check_bool, check_choice, check_int, check_lam, check_rng
from .preprocessing import standardize as _standardize

__all__ = [
    "DIABETES_FEATURES",
    "load_diabetes",
    "load_digits",
    "make_correlated_regression",
    "make_polynomial_data",
    "sine_curve",
]

#: Names of the ten diabetes features, in column order (Efron et al. 2004):
#: age, sex, body mass index, average blood pressure and six blood serum measurements.
DIABETES_FEATURES = ("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6")


def make_correlated_regression(
    n_samples,
    n_features,
    *,
    rho=0.5,
    n_informative=None,
    noise=1.0,
    structure="equal",
    rng,
):
    """Linear-regression data with correlated Gaussian features and a sparse true ``w``.

    Rows of ``X`` are independent draws from :math:`\\mathcal N(0, \\Sigma)` with unit
    variances and correlations

    * ``structure="equal"``: :math:`\\Sigma_{jk} = \\rho` for all ``j != k``
      (built as :math:`x_j = \\sqrt{\\rho}\\, z_0 + \\sqrt{1 - \\rho}\\, z_j`);
    * ``structure="ar1"``: :math:`\\Sigma_{jk} = \\rho^{|j - k|}` (neighbours correlate).

    The true weights ``w_true`` have ``n_informative`` nonzero entries at random
    positions, with random signs and magnitudes uniform in ``[1, 2]``; the rest are 0.
    Targets are :math:`y = X w_{\\text{true}} + \\varepsilon`,
    :math:`\\varepsilon \\sim \\mathcal N(0, \\text{noise}^2 I)` (no intercept).

    Parameters
    ----------
    n_samples : int
        Number of rows ``n >= 1``.
    n_features : int
        Number of columns ``p >= 1``.
    rho : float, default 0.5
        Correlation parameter in ``[0, 1)``; close to 1 gives near-collinear columns.
    n_informative : int, optional
        Number of nonzero true weights, ``1 <= n_informative <= n_features``
        (default: all ``n_features``).
    noise : float, default 1.0
        Standard deviation of the noise, ``>= 0``.
    structure : {"equal", "ar1"}, default "equal"
        Correlation structure (see above).
    rng : numpy.random.Generator
        Source of randomness (keyword-only, required).

    Returns
    -------
    X : numpy.ndarray, shape (n_samples, n_features)
    y : numpy.ndarray, shape (n_samples,)
    w_true : numpy.ndarray, shape (n_features,)

    Raises
    ------
    ValueError, TypeError
        On a bad size, ``rho`` outside ``[0, 1)``, negative ``noise``, unknown
        ``structure`` or a ``rng`` that is not a ``numpy.random.Generator``.
    """
    n = check_int(n_samples, "n_samples", minimum=1)
    p = check_int(n_features, "n_features", minimum=1)
    rho = check_lam(rho, "rho")
    if rho >= 1.0:
        raise ValueError(f"rho must be in [0, 1), got {rho!r}")
    k = p if n_informative is None else check_int(n_informative, "n_informative", minimum=1)
    if k > p:
        raise ValueError(f"n_informative must be <= n_features ({p}), got {k}")
    noise = check_lam(noise, "noise")
    check_choice(structure, ("equal", "ar1"), "structure")
    rng = check_rng(rng)

    Z = rng.standard_normal((n, p))
    if structure == "equal":
        z0 = rng.standard_normal((n, 1))
        X = np.sqrt(rho) * z0 + np.sqrt(1.0 - rho) * Z
    else:
        X = np.empty((n, p))
        X[:, 0] = Z[:, 0]
        for j in range(1, p):
            X[:, j] = rho * X[:, j - 1] + np.sqrt(1.0 - rho**2) * Z[:, j]
    w_true = np.zeros(p)
    support = np.sort(rng.choice(p, size=k, replace=False))
    w_true[support] = rng.choice([-1.0, 1.0], size=k) * rng.uniform(1.0, 2.0, size=k)
    y = X @ w_true + noise * rng.standard_normal(n)
    return X, y, w_true


def sine_curve(x):
    """The true curve of :func:`make_polynomial_data`: :math:`f(x) = \\sin(2\\pi x)`.

    Parameters
    ----------
    x : array_like

    Returns
    -------
    numpy.ndarray
    """
    return np.sin(2.0 * np.pi * np.asarray(x, dtype=float))


def make_polynomial_data(n_samples=20, *, noise=0.2, rng):
    """Noisy samples of a smooth 1-D curve, for polynomial curve fitting.

    Inputs :math:`x_i \\sim \\mathcal U[0, 1]` (sorted), targets
    :math:`y_i = \\sin(2\\pi x_i) + \\varepsilon_i`,
    :math:`\\varepsilon_i \\sim \\mathcal N(0, \\text{noise}^2)` (the classic example of
    Bishop 2006, ch. 1). Expand ``x`` with
    :func:`reglib.preprocessing.polynomial_features` to fit a polynomial.

    Parameters
    ----------
    n_samples : int, default 20
        Number of points, ``>= 1``.
    noise : float, default 0.2
        Noise standard deviation, ``>= 0``.
    rng : numpy.random.Generator
        Source of randomness (keyword-only, required).

    Returns
    -------
    x : numpy.ndarray, shape (n_samples,)
        Inputs in ``[0, 1]``, increasing.
    y : numpy.ndarray, shape (n_samples,)
        Noisy targets.

    Raises
    ------
    ValueError, TypeError
        On a bad ``n_samples``, negative ``noise`` or a bad ``rng``.
    """
    n = check_int(n_samples, "n_samples", minimum=1)
    noise = check_lam(noise, "noise")
    rng = check_rng(rng)
    x = np.sort(rng.uniform(0.0, 1.0, size=n))
    y = sine_curve(x) + noise * rng.standard_normal(n)
    return x, y


def load_diabetes(standardize=False, return_feature_names=False):
    """The diabetes data (Efron et al. 2004): 442 patients, 10 baseline features.

    The target is a quantitative measure of disease progression one year after
    baseline. Read from the copy scikit-learn ships in its package (no download),
    unscaled (``sklearn.datasets.load_diabetes(scaled=False)``); feature names in
    :data:`DIABETES_FEATURES`.

    Parameters
    ----------
    standardize : bool, default False
        If True, every column of ``X`` is centered and divided by its *population*
        standard deviation (``ddof=0``: mean 0, variance 1, squared norm ``n``), and
        ``y`` is centered (mean 0, not rescaled), as for the lasso path of Efron et al.,
        so models without an intercept are appropriate.
    return_feature_names : bool, default False
        Also return the feature names.

    Returns
    -------
    X : numpy.ndarray, shape (442, 10)
    y : numpy.ndarray, shape (442,)
    feature_names : tuple of str
        Only if ``return_feature_names``.

    Raises
    ------
    TypeError
        If a flag is not a bool.
    """
    standardize = check_bool(standardize, "standardize")
    return_feature_names = check_bool(return_feature_names, "return_feature_names")
    from sklearn.datasets import load_diabetes as _sk_load

    bunch = _sk_load(scaled=False)
    X = np.asarray(bunch.data, dtype=float)
    y = np.asarray(bunch.target, dtype=float)
    if standardize:
        X = _standardize(X)[0]
        y = y - y.mean()
    return (X, y, DIABETES_FEATURES) if return_feature_names else (X, y)


def load_digits(normalize=False):
    """The digits data: 1797 images of handwritten digits, 8 x 8 pixels each.

    Read from the copy scikit-learn ships in its package (no download). Pixel values are
    integers 0..16 (darkness).

    Parameters
    ----------
    normalize : bool, default False
        If True, divide pixels by 16 so they lie in ``[0, 1]``.

    Returns
    -------
    X : numpy.ndarray of float, shape (1797, 64)
        One flattened image per row (row-major 8 x 8).
    y : numpy.ndarray of int, shape (1797,)
        The digit 0..9 shown.

    Raises
    ------
    TypeError
        If ``normalize`` is not a bool.
    """
    normalize = check_bool(normalize, "normalize")
    from sklearn.datasets import load_digits as _sk_load

    bunch = _sk_load()
    X = np.asarray(bunch.data, dtype=float)
    if normalize:
        X = X / 16.0
    y = np.asarray(bunch.target, dtype=int)
    return X, y
