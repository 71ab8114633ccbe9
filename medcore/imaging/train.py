"""Training for the image models: `train_image` runs the one loop (`loop.py`) with the chosen
model's handler (DDPM, DCGAN, VAE, latent DDPM).

The CLI (`python -m medcore train image`) and the Model lab's Train button run the
same `train_image`; the latter through a background job whose reporter receives
progress rows and preview grids.
"""

from __future__ import annotations

from medcore.config import Settings
from medcore.imaging.export import export_checkpoint  # noqa: F401 - part of this module's interface
from medcore.imaging.loop import Handler, batch_of, prepare_data, run, save_preview  # noqa: F401
from medcore.imaging.train_config import MODELS, RunState, TrainConfig, TrainError  # noqa: F401
from medcore.imaging.train_ddpm import DDPMHandler, ddpm_loss  # noqa: F401
from medcore.imaging.train_gan import GANHandler, gan_step  # noqa: F401
from medcore.imaging.train_ldm import LDMHandler
from medcore.imaging.train_vae import VAEHandler

HANDLERS: dict[str, type[Handler]] = {"ddpm": DDPMHandler, "gan": GANHandler, "vae": VAEHandler, "ldm": LDMHandler}


def train_image(cfg: TrainConfig, settings: Settings, reporter, *, resume: bool = False) -> dict:
    return run(cfg, settings, reporter, HANDLERS[cfg.model](), resume=resume)


def train_ddpm(cfg: TrainConfig, settings: Settings, reporter, *, resume: bool = False) -> dict:
    return run(cfg, settings, reporter, DDPMHandler(), resume=resume)


def train_gan(cfg: TrainConfig, settings: Settings, reporter, *, resume: bool = False) -> dict:
    return run(cfg, settings, reporter, GANHandler(), resume=resume)
