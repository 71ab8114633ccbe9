"""Differentially private training (DP-SGD, Abadi et al. 2016) through Opacus.

Each step draws a Poisson sample of the training set (each scan in with probability q), clips every
scan's gradient to `max_grad_norm`, and adds Gaussian noise whose scale is chosen up front so that
`steps` such steps spend at most the target ε at δ (RDP accountant). The ε actually spent so far is
recomputed from (noise, q, steps done), so it survives a resume exactly.

Supported:
- the VAE (without its patch discriminator, which would see real scans unprotected);
- the DCGAN: only its discriminator sees real scans, so DP-SGD on the discriminator makes the
  generator private too (it learns only through the discriminator: post-processing). The private
  discriminator drops spectral norm, whose power-iteration buffers Opacus cannot handle per sample;
  per-scan clipping bounds its gradients instead;
- the in-domain classifier, with GroupNorm in place of BatchNorm (BatchNorm mixes scans of a batch).
Not done: the UNet of the (latent) DDPM would need per-sample gradients for diffusers' attention
processors, which Opacus has no hook for; it would take a UNet built from Opacus-supported layers
(its DPMultiheadAttention) or functorch per-sample gradients (`opacus` grad_sample_mode="functorch").
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from medcore.errors import DomainError
from medcore.imaging.train_config import TrainError


class PrivacyError(DomainError):
    """DP training cannot be set up as asked; the message says why."""


@dataclass
class DPState:
    target_epsilon: float
    delta: float
    max_grad_norm: float
    sample_rate: float
    noise_multiplier: float
    steps_planned: int
    epsilon: float = 0.0  # spent so far

    def to_dict(self) -> dict:
        return asdict(self)

    def label(self) -> str:
        return f"DP-SGD ε={self.epsilon:.2f} (δ={self.delta:g}, target ε={self.target_epsilon:g})"


def plan(target_epsilon: float, delta: float, max_grad_norm: float, batch_size: int, n_train: int,
         steps: int) -> DPState:
    from opacus.accountants.utils import get_noise_multiplier

    if target_epsilon <= 0 or not 0 < delta < 1:
        raise PrivacyError("DP needs ε > 0 and 0 < δ < 1")
    if delta >= 1.0 / max(n_train, 1):
        raise PrivacyError(f"δ={delta:g} is not below 1/N = {1 / n_train:.2g}: the guarantee would be meaningless")
    q = min(1.0, batch_size / max(n_train, 1))
    sigma = get_noise_multiplier(target_epsilon=target_epsilon, target_delta=delta, sample_rate=q, steps=steps,
                                 accountant="rdp")
    return DPState(target_epsilon, delta, max_grad_norm, q, float(sigma), steps)


def spent_epsilon(dp: DPState, steps_done: int) -> float:
    from opacus.accountants import RDPAccountant

    if steps_done <= 0:
        return 0.0
    acc = RDPAccountant()
    acc.history = [(dp.noise_multiplier, dp.sample_rate, steps_done)]
    return float(acc.get_epsilon(delta=dp.delta))


def make_private(module, optimizer, dp: DPState, batch_size: int, generator=None):
    """(per-sample-gradient wrapper of `module`, DP optimizer). The module itself stays usable for eval."""
    from opacus import GradSampleModule
    from opacus.optimizers import DPOptimizer
    from opacus.validators import ModuleValidator

    errors = ModuleValidator.validate(module, strict=False)
    if errors:
        raise PrivacyError("Opacus cannot compute per-sample gradients for: "
                           + "; ".join(str(e) for e in errors[:3]))
    wrapped = GradSampleModule(module, loss_reduction="mean")
    opt = DPOptimizer(optimizer, noise_multiplier=dp.noise_multiplier, max_grad_norm=dp.max_grad_norm,
                      expected_batch_size=batch_size, loss_reduction="mean", generator=generator)
    return wrapped, opt


def poisson_batch(x, y, sample_rate: float, gen):
    """Each training scan joins this step's batch independently with probability `sample_rate`."""
    import torch

    keep = torch.rand(x.shape[0], generator=gen, device=x.device) < sample_rate
    return x[keep], y[keep]


class DPRun:
    """One privately trained network of a run: its plan, its per-sample-gradient wrapper and DP optimizer,
    the Poisson batches it draws and the ε spent so far. The VAE, DCGAN and classifier share it."""

    def __init__(self, module, optimizer, *, target_epsilon: float, delta: float, max_grad_norm: float,
                 batch_size: int, n_train: int, steps: int):
        try:
            self.state = plan(target_epsilon, delta, max_grad_norm, batch_size, n_train, steps)
            self.module, self.optimizer = make_private(module, optimizer, self.state, batch_size)
        except PrivacyError as exc:
            raise TrainError(str(exc)) from exc
        self.steps_done = 0

    @classmethod
    def for_run(cls, module, optimizer, cfg, n_train: int) -> "DPRun":
        """The DP-SGD of a training run (`TrainConfig`): its ε, δ, clipping bound, batch size and steps."""
        return cls(module, optimizer, target_epsilon=cfg.dp_epsilon, delta=cfg.dp_delta,
                   max_grad_norm=cfg.dp_max_grad_norm, batch_size=cfg.batch_size, n_train=n_train, steps=cfg.steps)

    def batch(self, x, y, gen, flip: bool = True):
        from medcore.imaging.loop import batch_of

        xb, yb = poisson_batch(x, y, self.state.sample_rate, gen)
        # flips are a per-scan transform, so they leave the privacy analysis as it is
        return batch_of(xb, yb, xb.shape[0], gen, flip=flip) if xb.shape[0] else (xb, yb)

    def spent(self) -> dict:
        self.state.epsilon = spent_epsilon(self.state, self.steps_done)
        return self.state.to_dict()

    def restore(self, saved: dict) -> None:
        self.state = DPState(**saved["dp"])  # the noise planned at the start holds for the whole run
        self.optimizer.noise_multiplier = self.state.noise_multiplier
        self.steps_done = int(saved["step"])


def check_resume(private: DPRun | None, saved: dict) -> None:
    if (private is None) != (saved.get("dp") is None):
        raise TrainError("a run cannot switch differential privacy on or off when it resumes")
    if private is not None:
        private.restore(saved)
