"""What a training run is asked to do (`TrainConfig`) and what its checkpoints remember (`RunState`).

Shared by the one training loop (`loop.py`), its per-model handlers and the CLI / Model lab.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from medcore.config import Settings
from medcore.errors import DomainError

MODELS = ("ddpm", "gan", "vae", "ldm")
DP_MODELS = ("vae", "gan")


class TrainError(DomainError):
    """A run cannot start as asked; the message says what to change."""


@dataclass
class TrainConfig:
    model: str = "ddpm"
    dataset: str = "br35h"
    size: int = 32
    steps: int = 2000
    batch_size: int = 32
    lr: float = 0.0  # 0: the model's default
    channels: tuple[int, ...] = (32, 64, 96, 128)  # DDPM / LDM UNet widths
    layers_per_block: int = 1
    attention: bool = True
    gan_width: int = 64
    ema_decay: float = 0.9995
    cfg_dropout: float = 0.1
    # v-prediction stays well-posed near t≈T, where the cosine schedule leaves almost no signal and an
    # epsilon model's clean-image estimate blows up (the washed-out samples of the first shipped model).
    prediction: str = ""  # "": the model's default, epsilon for the pixel DDPM, v_prediction for ldm
    # VAE (also the autoencoder under an ldm run)
    vae_channels: tuple[int, ...] = (16, 48, 96)  # widths at 1, 1/2, 1/4 resolution: factor 4
    latent_channels: int = 4
    kl_weight: float = 1e-3
    kl_anneal_steps: int = 2000
    ssim_weight: float = 0.5
    disc_weight: float = 0.0  # 0: no patch discriminator
    disc_start: int = 2000
    dp_epsilon: float = 0.0  # > 0: DP-SGD to this ε over `steps` (VAE, or the DCGAN's discriminator)
    dp_delta: float = 1e-5
    dp_max_grad_norm: float = 1.0
    vae: str = ""  # ldm: the VAE run or checkpoint folder whose latents it diffuses
    checkpoint_every: int = 500
    checkpoint_every_s: float = 0.0  # also checkpoint when this many seconds passed since the last one
    preview_every: int = 250
    keep: int = 3
    seed: int = 0
    name: str = ""
    out_dir: str = ""
    holdout: float = 0.1
    amp: bool = True  # bf16 autocast on CUDA only
    export_dir: str = ""  # also write the sampling weights (fp16) here at every checkpoint

    def __post_init__(self) -> None:
        if self.model not in MODELS:
            raise TrainError(f"--model {self.model!r}: choose one of {', '.join(MODELS)}")
        if self.steps <= 0 or self.batch_size <= 0:
            raise TrainError("steps and batch size must be positive")
        if self.dp_epsilon > 0 and self.model not in DP_MODELS:
            raise TrainError(f"differentially private training is implemented for the VAE and the DCGAN, not "
                             f"--model {self.model}: Opacus has no per-sample gradients for the diffusion UNet's "
                             "attention")
        if self.model == "ldm" and not self.vae:
            raise TrainError("--model ldm needs --vae: the VAE run or checkpoint folder to diffuse the latents of")
        if not self.prediction:
            self.prediction = "v_prediction" if self.model == "ldm" else "epsilon"
        self.channels = tuple(int(c) for c in self.channels)
        self.vae_channels = tuple(int(c) for c in self.vae_channels)

    @property
    def run_name(self) -> str:
        if self.name:
            return self.name
        ds = Path(self.dataset).stem if self.dataset not in ("br35h", "mni") else self.dataset
        return f"{self.model}-{ds}-{self.size}px"

    def resolved_out_dir(self, settings: Settings) -> Path:
        return Path(self.out_dir) if self.out_dir else settings.path("imaging", "runs", self.run_name)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["channels"] = list(self.channels)
        d["vae_channels"] = list(self.vae_channels)
        return d


@dataclass
class RunState:
    """What a checkpoint's state.json holds besides the weights."""

    kind: str
    model_config: dict
    train_config: dict
    class_names: list[str]
    dataset: dict
    wall_s: float = 0.0
    images_seen: int = 0
    losses: list = field(default_factory=list)  # (step, loss) every so often, for the curve after a resume
    device: str = "cpu"
    finished: bool = False
    evals: list = field(default_factory=list)  # (step, metrics) measured at checkpoints, where a model has some
