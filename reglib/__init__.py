"""reglib: the small numpy library behind the course *Regularization*.

Conventions (the same throughout the book):

* ridge minimizes ``||y - X w||^2 + lam * ||w||_2^2`` and the lasso minimizes
  ``||y - X w||^2 + lam * ||w||_1`` -- no 1/2 and no 1/n in front of the loss;
* the intercept is never penalized: estimators center the data, fit, and restore it;
* dropout's ``p`` is the *drop* probability and survivors are scaled by ``1/(1-p)``;
* randomness is explicit: functions take ``rng: numpy.random.Generator``.
"""

# Each block below belongs to one part of the library; add your exports to your block.

# --- core: costs, penalties, ridge, lasso, estimators, posterior, dropout, data
from .penalties import cost, l1, l2, soft_threshold
from .ridge import ridge, ridge_path
from .lasso import LassoKnots, lasso, lasso_duality_gap, lasso_kkt_violation, lasso_knots, lasso_path
from .estimators import Lasso, Ridge
from .bayes import posterior
from .dropout import dropout
from .preprocessing import polynomial_features, standardize
from . import data, preprocessing
from .glue import glue
from .seed import course_seed

# --- interactive figures (live ipywidgets control + static scrubber)
from .explore import Choice, FloatSlider, IntSlider, LogSlider, explore

# --- chapter: the regularized cost
from .constraint import constrained_least_squares, lam_for_budget, ridge_budget
from .gradient import max_stable_step, weight_decay_gd
from .polynomial import legendre_features

# --- chapter: ridge
from .shrinkage import effective_df, lam_for_df, shrinkage_factors, singular_values
from .stability import resample_coefs, ridge_coef_moments
from .pcr import pcr
from .dual import ridge_dual

# --- chapter: lasso
from .geometry import (constrained_minimizer, corner_cones, ends_at_corner, loss_grid, norm_ball,
                       two_feature_problem)
from .coordinate_descent import coordinate_descent
from .support import support_recovery, zero_frequency

# --- chapter: choosing lam
from .cv import cv_errors, cv_path, kfold_indices, one_standard_error
from .criteria import ICPath, information_criteria, lasso_criteria, noise_variance, ridge_criteria
from .elastic_net import elastic_net, elastic_net_cv_errors, elastic_net_path
from .nested_cv import NestedCV, nested_cv
from .ridge_loo import ridge_gcv, ridge_loo, ridge_residuals_leverages

# --- chapter: Bayesian reading
from .laplace import laplace_lam, laplace_map, laplace_neg_log_posterior, laplace_posterior_mean_1d
from .evidence import log_evidence, max_evidence
from .predictive import generalized_ridge, posterior_predictive, predictive_interval
from .sampling import chain_mean, metropolis

# --- chapter: dropout
from .mlp import init_mlp, mlp_backward, mlp_forward
from .softmax import softmax, softmax_cross_entropy
from .mlp_sgd import minibatches, split_rng
from .mlp_train import MLP, train_mlp
from .mlp_regression import MLPRegressor, train_mlp_regressor
from .dropout_regression import (dropout_penalty, dropout_ridge, dropout_sgd,
                                 expected_dropout_loss, sample_dropout_losses)

# --- chapter: implicit regularization
from .early_stopping import gd_filter_factors, gd_path, matched_lam, patience_stop
from .min_norm import min_norm
from .noise_injection import expected_noisy_loss, noise_lam, noisy_losses
from .double_descent import DoubleDescent, double_descent

from . import exercises, translation

__version__ = "0.1.0"
