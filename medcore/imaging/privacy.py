"""Differentially private training (DP-SGD, Abadi et al. 2016) through Opacus.

Each step draws a Poisson sample of the training set (each scan in with probability q), clips every
scan's gradient to `max_grad_norm`, and adds Gaussian noise whose scale is chosen up front so that
`steps` such steps spend at most the target ε at δ (RDP accountant). The ε actually spent so far is
recomputed from (noise, q, steps done), so it survives a resume exactly.

Supported: the VAE (without its patch discriminator, which would see real scans unprotected).
Not done: the DCGAN discriminator and the in-domain classifier; the UNet of the DDPM would also
need per-sample gradients for diffusers' attention, which Opacus has no hook for.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


class PrivacyError(ValueError):
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
