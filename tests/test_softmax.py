"""Tests for reglib.softmax against scikit-learn's log loss."""

import numpy as np
import pytest
from sklearn.metrics import log_loss

from reglib.softmax import softmax, softmax_cross_entropy


def test_softmax_cross_entropy_matches_sklearn():
    rng = np.random.default_rng(0)
    z = rng.normal(size=(20, 4)) * 3
    y = rng.integers(0, 4, size=20)
    loss, g = softmax_cross_entropy(z, y)
    assert np.isclose(loss, log_loss(y, softmax(z), labels=range(4)))
    assert np.allclose(softmax(z).sum(1), 1)
    assert np.allclose(g.sum(1), 0)  # gradient rows sum to zero
    # huge logits stay finite
    loss_big, _ = softmax_cross_entropy(z * 1e4, y)
    assert np.isfinite(loss_big)


def test_bad_labels():
    z = np.zeros((3, 2))
    with pytest.raises(ValueError, match="class labels"):
        softmax_cross_entropy(z, [0, 1, 2])
    with pytest.raises(ValueError, match="logits"):
        softmax_cross_entropy(np.zeros(3), [0, 1, 0])
