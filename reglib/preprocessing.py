"""Feature preprocessing: standardization and polynomial features.

Penalties treat every weight alike, so features must be on a common scale before
penalizing: standardize each column to mean 0 and variance 1 -- with the statistics of
the *training* data only (inside each cross-validation fold), then apply the same
``mean`` and ``scale`` to new data.
"""

from __future__ import annotations

import numpy as np

from ._validation import as_matrix, as_vector, check_bool, check_int

__all__ = ["polynomial_features", "standardize"]


def standardize(X, mean=None, scale=None):
    """Standardize the columns of ``X``: ``Z = (X - mean) / scale``.

    Without ``mean``/``scale``, they are computed from ``X`` itself: the column means
    and the *population* standard deviations (``ddof=0``),

    .. math::

        \\mu_j = \\frac1n \\sum_i X_{ij}, \\qquad
        s_j = \\sqrt{\\frac1n \\sum_i (X_{ij} - \\mu_j)^2},

    so every column of ``Z`` has mean 0 and ``Z[:, j].var() == 1`` (``numpy``'s default
    ``ddof=0``), i.e. :math:`\\lVert z_j \\rVert_2^2 = n`. A constant column (``s_j = 0``)
    gets ``scale = 1`` and becomes a column of zeros. Pass the ``mean`` and ``scale``
    returned for training data to transform validation or test data the same way.

    Parameters
    ----------
    X : array_like, shape (n, p)
        Data.
    mean : array_like, shape (p,), optional
        Column centers to use (default: the means of ``X``).
    scale : array_like, shape (p,), optional
        Column scales to use, each ``> 0`` (default: the population standard
        deviations of ``X``, with 0 replaced by 1).

    Returns
    -------
    Z : numpy.ndarray, shape (n, p)
        Standardized data.
    mean : numpy.ndarray, shape (p,)
        The centers used.
    scale : numpy.ndarray, shape (p,)
        The scales used.

    Raises
    ------
    ValueError, TypeError
        On NaN/inf or a non-2-D ``X``, a ``mean``/``scale`` of the wrong length, or a
        non-positive ``scale``.

    Examples
    --------
    >>> import numpy as np
    >>> from reglib.preprocessing import standardize
    >>> X_train = np.array([[1.0, 10.0], [3.0, 30.0]])
    >>> Z, mean, scale = standardize(X_train)
    >>> Z
    array([[-1., -1.],
           [ 1.,  1.]])
    >>> standardize(np.array([[2.0, 40.0]]), mean, scale)[0]
    array([[0., 2.]])
    """
    X = as_matrix(X, "X")
    p = X.shape[1]
    if mean is None:
        mean = X.mean(axis=0)
    else:
        mean = as_vector(mean, "mean")
        if mean.shape[0] != p:
            raise ValueError(f"mean must have one entry per column of X ({p}), got {mean.shape[0]}")
    if scale is None:
        scale = np.sqrt(np.mean((X - mean) ** 2, axis=0))
        scale = np.where(scale > 0, scale, 1.0)
    else:
        scale = as_vector(scale, "scale")
        if scale.shape[0] != p:
            raise ValueError(
                f"scale must have one entry per column of X ({p}), got {scale.shape[0]}"
            )
        if np.any(scale <= 0):
            raise ValueError(f"scale must be positive, got minimum {float(scale.min())!r}")
    return (X - mean) / scale, mean, scale


def polynomial_features(x, degree, include_bias=False):
    """Powers of a 1-D input: columns ``x, x^2, ..., x^degree``.

    Parameters
    ----------
    x : array_like, shape (n,)
        Inputs.
    degree : int
        Highest power, ``>= 0``.
    include_bias : bool, default False
        Prepend the column of ones ``x^0`` (leave it out when the estimator fits its own
        unpenalized intercept).

    Returns
    -------
    numpy.ndarray, shape (n, degree) or (n, degree + 1)
        The matrix with entries :math:`x_i^k`.

    Raises
    ------
    ValueError, TypeError
        If ``x`` is not a finite 1-D array, ``degree`` is not an integer ``>= 0`` (or is 0
        without ``include_bias``), or ``include_bias`` is not a bool.
    """
    x = as_vector(x, "x")
    degree = check_int(degree, "degree", minimum=0)
    include_bias = check_bool(include_bias, "include_bias")
    if degree == 0 and not include_bias:
        raise ValueError("degree must be >= 1 when include_bias is False (no columns left)")
    start = 0 if include_bias else 1
    return x[:, None] ** np.arange(start, degree + 1)[None, :]
