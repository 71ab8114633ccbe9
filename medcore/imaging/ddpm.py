"""The class-conditional DDPM: a diffusers UNet2DModel, its noise schedule, samplers and EMA.

Class conditioning uses the UNet's class embedding table with one extra row, the
"null" class, which training substitutes at random (classifier-free-guidance
dropout) so the same network also predicts unconditionally.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field

SAMPLERS = ("ddim", "dpm++", "ddpm")
PREDICTIONS = ("epsilon", "v_prediction")


@dataclass
class DDPMConfig:
    size: int = 32
    channels: tuple[int, ...] = (32, 64, 96, 128)
    layers_per_block: int = 1
    attention: bool = True  # self-attention at the lowest resolution only: cheap there, helps global shape
    num_classes: int = 2  # 1 = unconditional
    train_timesteps: int = 1000
    beta_schedule: str = "squaredcos_cap_v2"
    cfg_dropout: float = 0.1
    # "epsilon" (predict the noise) or "v_prediction". Checkpoints written before this field existed
    # were epsilon models, which is the default when a saved config lacks it.
    prediction: str = "epsilon"
    in_channels: int = 1  # a latent model diffuses the VAE's latent channels
    # Pixels live in [-1, 1], so the samplers clip the clean-image estimate there; scaled latents do not.
    clip_sample: bool = True

    def __post_init__(self) -> None:
        if self.prediction not in PREDICTIONS:
            raise ValueError(f"prediction {self.prediction!r}: choose one of {', '.join(PREDICTIONS)}")

    @property
    def conditional(self) -> bool:
        return self.num_classes > 1

    @property
    def null_class(self) -> int:
        return self.num_classes

    def to_dict(self) -> dict:
        d = asdict(self)
        d["channels"] = list(self.channels)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "DDPMConfig":
        known = {k: v for k, v in d.items() if k in cls.__dataclass_fields__}
        if "channels" in known:
            known["channels"] = tuple(known["channels"])
        return cls(**known)


def _groups(channels: tuple[int, ...]) -> int:
    for g in (32, 16, 8, 4, 2, 1):
        if all(c % g == 0 for c in channels):
            return g
    return 1


def build_unet(cfg: DDPMConfig):
    from diffusers import UNet2DModel

    n = len(cfg.channels)
    down = ["DownBlock2D"] * n
    up = ["UpBlock2D"] * n
    if cfg.attention:
        down[-1] = "AttnDownBlock2D"
        up[0] = "AttnUpBlock2D"
    return UNet2DModel(
        sample_size=cfg.size, in_channels=cfg.in_channels, out_channels=cfg.in_channels, layers_per_block=cfg.layers_per_block,
        block_out_channels=tuple(cfg.channels), down_block_types=tuple(down), up_block_types=tuple(up),
        norm_num_groups=_groups(cfg.channels), attention_head_dim=min(32, cfg.channels[-1]),
        num_class_embeds=cfg.num_classes + 1 if cfg.conditional else None,
    )


def train_scheduler(cfg: DDPMConfig):
    from diffusers import DDPMScheduler

    return DDPMScheduler(num_train_timesteps=cfg.train_timesteps, beta_schedule=cfg.beta_schedule,
                         prediction_type=cfg.prediction, clip_sample=True)


def sampler_scheduler(cfg: DDPMConfig, sampler: str):
    """A fresh scheduler per call: diffusers schedulers keep per-run state."""
    from diffusers import DDIMScheduler, DDPMScheduler, DPMSolverMultistepScheduler

    base = dict(num_train_timesteps=cfg.train_timesteps, beta_schedule=cfg.beta_schedule,
                prediction_type=cfg.prediction)
    if sampler == "ddim":
        return DDIMScheduler(**base, clip_sample=cfg.clip_sample, timestep_spacing="trailing")
    if sampler == "dpm++":
        # "leading" spacing skips t≈999, where the cosine schedule leaves almost no signal and an
        # epsilon model's clean-image estimate explodes (the multistep solver then carries that error
        # forward); dynamic thresholding keeps the clean-image estimate in range, as clip_sample does for DDIM.
        return DPMSolverMultistepScheduler(**base, algorithm_type="dpmsolver++", solver_order=2,
                                           timestep_spacing="leading", steps_offset=1, thresholding=cfg.clip_sample,
                                           sample_max_value=1.0)
    if sampler == "ddpm":
        return DDPMScheduler(**base, clip_sample=cfg.clip_sample)
    raise ValueError(f"unknown sampler {sampler!r}: choose one of {', '.join(SAMPLERS)}")


def count_params(model) -> int:
    return sum(p.numel() for p in model.parameters())


@dataclass
class EMA:
    """Exponential moving average of weights, with the usual warm-up so early steps are not frozen in."""

    max_decay: float = 0.9995
    shadow: dict = field(default_factory=dict)
    updates: int = 0

    @classmethod
    def of(cls, model, max_decay: float = 0.9995) -> "EMA":
        return cls(max_decay, {k: v.detach().clone().float() for k, v in model.state_dict().items()}, 0)

    def decay(self) -> float:
        return min(self.max_decay, (1 + self.updates) / (10 + self.updates))

    def update(self, model) -> None:
        import torch

        d = self.decay()
        self.updates += 1
        with torch.no_grad():
            for k, v in model.state_dict().items():
                s = self.shadow[k]
                if v.dtype.is_floating_point:
                    s.mul_(d).add_(v.detach().float(), alpha=1 - d)
                else:
                    s.copy_(v)


def cosine_lr(step: int, total: int, base: float, warmup: int = 200) -> float:
    if step < warmup:
        return base * (step + 1) / warmup
    p = (step - warmup) / max(1, total - warmup)
    return base * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(1.0, p))))


def ddpm_sample_tensor(net, cfg, *, n: int, labels: list[int] | None, seed: int, sampler: str = "ddim",
                       steps: int = 25, guidance: float = 1.5, device=None, trajectory: bool = False,
                       guidance_min_t: int = 0, on_step=None):
    """Returns (x of shape (n, in_channels, s, s), list of (timestep, x_t) when asked).

    Pixel models come back clamped to [-1, 1]; latent models (clip_sample off) unclamped.
    `guidance_min_t` > 0 applies classifier-free guidance only at timesteps from it up and the conditional
    prediction alone below (guidance in a limited interval, Kynkäänniemi et al. 2024); 0 guides every step.
    On the 128 px latent model it did not remove the busy texture (docs/evals/image-s11), so no card uses it.
    `on_step(done, total)` is called after every step (the page's progress bar); what it raises (a cancel) stops
    the loop there.
    """
    import torch

    from medcore.runtime import torch_generator

    device = device or next(net.parameters()).device
    gen = torch_generator(seed, "cpu")  # noise drawn on the CPU: the same seed gives the same images anywhere
    x = torch.randn((n, cfg.in_channels, cfg.size, cfg.size), generator=gen).to(device)
    sched = sampler_scheduler(cfg, sampler)
    sched.set_timesteps(steps if sampler != "ddpm" else cfg.train_timesteps)
    cond = torch.tensor(labels, device=device) if (labels is not None and cfg.conditional) else None
    guided = cond is not None and guidance != 1.0
    if guided:
        cond = torch.cat([cond, torch.full_like(cond, cfg.null_class)])
    traj = [(int(cfg.train_timesteps), x.detach().cpu())] if trajectory else []
    was_training = net.training
    net.eval()
    total = len(sched.timesteps)
    try:
        with torch.no_grad():
            for i, t in enumerate(sched.timesteps):
                guide = guided and int(t) >= guidance_min_t
                inp = torch.cat([x, x]) if guide else x
                inp = sched.scale_model_input(inp, t)
                eps = net(inp, t, class_labels=cond if guide or cond is None else cond[:n]).sample
                if guide:
                    e_c, e_u = eps.chunk(2)
                    eps = e_u + guidance * (e_c - e_u)
                x = sched.step(eps, t, x, generator=gen if sampler == "ddpm" else None).prev_sample
                if trajectory:
                    traj.append((int(t), x.detach().cpu()))
                if on_step is not None:
                    on_step(i + 1, total)
    finally:  # a cancel raised by on_step leaves the shared model as it found it
        net.train(was_training)
    return (x.clamp(-1, 1) if cfg.clip_sample else x), traj
